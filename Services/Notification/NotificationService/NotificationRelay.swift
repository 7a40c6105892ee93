import Contracts
import Foundation
import Kafka
import NotificationCore
import Runtime
import ServiceKit

/// Turns order, payment and inventory events into `notification.deliver` commands on the
/// recipient company's partition (`deliver-batch` for several notifications to one company in a
/// round). Every draft's id derives from its source event, so relaying an event again (a restart
/// before the offset was stored) gives notifications the decider recognises. What the relay
/// remembers of earlier events is `RelayMemory`, restored for each partition assigned before
/// its next record is routed.
enum NotificationRelay {
    static func consumer(_ context: ServiceContext, replica: TopicReplica, memory: RelayMemory) throws -> ConsumerService {
        let tenant = context.settings.tenant
        // Partitions side by side, each partition's waiting events routed at once and their
        // commands sent in one round trip: the relay keeps up with a promotion day's events.
        let relay: @Sendable ([KafkaMessage]) async throws -> Void = { messages in
            // Low-stock notices need the SKU's supplier, learnt from the catalog replica.
            await replica.waitUntilRestored()
            // A batch is one partition's waiting events (lanes), so one wait covers it.
            guard let partition = messages.first?.topicPartition else { return }
            await memory.waitUntilRestored(partition)
            memory.beginBatch(partition)
            var published = false
            defer { memory.endBatch(partition, through: published ? messages.last : nil) }
            var drafts: [DeliverCommands.Item] = []
            for message in messages {
                let (routed, source) = try memory.route(message)
                drafts += routed.map { ($0, source) }
            }
            try await context.publishAll(DeliverCommands.envelopes(for: drafts, tenant: tenant, occurredAt: Date()),
                                         to: Topics.notificationCommands)
            published = true
        }
        return try context.consumer(group: NotificationSubscriptions.relayGroup,
                                    topics: NotificationSubscriptions.relayTopics.map(\.name),
                                    lanes: ConsumerService.Lanes(), pace: .relaxed,
                                    onAssignment: memory.assignmentChanged, batchHandler: relay) { message in
            try await relay([message])
        }
    }
}
