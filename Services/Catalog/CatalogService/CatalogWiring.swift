import CatalogCore
import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit

/// Connects CatalogCore to Kafka.
///
/// Commands are keyed by the owning company, events by record, so the service keeps the whole
/// catalog as a replica of `catalog.events.v1` (commands read other records: listing a supplier's
/// category reads that supplier's products) and writes only the records of the companies whose
/// command partitions it owns. It applies its own events at once, so the next command of the same
/// company sees them.
enum CatalogWiring {
    static func parts(_ context: ServiceContext) throws -> [any Service] {
        let state = Locked(CatalogState())
        let replica = try TopicReplica(context: context, name: "catalog",
                                       topics: [(Topics.catalogEvents.name, Topics.catalogEvents.partitions)]) { message in
            // Records this service cannot read were written by a newer version: visible in its log.
            if let envelope = try? WireFormat.decode(message.value, as: CatalogEvent.self) {
                state.withLock { _ = $0.apply(envelope.payload) }
            }
        }
        let owned = Locked<Set<Int32>>([])
        let decider = CatalogDecider()
        let commands = try context.consume([Topics.catalogCommands], group: CatalogSubscriptions.group, singleWriter: true,
                                           onAssignment: { assignment in
            owned.withLock { $0 = Set(assignment.partitions.map(\.partition)) }
        }) { envelope, _ in
            await replica.waitUntilRestored()
            let decision = decider.decide(envelope, current: state.withLock { $0.records }, now: Date())
            try await publish(decision.envelopes(causedBy: envelope, occurredAt: Date()), state: state, context: context)
            if let address = envelope.payload.replyTo, let reply = decision.reply(causedBy: envelope, occurredAt: Date()) {
                try await context.reply(to: address, reply.envelope)
            }
        }
        let schedule = Ticker(name: "catalog-schedule", every: .seconds(5)) {
            await applyDueSchedules(context: context, state: state, owned: owned, replica: replica)
        }
        return [replica.restorer(), replica.follower, commands, schedule]
    }

    /// Publishes events, then applies them locally (read-your-writes for this instance).
    static func publish(_ events: [Envelope<CatalogEvent>], state: Locked<CatalogState>, context: ServiceContext) async throws {
        for event in events {
            try await context.publish(event, to: Topics.catalogEvents)
            state.withLock { _ = $0.apply(event.payload) }
        }
    }
}

extension CatalogWiring {
    /// Applies scheduled listings and delistings when they fall due. Readers already see the right
    /// status (`Product.status(at:)`); this makes the change a recorded event. Only the writer of
    /// the supplier's partition does it, so two instances never publish the same change.
    static func applyDueSchedules(context: ServiceContext, state: Locked<CatalogState>, owned: Locked<Set<Int32>>,
                                  replica: TopicReplica) async {
        guard replica.isRestored else { return }
        let partitions = owned.withLock { $0 }
        let mine = state.withLock { state in
            state.products.values.filter {
                partitions.contains(Murmur2Partitioner.partition(for: $0.supplier.rawValue, partitions: Topics.catalogCommands.partitions))
            }
        }
        let due = CatalogDecider.dueScheduleChanges(mine, now: Date())
        guard !due.isEmpty else { return }
        do {
            let envelopes = CatalogDecider.scheduleEnvelopes(due, tenant: context.settings.tenant, occurredAt: Date())
            try await publish(envelopes, state: state, context: context)
            context.logger.info("scheduled status changes applied", ["count": "\(due.count)"])
        } catch {
            context.logger.warning("scheduled status changes failed; will retry", ["reason": "\(error)"])
        }
    }
}
