import AnalyticsCore
import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit

/// The service's one `AnalyticsState`, fed by the replica of the event topics and read by the
/// publisher and the checkpoints.
///
/// `TopicReplica` hands each record over once, in offset order per partition (its restore and its
/// follower both read from the checkpoint's positions, or the start). The core's own duplicate
/// memory only has to deal with duplicates that are on the topic itself (a producer retry, a
/// replayed handler).
final class AnalyticsFold: Sendable {
    /// The state and, per partition, the first offset it does not cover: changed together under
    /// one lock, so a checkpoint takes a cut where the two agree.
    private struct Folded {
        var state: AnalyticsState
        var positions: [TopicPartition: Int64]
        var changedSinceCheckpoint = false

        mutating func moved(_ partition: TopicPartition, past offset: Int64) {
            positions[partition] = offset + 1
            changedSinceCheckpoint = true
        }
    }

    private let folded: Locked<Folded>
    private let logger: Logger
    private let records: Counter
    private let unreadable: Counter
    private let passedOver: Counter
    private let skipped = SkippedMessageTypes(AnalyticsSubscriptions.skippedMessageTypes)
    private let unmatched: Gauge

    /// Starts from `restored` (a checkpoint already checked against the settings and the topics),
    /// or empty.
    init(policy: AnalyticsPolicy, restored: ReplicaCheckpoint<AnalyticsState>?, logger: Logger, metrics: MetricsRegistry) {
        let state = restored?.state ?? AnalyticsState(policy: policy)
        folded = Locked(Folded(state: state, positions: restored?.resumePositions ?? [:]))
        self.logger = logger
        records = metrics.counter("analytics_records_folded_total", help: "Event records folded into the dashboards")
        passedOver = metrics.counter("analytics_records_skipped_total",
                                     help: "Records passed over by their type header: saga bookkeeping that moves no number")
        unreadable = metrics.counter("analytics_records_unreadable_total",
                                     help: "Records skipped because they are not an event of their topic's family")
        unmatched = metrics.gauge("analytics_unmatched_events",
                                  help: "Events for orders analytics never saw placed (non-zero: a topic was truncated)")
        unmatched.set(state.unmatchedEvents)
    }

    /// Where the replica resumes: the positions of the checkpoint the fold started from.
    var positions: [TopicPartition: Int64] { folded.withLock { $0.positions } }

    func fold(_ message: KafkaMessage) {
        let partition = message.topicPartition
        if skipped.skips(message) {
            passedOver.increment()
            folded.withLock { $0.moved(partition, past: message.offset) }
            return
        }
        let event = decode(message)
        let count = folded.withLock { folded -> Int64 in
            switch event {
            case let .order(envelope)?: folded.state.apply(envelope)
            case let .inventory(envelope)?: folded.state.apply(envelope)
            case let .payment(envelope)?: folded.state.apply(envelope)
            case let .catalog(event)?: folded.state.apply(event)
            case nil: break
            }
            folded.moved(partition, past: message.offset)
            return folded.state.unmatchedEvents
        }
        unmatched.set(count)
        if event == nil {
            // The topics' own consumers dead-letter what they cannot read; a rebuild-on-start
            // service would dead-letter the same record again on every start, so it is logged and
            // counted here instead.
            unreadable.increment()
            logger.warning("record skipped: not an event of its topic",
                           ["topic": message.topic, "partition": "\(message.partition)", "offset": "\(message.offset)"])
        } else {
            records.increment()
        }
    }

    private enum Event {
        case order(Envelope<OrderEvent>)
        case inventory(Envelope<InventoryEvent>)
        case payment(Envelope<PaymentEvent>)
        case catalog(CatalogEvent)
    }

    private func decode(_ message: KafkaMessage) -> Event? {
        switch message.topic {
        case Topics.orderEvents.name: (try? WireFormat.decode(message.value, as: OrderEvent.self)).map(Event.order)
        case Topics.inventoryEvents.name: (try? WireFormat.decode(message.value, as: InventoryEvent.self)).map(Event.inventory)
        case Topics.paymentEvents.name: (try? WireFormat.decode(message.value, as: PaymentEvent.self)).map(Event.payment)
        case Topics.catalogEvents.name: (try? WireFormat.decode(message.value, as: CatalogEvent.self)).map { Event.catalog($0.payload) }
        default: nil
        }
    }

    /// Snapshots of the scopes that changed since the last call, plus every known scope (and the
    /// platform, so the operator always has one) when `everything` is set.
    func takeSnapshots(everything: Bool, also extra: Set<AnalyticsScope>, asOf: Date) -> [AnalyticsSnapshot] {
        folded.withLock { folded in
            var scopes = Set(folded.state.takeChangedScopes()).union(extra)
            if everything { scopes.formUnion(folded.state.knownScopes + [.platform]) }
            return scopes.sorted().map { folded.state.snapshot(for: $0, asOf: asOf) }
        }
    }

    /// The state and its positions as they are now, if anything was folded since the last call
    /// (a value: cheap to take, the fold copies what it changes while the copy is written).
    func takeCheckpoint(replica: String, cluster: String?) -> ReplicaCheckpoint<AnalyticsState>? {
        folded.withLock { folded in
            guard folded.changedSinceCheckpoint else { return nil }
            folded.changedSinceCheckpoint = false
            return ReplicaCheckpoint(replica: replica, positions: folded.positions, cluster: cluster, state: folded.state)
        }
    }

    /// A checkpoint taken could not be written: the next round writes one again.
    func checkpointFailed() {
        folded.withLock { $0.changedSinceCheckpoint = true }
    }
}
