import Foundation
import Runtime

extension PartitionedStateStore {
    /// Writes `<stateDir>/<eventTopic>-<p>.snapshot` for every partition changed since its last
    /// snapshot (not while a batch of it is in flight). Returns the partitions written.
    ///
    /// One partition at a time: its state is copied on the actor (a value: cheap until the next
    /// change), streamed to its file on a thread of its own, and let go before the next partition
    /// is copied. While a copy exists, the partition's next change copies whatever tables it
    /// touches, so copying every partition up front held close to a second copy of the whole state
    /// until the last file was written. Rounds (the timer's, the one at shutdown) run one after the
    /// other, so an older snapshot never lands after a newer one.
    @discardableResult
    public func checkpoint() async -> [Int32] {
        guard let directory = restorer.snapshotDirectory else { return [] }
        return await checkpointRounds.run { await self.writeChangedPartitions(to: directory) }
    }

    private func writeChangedPartitions(to directory: String) async -> [Int32] {
        var written: [Int32] = []
        // A partition in flight holds events that may not be delivered: it waits for the next round.
        for partition in changed.subtracting(inFlight).sorted() {
            // Checked again: the actor ran other work while the previous partition was written.
            guard changed.contains(partition), !inFlight.contains(partition),
                  let state = states[partition], let next = nextOffsets[partition] else { continue }
            changed.remove(partition)
            let snapshot = PartitionSnapshot(topic: eventTopic, partition: partition, nextOffset: next, cluster: clusterId,
                                             state: state)
            let succeeded = await snapshot.write(into: directory, logger: context.logger)
            if succeeded {
                written.append(partition)
            } else if states[partition] != nil {
                // Still ours and not written: try again next time.
                changed.insert(partition)
            }
        }
        context.metrics.counter("tradeflow_state_checkpoints_total", help: "Partition snapshots written",
                                labels: ["topic": eventTopic]).increment(by: Int64(written.count))
        return written
    }

    /// The service that checkpoints every `TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS` and once more
    /// when it is stopped. List it before the consumer that calls `update`: services stop in
    /// reverse order, so the consumer has finished its last batch when the final snapshot is taken.
    public nonisolated var checkpointer: any Service {
        StateCheckpointer(name: "checkpoint:\(eventTopic)", interval: checkpointInterval) { await self.checkpoint() }
    }
}

/// Runs a checkpoint on a timer and a last one at shutdown.
public struct StateCheckpointer: Service {
    public let name: String
    /// nil: checkpoints are off; the service only waits to be stopped.
    let interval: Duration?
    let checkpoint: @Sendable () async -> Void
    private let stopped = Latch()
    private let sleeping = Locked<Task<Void, any Error>?>(nil)

    public init(name: String, interval: Duration?, checkpoint: @escaping @Sendable () async -> Void) {
        self.name = name
        self.interval = interval
        self.checkpoint = checkpoint
    }

    public func run() async throws {
        guard let interval else { return await stopped.wait() }
        while !stopped.isOpen {
            // A sleep that `shutdown` can cut short: the interval may be far longer than the
            // shutdown budget.
            let sleep = Task { try await Task.sleep(for: interval) }
            sleeping.withLock { $0 = sleep }
            if stopped.isOpen { sleep.cancel() }
            _ = try? await sleep.value
            if stopped.isOpen { break }
            await checkpoint()
        }
    }

    public func shutdown() async {
        stopped.open()
        sleeping.withLock { $0?.cancel() }
        if interval != nil { await checkpoint() }
    }
}
