import Foundation
import Kafka
import NotificationCore
import Runtime
import ServiceKit

extension RelayMemory {
    /// Writes the snapshot of every partition whose router changed since its last one (not while
    /// a batch of it is in flight), each covering the records up to its `nextOffset`. Rounds run
    /// one after the other, so an older snapshot never lands after a newer one. Returns the
    /// partitions written.
    @discardableResult
    func checkpoint() async -> [TopicPartition] {
        guard let directory = snapshotDirectory else { return [] }
        return await checkpointRounds.run { await self.writeChanged(to: directory) }
    }

    private func writeChanged(to directory: String) async -> [TopicPartition] {
        let candidates = held.withLock { held in held.keys.filter { held[$0]?.changed == true }.sorted() }
        var written: [TopicPartition] = []
        for partition in candidates {
            // Taken one at a time: a copy is cheap until the router next changes.
            let snapshot: PartitionSnapshot<NotificationRouter>? = held.withLock { held in
                guard let entry = held[partition], entry.changed, !entry.inFlight, let next = entry.nextOffset else { return nil }
                held[partition]?.changed = false
                return PartitionSnapshot(topic: partition.topic, partition: partition.partition, nextOffset: next,
                                         cluster: entry.cluster, state: entry.router)
            }
            guard let snapshot else { continue }
            let succeeded = await snapshot.write(into: directory, logger: context.logger)
            held.withLock { held in
                if !succeeded {
                    held[partition]?.changed = true
                } else if held[partition]?.assigned == false, held[partition]?.changed == false {
                    // Revoked and now on disk: its new owner (or this instance, later) restores it.
                    held[partition] = nil
                }
            }
            if succeeded { written.append(partition) }
        }
        context.metrics.counter("tradeflow_relay_memory_checkpoints_total", help: "Relay partition snapshots written")
            .increment(by: Int64(written.count))
        return written
    }

    /// Checkpoints every `TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS` and once more when stopped: list
    /// it before the relay's consumer, so the consumer has finished its last batch by then.
    var checkpointer: any Service {
        StateCheckpointer(name: "checkpoint:relay", interval: checkpointInterval) { await self.checkpoint() }
    }
}
