import AnalyticsCore
import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit

/// The service's one `AnalyticsState`, fed by the replica of the event topics and read by the
/// publisher.
///
/// The replica hands every record over twice: once from the partition readers at start, once from
/// its follower (a fresh group that also starts at the beginning), and both run at the same time.
/// Each delivers a partition in offset order from its first offset, so "skip what is not above the
/// highest offset already folded for this partition" folds every record exactly once, whichever
/// of the two is ahead. The core's own duplicate memory then only has to deal with duplicates that
/// are on the topic itself (a producer retry, a replayed handler).
final class AnalyticsFold: Sendable {
    private struct Inner {
        var state: AnalyticsState
        var folded: [PartitionRef: Int64] = [:]
    }

    private struct PartitionRef: Hashable {
        let topic: String
        let partition: Int32
    }

    private let inner: Locked<Inner>
    private let logger: Logger
    private let records: Counter
    private let unreadable: Counter
    private let passedOver: Counter
    private let skipped = SkippedMessageTypes(AnalyticsSubscriptions.skippedMessageTypes)
    private let unmatched: Gauge

    init(policy: AnalyticsPolicy, logger: Logger, metrics: MetricsRegistry) {
        inner = Locked(Inner(state: AnalyticsState(policy: policy)))
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
        let ref = PartitionRef(topic: message.topic, partition: message.partition)
        // Cheap check first: half of all deliveries are the second copy.
        guard inner.withLock({ message.offset > $0.folded[ref, default: -1] }) else { return }
        if skipped.skips(message) {
            inner.withLock { $0.folded[ref] = max($0.folded[ref, default: -1], message.offset) }
            passedOver.increment()
            return
        }
        let event = decode(message)
        let count = inner.withLock { inner -> Int64? in
            guard message.offset > inner.folded[ref, default: -1] else { return nil }
            inner.folded[ref] = message.offset
            switch event {
            case let .order(envelope)?: inner.state.apply(envelope)
            case let .inventory(envelope)?: inner.state.apply(envelope)
            case let .payment(envelope)?: inner.state.apply(envelope)
            case nil: break
            }
            return inner.state.unmatchedEvents
        }
        guard let count else { return }
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
        inner.withLock { inner in
            var scopes = Set(inner.state.takeChangedScopes()).union(extra)
            if everything { scopes.formUnion(inner.state.knownScopes + [.platform]) }
            return scopes.sorted().map { inner.state.snapshot(for: $0, asOf: asOf) }
        }
    }
}
