import AnalyticsCore
import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit

/// The service's one `AnalyticsState`, fed by the replica of the event topics and read by the
/// publisher.
///
/// `TopicReplica` hands each record over once, in offset order per partition (its restore and its
/// follower both read from the start). The core's own duplicate memory only has to deal with
/// duplicates that are on the topic itself (a producer retry, a replayed handler).
final class AnalyticsFold: Sendable {
    private let state: Locked<AnalyticsState>
    private let logger: Logger
    private let records: Counter
    private let unreadable: Counter
    private let passedOver: Counter
    private let skipped = SkippedMessageTypes(AnalyticsSubscriptions.skippedMessageTypes)
    private let unmatched: Gauge

    init(policy: AnalyticsPolicy, logger: Logger, metrics: MetricsRegistry) {
        state = Locked(AnalyticsState(policy: policy))
        self.logger = logger
        records = metrics.counter("analytics_records_folded_total", help: "Event records folded into the dashboards")
        passedOver = metrics.counter("analytics_records_skipped_total",
                                     help: "Records passed over by their type header: saga bookkeeping that moves no number")
        unreadable = metrics.counter("analytics_records_unreadable_total",
                                     help: "Records skipped because they are not an event of their topic's family")
        unmatched = metrics.gauge("analytics_unmatched_events",
                                  help: "Events for orders analytics never saw placed (non-zero: a topic was truncated)")
    }

    func fold(_ message: KafkaMessage) {
        if skipped.skips(message) {
            passedOver.increment()
            return
        }
        let event = decode(message)
        let count = state.withLock { state -> Int64 in
            switch event {
            case let .order(envelope)?: state.apply(envelope)
            case let .inventory(envelope)?: state.apply(envelope)
            case let .payment(envelope)?: state.apply(envelope)
            case nil: break
            }
            return state.unmatchedEvents
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
    }

    private func decode(_ message: KafkaMessage) -> Event? {
        switch message.topic {
        case Topics.orderEvents.name: (try? WireFormat.decode(message.value, as: OrderEvent.self)).map(Event.order)
        case Topics.inventoryEvents.name: (try? WireFormat.decode(message.value, as: InventoryEvent.self)).map(Event.inventory)
        case Topics.paymentEvents.name: (try? WireFormat.decode(message.value, as: PaymentEvent.self)).map(Event.payment)
        default: nil
        }
    }

    /// Snapshots of the scopes that changed since the last call, plus every known scope (and the
    /// platform, so the operator always has one) when `everything` is set.
    func takeSnapshots(everything: Bool, also extra: Set<AnalyticsScope>, asOf: Date) -> [AnalyticsSnapshot] {
        state.withLock { state in
            var scopes = Set(state.takeChangedScopes()).union(extra)
            if everything { scopes.formUnion(state.knownScopes + [.platform]) }
            return scopes.sorted().map { state.snapshot(for: $0, asOf: asOf) }
        }
    }
}
