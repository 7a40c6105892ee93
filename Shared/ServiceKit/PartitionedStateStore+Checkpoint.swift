import Foundation
import Runtime

extension PartitionedStateStore {
    /// Writes `<stateDir>/<eventTopic>-<p>.snapshot` for every partition changed since its last
    /// snapshot (not while a batch of it is in flight). Only taking the copies happens on the actor
    /// (a state is a value: copying it is cheap until the next change), so deciding waits for microseconds, not for the encoding and
    /// the fsync, which run on a thread of their own. Returns the partitions written.
    @discardableResult
    public func checkpoint() async -> [Int32] {
        guard let directory = restorer.snapshotDirectory else { return [] }
        // A partition in flight holds events that may not be delivered: it waits for the next round.
        let ready = changed.subtracting(inFlight)
        let snapshots = ready.sorted().compactMap { partition -> PartitionSnapshot<State>? in
            guard let state = states[partition], let next = nextOffsets[partition] else { return nil }
            return PartitionSnapshot(topic: eventTopic, partition: partition, nextOffset: next, state: state)
        }
        changed.subtract(ready)
        guard !snapshots.isEmpty else { return [] }
        let previous = lastWrite
        let logger = context.logger, topic = eventTopic
        let failures = Locked<[Int32]>([])
        // Chained on the previous write: an older snapshot never lands after a newer one.
        let write = Task {
            await previous?.value
            let failed = await onDedicatedThread(name: "checkpoint-\(topic)") {
                snapshots.compactMap { snapshot -> Int32? in
                    do {
                        try snapshot.write(to: PartitionSnapshot<State>.path(directory: directory, topic: topic,
                                                                             partition: snapshot.partition))
                        return nil
                    } catch {
                        logger.warning("checkpoint not written; the next one retries",
                                       ["topic": topic, "partition": "\(snapshot.partition)", "reason": "\(error)"])
                        return snapshot.partition
                    }
                }
            }
            failures.withLock { $0 = failed }
        }
        lastWrite = write
        await write.value
        let failed = failures.value
        // Still ours and not written: try again next time.
        for partition in failed where states[partition] != nil { changed.insert(partition) }
        let written = snapshots.map(\.partition).filter { !failed.contains($0) }
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
struct StateCheckpointer: Service {
    let name: String
    /// nil: checkpoints are off; the service only waits to be stopped.
    let interval: Duration?
    let checkpoint: @Sendable () async -> Void
    private let stopped = Latch()
    private let sleeping = Locked<Task<Void, any Error>?>(nil)

    init(name: String, interval: Duration?, checkpoint: @escaping @Sendable () async -> Void) {
        self.name = name
        self.interval = interval
        self.checkpoint = checkpoint
    }

    func run() async throws {
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

    func shutdown() async {
        stopped.open()
        sleeping.withLock { $0?.cancel() }
        if interval != nil { await checkpoint() }
    }
}
