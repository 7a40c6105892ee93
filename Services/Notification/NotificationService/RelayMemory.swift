import Contracts
import Foundation
import Kafka
import NotificationCore
import Runtime
import ServiceKit

/// What the relay remembers of the records it routed: one `NotificationRouter` per partition of
/// the topic that carries memory (`order.events.v1`: who placed an order, its suppliers), and the
/// SKU suppliers all partitions share. Payment events need none (payment announces invoices due).
///
/// When the relay group assigns this instance a partition, the partition's router is restored
/// before the relay routes its next record: from the partition's local snapshot
/// (`<state dir>/relay/`) and the records after it that the group already handled, or, with no
/// usable snapshot, from every handled record since the partition's beginning. Routing again drops
/// the drafts (they were sent before). Without a restore a restart forgot every open order
/// (suppliers never heard that an order placed before it was confirmed); without snapshots every
/// restart read the topic's whole history.
final class RelayMemory: Sendable {
    struct Held: Sendable {
        var router: NotificationRouter
        /// The first offset the router has not seen; nil until known (a restore that failed).
        var nextOffset: Int64?
        /// The Kafka cluster its memory was restored from, recorded in its snapshots.
        var cluster: String?
        var changed = false
        /// A batch is being routed and published: the router holds records whose drafts may not
        /// be out yet, so it is not checkpointed.
        var inFlight = false
        var assigned = true
    }

    let context: ServiceContext
    let held = Locked<[TopicPartition: Held]>([:])
    let skuSuppliers = Locked(SKUSuppliers())
    let restorers: [String: PartitionRestorer<NotificationRouter>]
    let snapshotDirectory: String?
    let checkpointInterval: Duration?
    let checkpointRounds = SerialRounds<[TopicPartition]>()
    private let restores = Locked<[TopicPartition: Task<Void, Never>]>([:])
    private let skipped = SkippedMessageTypes(NotificationSubscriptions.relaySkippedMessageTypes)

    /// `timeout`: a long history takes long to read; the relay waits for it rather than route without it.
    init(context: ServiceContext, timeout: Duration = .seconds(600)) {
        self.context = context
        checkpointInterval = context.settings.checkpointInterval
        let directory = checkpointInterval == nil ? nil
            : URL(fileURLWithPath: context.settings.stateDirectory).appendingPathComponent("relay").path
        snapshotDirectory = directory
        if let directory {
            // Payment events were remembered before payment announced invoices due.
            StalePartitionSnapshots.remove(from: directory, keeping: Set(NotificationSubscriptions.relayRememberedTopics.map(\.name)),
                                           logger: context.logger)
        }
        let skuSuppliers = self.skuSuppliers
        let skipped = self.skipped
        let logger = context.logger
        var restorers: [String: PartitionRestorer<NotificationRouter>] = [:]
        for topic in NotificationSubscriptions.relayRememberedTopics.map(\.name) {
            restorers[topic] = PartitionRestorer(
                kafka: context.settings.kafka, topic: topic, handledBy: NotificationSubscriptions.relayGroup,
                snapshotDirectory: directory, logger: logger, timeout: timeout, initial: { NotificationRouter() }) { router, message in
                    guard !skipped.skips(message) else { return }
                    // A record the relay dead-lettered once is passed over here as well.
                    _ = (try? RelayedEvent(message))?.route(on: &router, skuSuppliers: skuSuppliers, logger: nil)
                }
        }
        self.restorers = restorers
    }

    // MARK: Routing

    /// Routes one record on its partition's router (inventory events: on the SKU suppliers).
    /// Throws `PoisonMessage` for a record that cannot be routed.
    func route(_ message: KafkaMessage) throws -> ([NotificationDraft], EnvelopeHeader?) {
        guard !skipped.skips(message) else { return ([], nil) }
        // Decoded outside the lock: the relay's lanes route their partitions side by side.
        let event = try RelayedEvent(message)
        guard restorers[message.topic] != nil else {
            var none = NotificationRouter()
            return (event.route(on: &none, skuSuppliers: skuSuppliers, logger: context.logger), event.header)
        }
        let partition = message.topicPartition
        let drafts = held.withLock { held in
            // In place: a copy of the router taken here would copy every order it remembers, per record.
            if held[partition] == nil { held[partition] = Held(router: NotificationRouter()) }
            held[partition]?.changed = true
            return event.route(on: &held[partition]!.router, skuSuppliers: skuSuppliers, logger: context.logger)
        }
        return (drafts, event.header)
    }

    /// Marks partition's batch as being routed (see `Held.inFlight`).
    func beginBatch(_ partition: TopicPartition) {
        held.withLock { $0[partition]?.inFlight = true }
    }

    /// Ends a batch: when its drafts were published, the router covers the partition up to `last`.
    func endBatch(_ partition: TopicPartition, through last: KafkaMessage?) {
        held.withLock { held in
            guard var entry = held[partition] else { return }
            entry.inFlight = false
            if let last {
                entry.nextOffset = max(entry.nextOffset ?? 0, last.offset + 1)
                entry.changed = true
            }
            held[partition] = entry
        }
    }

    // MARK: Restoring

    /// Starts restoring each newly assigned partition of a remembered topic. A revoked partition's
    /// router is kept until the next checkpoint has written it (a consumer that stops revokes
    /// everything before the last checkpoint runs), then let go.
    func assignmentChanged(_ assignment: ConsumerAssignment) {
        let partitions = Set(assignment.partitions.filter { restorers[$0.topic] != nil })
        held.withLock { held in
            for partition in held.keys where !partitions.contains(partition) {
                held[partition]?.assigned = false
                if snapshotDirectory == nil { held[partition] = nil }
            }
        }
        restores.withLock { restores in
            for revoked in restores.keys where !partitions.contains(revoked) { restores[revoked] = nil }
            for partition in partitions where restores[partition] == nil {
                restores[partition] = Task { await self.restore(partition) }
            }
        }
    }

    /// The restores under way or done are those of the partitions assigned now.
    private func isAssigned(_ partition: TopicPartition) -> Bool { restores.withLock { $0[partition] != nil } }

    /// Returns once `partition`'s memory is rebuilt (at once for partitions not remembered).
    func waitUntilRestored(_ partition: TopicPartition) async {
        await restores.withLock { $0[partition] }?.value
    }

    private func restore(_ partition: TopicPartition) async {
        guard let restorer = restorers[partition.topic] else { return }
        let logger = context.logger
        let labels = ["topic": partition.topic]
        do {
            let restored = try await restorer.restore(partition.partition)
            let source = restored.snapshotOffset == nil ? "topic" : "snapshot"
            // Revoked while restoring: another instance routes it now; nothing here to keep.
            if isAssigned(partition) {
                let entry = Held(router: restored.state, nextOffset: restored.nextOffset, cluster: restored.cluster,
                                 changed: restored.events > 0)
                held.withLock { $0[partition] = entry }
            }
            context.metrics.counter("tradeflow_relay_memory_restores_total", help: "Relay partitions whose memory was restored, by source",
                                    labels: labels.merging(["source": source]) { $1 }).increment()
            context.metrics.counter("tradeflow_relay_memory_restore_records_total", help: "Records routed again to restore the relay's memory",
                                    labels: labels).increment(by: Int64(restored.events))
            if restored.events > 0 || restored.snapshotOffset != nil {
                var details = ["partition": partition.description, "records": "\(restored.events)", "source": source]
                if let offset = restored.snapshotOffset { details["snapshotOffset"] = "\(offset)" }
                logger.info("relay memory restored", details)
            }
        } catch {
            // Routing goes on as before memory existed: events of orders placed before the restart
            // reach the buyer's purchasers, and not the suppliers.
            if isAssigned(partition) { held.withLock { $0[partition] = Held(router: NotificationRouter()) } }
            logger.warning("relay memory not restored", ["partition": partition.description, "reason": "\(error)"])
        }
    }
}
