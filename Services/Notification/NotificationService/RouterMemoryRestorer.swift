import Contracts
import Kafka
import NotificationCore
import Runtime
import ServiceKit

/// Rebuilds the relay's `NotificationRouter` memory (open orders: who placed them, their
/// suppliers; open invoices, for reminders) when the relay group assigns this instance a
/// partition: the partition's records the group already handled are routed again, their drafts
/// dropped (they were sent before), before the relay routes the partition's next record.
/// Without it a restart forgot every open order and invoice: suppliers never heard that an order
/// placed before it was confirmed, and no invoice issued before it was reminded.
final class RouterMemoryRestorer: Sendable {
    private let context: ServiceContext
    private let router: Locked<NotificationRouter>
    private let restores = Locked<[TopicPartition: Task<Void, Never>]>([:])
    /// A long history takes long to read; the relay waits for it rather than route without it.
    private let timeout: Duration

    init(context: ServiceContext, router: Locked<NotificationRouter>, timeout: Duration = .seconds(600)) {
        self.context = context
        self.router = router
        self.timeout = timeout
    }

    /// Starts restoring each newly assigned partition of a remembered topic; forgets revoked ones
    /// (their memory stays: bounded, and overwritten if the partition comes back).
    func assignmentChanged(_ assignment: ConsumerAssignment) {
        let remembered = Set(NotificationSubscriptions.relayRememberedTopics.map(\.name))
        let partitions = Set(assignment.partitions.filter { remembered.contains($0.topic) })
        restores.withLock { restores in
            for revoked in restores.keys where !partitions.contains(revoked) { restores[revoked] = nil }
            for partition in partitions where restores[partition] == nil {
                restores[partition] = Task { await self.restore(partition) }
            }
        }
    }

    /// Returns once `partition`'s memory is rebuilt (at once for partitions not remembered).
    func waitUntilRestored(_ partition: TopicPartition) async {
        await restores.withLock { $0[partition] }?.value
    }

    private func restore(_ partition: TopicPartition) async {
        let router = self.router
        let logger = context.logger
        let skipped = SkippedMessageTypes(NotificationSubscriptions.relaySkippedMessageTypes)
        do {
            let outcome = try await KafkaPartitionReader.readHandled(
                by: NotificationSubscriptions.relayGroup, settings: context.settings.kafka, topic: partition.topic,
                partition: partition.partition, logger: logger, timeout: timeout) { message in
                    guard !skipped.skips(message) else { return }
                    // A record the relay dead-lettered once is passed over here as well.
                    _ = try? NotificationRelay.route(message, router: router, logger: logger)
                }
            if outcome.messages > 0 {
                logger.info("relay memory restored", ["partition": partition.description, "records": "\(outcome.messages)"])
            }
        } catch {
            // Routing goes on as before this existed: events of orders placed before the restart
            // reach the buyer's purchasers, and not the suppliers.
            logger.warning("relay memory not restored", ["partition": partition.description, "reason": "\(error)"])
        }
    }
}
