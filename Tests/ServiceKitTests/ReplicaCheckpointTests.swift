import Foundation
import Kafka
import ServiceKit
import Testing
import TestSupport

/// A replica's checkpoint: written atomically, read back whole, refused when it is of another
/// format or replica, and its positions held against the topics' ends.
@Suite struct ReplicaCheckpointTests {
    struct Counts: Codable, Sendable, Equatable {
        var byKey: [String: Int]
    }

    let order0 = TopicPartition(topic: "order.events.v1", partition: 0)
    let order1 = TopicPartition(topic: "order.events.v1", partition: 1)
    let stock0 = TopicPartition(topic: "inventory.events.v1", partition: 0)

    @Test func aWrittenCheckpoint_readsBackWithItsPositionsAndState() async throws {
        let directory = try TemporaryDirectory(prefix: "replica-checkpoint")
        defer { directory.remove() }
        let written = ReplicaCheckpoint(replica: "dash", positions: [order0: 7, order1: 0, stock0: 42],
                                        state: Counts(byKey: ["a": 1, "b": 2]))
        #expect(await written.write(into: directory.path, logger: KafkaTestKit.quietLogger))
        let read = try #require(ReplicaCheckpoint<Counts>.load(directory: directory.path, replica: "dash")).get()
        #expect(read.state == written.state)
        #expect(read.resumePositions == [order0: 7, order1: 0, stock0: 42])
        #expect(ReplicaCheckpoint<Counts>.load(directory: directory.path, replica: "other") == nil, "another replica's file name")
    }

    @Test func aCheckpointOfAnotherVersionOrReplica_orGarbage_isRefused() throws {
        let directory = try TemporaryDirectory(prefix: "replica-checkpoint")
        defer { directory.remove() }
        let path = ReplicaCheckpoint<Counts>.path(directory: directory.path, replica: "dash")
        func load() -> SnapshotRejection? {
            guard case let .failure(rejection)? = ReplicaCheckpoint<Counts>.load(directory: directory.path, replica: "dash") else { return nil }
            return rejection
        }
        try Data(#"{"formatVersion":99,"replica":"dash"}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(load() == .otherVersion(99))
        try Data(#"{"formatVersion":1,"replica":"other","writtenAt":0,"positions":[],"state":{"byKey":{}}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(load()?.description.contains("replica other") == true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(load() != nil)
        try Data(#"{"formatVersion":1,"replica":"dash","writtenAt":0,"positions":[],"state":{"byKey":3}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        guard case .undecodable? = load() else { Issue.record("a state that does not decode is refused"); return }
    }

    @Test func positionsBeyondAPartitionsEnd_areNamed() {
        let checkpoint = ReplicaCheckpoint(replica: "dash", positions: [order0: 7, order1: 3, stock0: 0], state: Counts(byKey: [:]))
        #expect(checkpoint.positionsBeyond([order0: 7, order1: 9, stock0: 0]).isEmpty, "at or below the ends")
        #expect(checkpoint.positionsBeyond([order0: 2, order1: 9, stock0: 0]) == [order0], "the topic was recreated")
        #expect(checkpoint.positionsBeyond([order0: 7, stock0: 0]) == [order1], "a partition the cluster does not have")
    }
}
