import Foundation
@testable import Kafka
import Runtime
import Testing

/// The hand-over from the polling thread to the handling task: a poll round is published at once,
/// taken in batches in arrival order, and revoked partitions' messages never reach the handler,
/// not even those staged in the round in progress.
@Suite struct MessageBufferTests {
    func message(_ partition: Int32, _ offset: Int64) -> KafkaMessage {
        KafkaMessage(topic: "t", partition: partition, offset: offset, key: nil, value: [], headers: [], timestampMilliseconds: nil)
    }

    func offsets(_ batch: [KafkaMessage]?) -> [Int64] { batch?.map(\.offset) ?? [-1] }

    @Test func aPublishedRound_isTakenInBatchesOfAtMostTheMaximum_inArrivalOrder() async {
        let buffer = MessageBuffer(capacity: 100)
        (0..<5).forEach { buffer.stage(message(0, Int64($0))) }
        buffer.publishStaged()
        #expect(offsets(await buffer.nextBatch(maximum: 3)) == [0, 1, 2])
        #expect(offsets(await buffer.nextBatch(maximum: 3)) == [3, 4])
    }

    @Test func stagedMessages_areNotHandedOutBeforeTheRoundIsPublished() async throws {
        let buffer = MessageBuffer(capacity: 100)
        buffer.stage(message(0, 7))
        let waiting = Task { await buffer.nextBatch(maximum: 10) }
        try await Task.sleep(for: .milliseconds(50))
        buffer.stage(message(0, 8))
        buffer.publishStaged()
        #expect(offsets(await waiting.value) == [7, 8], "a waiting task gets the whole round at once")
    }

    @Test func revokedPartitions_areDroppedFromTheQueueAndFromTheRoundInProgress() async {
        let buffer = MessageBuffer(capacity: 100)
        buffer.stage(message(1, 0))
        buffer.stage(message(2, 0))
        buffer.publishStaged()
        buffer.stage(message(1, 1))
        buffer.stage(message(2, 1))
        // A rebalance callback runs inside a poll, in the middle of a round.
        buffer.discard(partitions: [TopicPartition(topic: "t", partition: 1)])
        buffer.stage(message(2, 2))
        buffer.publishStaged()
        let batch = await buffer.nextBatch(maximum: 10)
        #expect(batch?.map(\.partition) == [2, 2, 2])
        #expect(offsets(batch) == [0, 1, 2])
    }

    @Test func finish_wakesTheWaiter_andDropsWhatWaits() async throws {
        let buffer = MessageBuffer(capacity: 100)
        let waiting = Task { await buffer.nextBatch(maximum: 10) }
        try await Task.sleep(for: .milliseconds(50))
        buffer.finish()
        #expect(await waiting.value == nil)
        buffer.stage(message(0, 1))
        buffer.publishStaged()
        #expect(await buffer.nextBatch(maximum: 10) == nil, "nothing is handed out after finish")
    }

    @Test func aFullBuffer_holdsThePollingThreadUntilABatchIsTaken() async throws {
        let buffer = MessageBuffer(capacity: 2)
        (0..<3).forEach { buffer.stage(message(0, Int64($0))) }
        buffer.publishStaged()
        let released = Latch()
        Thread {
            buffer.waitForSpace(interval: 0.01)
            released.open()
        }.start()
        try await Task.sleep(for: .milliseconds(100))
        #expect(!released.isOpen, "3 waiting of capacity 2: the poller waits")
        _ = await buffer.nextBatch(maximum: 2)
        let deadline = ContinuousClock.now + .seconds(5)
        while !released.isOpen, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(released.isOpen, "taking a batch made room")
    }
}
