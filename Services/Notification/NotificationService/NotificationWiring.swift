import Contracts
import Foundation
import HTTP
import Kafka
import NotificationCore
import Runtime
import ServiceKit

/// Connects NotificationCore to Kafka, HTTP and SMTP. One process runs:
/// - a replica of identity (users and roles: who receives what) and catalog (who supplies a SKU),
/// - the relay (group `notification-relay`): order, payment and inventory events become
///   `notification.deliver` commands (invoice reminders among them: payment announces them),
/// - the decider (group `notification`): the single writer of each company's notifications,
///   folding `notification.events.v1` per partition,
/// - the delivery workers: webhooks and email, retried, reported back as `record-delivery`.
enum NotificationWiring {
    static func parts(_ context: ServiceContext, settings: NotificationServiceSettings) throws -> [any Service] {
        let directory = Locked(UserDirectory())
        let memory = RelayMemory(context: context)
        let replica = try TopicReplica(context: context, name: "notification",
                                       topics: NotificationSubscriptions.replicatedTopics.map { ($0.name, $0.partitions) }) { message in
            fold(message, directory: directory, skuSuppliers: memory.skuSuppliers)
        }
        if let smtp = settings.smtp {
            context.logger.info("email on", ["smtp": smtp.address.description, "from": settings.core.emailFromAddress])
        } else {
            context.logger.warning("email off: TRADEFLOW_SMTP_ADDR is not set; email deliveries are recorded as failed")
        }
        let reporter = DeliveryReporter(context: context)
        if settings.webhookAllowsPrivateNetworks {
            context.logger.warning("webhooks may reach private and loopback addresses (TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)")
        }
        // Built once: a CA file that cannot be loaded stops the service at start, naming the file.
        let tls = try TLSClientContext(extraCAFile: settings.webhookCAFile)
        let attempt = DeliveryAttempt(smtp: settings.smtp, webhookTimeout: settings.webhookTimeout, tls: tls,
                                      addressPolicy: OutboundAddressPolicy(allowsPrivateNetworks: settings.webhookAllowsPrivateNetworks))
        let workers = DeliveryWorkers(attempt: attempt,
                                      backoff: settings.backoff, logger: context.logger) { job, result in
            await reporter.report(job, result)
        }
        let decider = try deciderConsumer(context, settings: settings, replica: replica, directory: directory, workers: workers)
        let relay = try NotificationRelay.consumer(context, replica: replica, memory: memory)
        // Services stop in reverse order: the relay first, then its memory's last checkpoint.
        return [replica.restorer(), replica.follower] + decider + [memory.checkpointer, relay]
    }

    /// Decides `notification.commands.v1`: events first (the commit point), then state, fan-out,
    /// the reply and the deliveries. A crash before the events are durable decides again with
    /// the same ids; after, the command is a duplicate and the restored state still lists the
    /// deliveries owed, which are started again when the partition is assigned. Returns the
    /// state's checkpointer, then the consumer (stopped first, so the last snapshot follows it).
    static func deciderConsumer(_ context: ServiceContext, settings: NotificationServiceSettings, replica: TopicReplica,
                                directory: Locked<UserDirectory>, workers: DeliveryWorkers) throws -> [any Service] {
        let core = settings.core
        let store = PartitionedStateStore<NotificationState>(
            context: context, commandTopic: Topics.notificationCommands.name, eventTopic: Topics.notificationEvents.name,
            initial: { NotificationState(settings: core) },
            fold: { state, message in
                if let envelope = try? WireFormat.decode(message.value, as: NotificationEvent.self) { state.apply(envelope.payload) }
            })
        let allowsPrivateNetworks = settings.webhookAllowsPrivateNetworks
        let decider = NotificationDecider(settings: core) { host in
            allowsPrivateNetworks ? nil : WebhookHostRule.problem(host: host)
        }
        let onAssignment: @Sendable (ConsumerAssignment) -> Void = { assignment in
            store.assignmentChanged(assignment)
            let partitions = assignment.partitions.filter { $0.topic == Topics.notificationCommands.name }.map(\.partition)
            Task { await resumePending(partitions, store: store, workers: workers, logger: context.logger) }
        }
        // One partition's waiting commands are decided one after another in memory; their events
        // go out in one round trip (a promotion day produces many notifications per second).
        let handle: @Sendable ([(envelope: Envelope<NotificationCommand>, message: KafkaMessage)]) async throws -> Void = { items in
            guard let partition = items.first?.message.partition else { return }
            try await store.ensureRestored(partition)
            await replica.waitUntilRestored()
            let now = Date()
            let users = directory.withLock { $0 }
            let batch = try await store.decide(partition) { state in
                var batch = DecidedBatch()
                for (envelope, _) in items {
                    let decision = decider.decide(envelope, state: state, directory: users, now: now)
                    batch.events += decision.eventEnvelopes(causedBy: envelope, occurredAt: now)
                    decision.events.forEach { state.apply($0) }
                    batch.fanOut += decision.fanOutEnvelopes(causedBy: envelope, occurredAt: now)
                    if let reply = decision.replyEnvelope(causedBy: envelope, occurredAt: now), let address = envelope.payload.replyTo {
                        batch.replies.append((address, reply))
                    }
                    batch.deliveries += decision.deliveries
                }
                return batch
            }
            try await store.commit(partition) { try await context.publishAll(batch.events, to: Topics.notificationEvents) }
            try await context.publishAll(batch.fanOut, to: Topics.notificationCommands)
            try await context.replyAll(batch.replies)
            await workers.enqueue(batch.deliveries)
        }
        let consumer = try context.consume([Topics.notificationCommands], group: NotificationSubscriptions.group, singleWriter: true,
                                           onAssignment: onAssignment, batch: handle) { envelope, message in
            try await handle([(envelope, message)])
        }
        return [store.checkpointer, consumer]
    }

    /// Starts the deliveries still pending in partitions this instance now owns (a restart, or a
    /// partition taken over from another instance).
    static func resumePending(_ partitions: [Int32], store: PartitionedStateStore<NotificationState>,
                              workers: DeliveryWorkers, logger: Logger) async {
        for partition in partitions.sorted() {
            do {
                try await store.ensureRestored(partition)
            } catch {
                logger.warning("pending deliveries not resumed", ["partition": "\(partition)", "reason": "\(error)"])
                continue
            }
            let pending = await store.state(of: partition).pendingDeliveries()
            if !pending.isEmpty {
                logger.info("resuming pending deliveries", ["partition": "\(partition)", "count": "\(pending.count)"])
                await workers.enqueue(pending)
            }
        }
    }

    /// Folds identity (the user directory) and catalog (SKU owners for low-stock notices). Types
    /// this version does not know are skipped: the topics' own consumers dead-letter what is broken.
    static func fold(_ message: KafkaMessage, directory: Locked<UserDirectory>, skuSuppliers: Locked<SKUSuppliers>) {
        switch message.topic {
        case Topics.identityEvents.name:
            if let envelope = try? WireFormat.decode(message.value, as: IdentityEvent.self) {
                directory.withLock { $0.apply(envelope.payload) }
            }
        case Topics.catalogEvents.name:
            if let envelope = try? WireFormat.decode(message.value, as: CatalogEvent.self) {
                skuSuppliers.withLock { $0.learn(envelope.payload) }
            }
        default:
            break
        }
    }
}

/// What one batch of notification commands decided, published after the decisions.
private struct DecidedBatch: Sendable {
    var events: [Envelope<NotificationEvent>] = []
    var fanOut: [Envelope<NotificationCommand>] = []
    var replies: [(address: ReplyAddress, envelope: Envelope<NotificationReply>)] = []
    var deliveries: [DeliveryJob] = []
}
