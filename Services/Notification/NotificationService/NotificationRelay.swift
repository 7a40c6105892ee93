import Contracts
import Foundation
import Kafka
import NotificationCore
import Runtime
import ServiceKit

/// Turns order, payment and inventory events into `notification.deliver` commands on the
/// recipient company's partition (`deliver-batch` for several notifications to one company in a
/// round). Every draft's id derives from its source event, so relaying an event again (a restart
/// before the offset was stored) gives notifications the decider recognises. The router's memory
/// of each assigned partition is rebuilt first (`RouterMemoryRestorer`).
enum NotificationRelay {
    static func consumer(_ context: ServiceContext, replica: TopicReplica,
                         router: Locked<NotificationRouter>) throws -> ConsumerService {
        let tenant = context.settings.tenant
        let skipped = SkippedMessageTypes(NotificationSubscriptions.relaySkippedMessageTypes)
        let memory = RouterMemoryRestorer(context: context, router: router)
        // Partitions side by side, each partition's waiting events routed at once and their
        // commands sent in one round trip: the relay keeps up with a promotion day's events.
        let relay: @Sendable ([KafkaMessage]) async throws -> Void = { messages in
            // Low-stock notices need the SKU's supplier, learnt from the catalog replica.
            await replica.waitUntilRestored()
            // A batch is one partition's waiting events (lanes), so one wait covers it.
            if let partition = messages.first?.topicPartition { await memory.waitUntilRestored(partition) }
            var drafts: [DeliverCommands.Item] = []
            for message in messages where !skipped.skips(message) {
                let (routed, source) = try route(message, router: router, logger: context.logger)
                drafts += routed.map { ($0, source) }
            }
            try await context.publishAll(DeliverCommands.envelopes(for: drafts, tenant: tenant, occurredAt: Date()),
                                         to: Topics.notificationCommands)
        }
        return try context.consumer(group: NotificationSubscriptions.relayGroup,
                                    topics: NotificationSubscriptions.relayTopics.map(\.name),
                                    lanes: ConsumerService.Lanes(), pace: .relaxed,
                                    onAssignment: memory.assignmentChanged, batchHandler: relay) { message in
            try await relay([message])
        }
    }

    static func route(_ message: KafkaMessage, router: Locked<NotificationRouter>,
                      logger: Logger) throws -> ([NotificationDraft], EnvelopeHeader?) {
        guard NotificationSubscriptions.relayTopics.map(\.name).contains(message.topic) else {
            throw PoisonMessage("the notification relay does not read \(message.topic)")
        }
        do throws(WireFormatError) {
            switch message.topic {
            case Topics.orderEvents.name:
                let envelope = try WireFormat.decode(message.value, as: OrderEvent.self)
                return (router.withLock { $0.route(envelope) }, envelope.header)
            case Topics.paymentEvents.name:
                let envelope = try WireFormat.decode(message.value, as: PaymentEvent.self)
                return (router.withLock { $0.route(envelope) }, envelope.header)
            default:
                let envelope = try WireFormat.decode(message.value, as: InventoryEvent.self)
                let drafts = router.withLock { $0.route(envelope) }
                if drafts.isEmpty, case let .lowStock(low) = envelope.payload {
                    logger.info("low stock of a SKU whose supplier is unknown; nobody notified", ["sku": low.sku.rawValue])
                }
                return (drafts, envelope.header)
            }
        } catch {
            throw PoisonMessage(error.reason)
        }
    }

    /// Invoice reminders (7, 3 and 1 days before due). Each reminder's id names the invoice and
    /// the window, so a repeated tick or a second relay instance yields duplicates the decider drops.
    static func sendReminders(_ context: ServiceContext, router: Locked<NotificationRouter>) async {
        let now = Date()
        let drafts = router.withLock { $0.dueReminders(now: now) }
        guard !drafts.isEmpty else { return }
        do {
            try await context.publishAll(DeliverCommands.envelopes(for: drafts.map { ($0, nil) }, tenant: context.settings.tenant,
                                                                   occurredAt: now),
                                         to: Topics.notificationCommands)
        } catch {
            // The router marked them reminded; the next window (or the overdue notice) still comes.
            context.logger.warning("invoice reminders not sent", ["count": "\(drafts.count)", "reason": "\(error)"])
        }
    }
}
