import Foundation
import ServiceKit
import Testing
import TestSupport

@Suite struct SnapshotFileTests {
    private func write(_ snapshot: PartitionSnapshot<Letters>, in directory: TemporaryDirectory) throws {
        try snapshot.write(to: PartitionSnapshot<Letters>.path(directory: directory.path, topic: snapshot.topic,
                                                               partition: snapshot.partition))
    }

    @Test func snapshot_roundTripsThroughItsFile_andLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        let written = PartitionSnapshot(topic: "t.events.v1", partition: 3, nextOffset: 42, state: Letters(values: ["a", "b"]))
        try write(written, in: directory)

        let loaded = try #require(PartitionSnapshot<Letters>.load(directory: directory.path, topic: "t.events.v1", partition: 3))
        let snapshot = try loaded.get()
        #expect(snapshot.state == written.state)
        #expect(snapshot.nextOffset == 42)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["t.events.v1-3.snapshot"])
    }

    @Test func missingSnapshot_isNil() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        #expect(PartitionSnapshot<Letters>.load(directory: directory.path, topic: "t.events.v1", partition: 0) == nil)
    }

    @Test func atomicWrite_replacesTheWholeFile_andCreatesMissingDirectories() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("nested/deeper/file").path
        try AtomicFile.write(Data(repeating: 65, count: 10_000), to: path)
        try AtomicFile.write(Data("short".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "short")
    }

    @Test func corruptSnapshot_isRejectedAsUndecodable() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        let path = PartitionSnapshot<Letters>.path(directory: directory.path, topic: "t.events.v1", partition: 0)
        try Data("{\"formatVersion\":1,\"topic\":\"t.events.v1\",\"partition\":0,\"nextOff".utf8).write(to: URL(fileURLWithPath: path))
        guard case .failure(.undecodable)? = PartitionSnapshot<Letters>.load(directory: directory.path, topic: "t.events.v1",
                                                                            partition: 0) else {
            Issue.record("a truncated file must be rejected")
            return
        }
    }

    @Test func snapshotOfAnotherPartitionOrVersion_isRejected() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        // A file copied or renamed by hand: its content names another partition.
        let foreign = PartitionSnapshot(topic: "t.events.v1", partition: 1, nextOffset: 5, state: Letters())
        let path = PartitionSnapshot<Letters>.path(directory: directory.path, topic: "t.events.v1", partition: 0)
        try AtomicFile.write(try foreign.encoded(), to: path)
        #expect(PartitionSnapshot<Letters>.load(directory: directory.path, topic: "t.events.v1", partition: 0)
                == .failure(.otherPartition(topic: "t.events.v1", partition: 1)))

        let future = String(decoding: try foreign.encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":99")
            .replacingOccurrences(of: "\"partition\":1", with: "\"partition\":0")
        try AtomicFile.write(Data(future.utf8), to: path)
        #expect(PartitionSnapshot<Letters>.load(directory: directory.path, topic: "t.events.v1", partition: 0)
                == .failure(.otherVersion(99)))
    }

    @Test func aSnapshotLargerThanOneChunk_isStreamedWhole() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        // ~1.2 MB of JSON: several 256 KiB pieces.
        let values = (0..<60_000).map { "letter-\($0)" }
        try write(PartitionSnapshot(topic: "t.events.v1", partition: 0, nextOffset: 7, state: Letters(values: values)), in: directory)
        let snapshot = try #require(PartitionSnapshot<Letters>.load(directory: directory.path, topic: "t.events.v1", partition: 0)).get()
        #expect(snapshot.state.values == values)
    }

    @Test func aStreamedWriteThatFails_leavesTheOldFileAndNoTemporaryFile() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("file").path
        try AtomicFile.write(Data("old".utf8), to: path)
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { file in
                try file.append(Data("half of the new".utf8))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["file"])
    }

    @Test func aStateWhoseCodingCannotBeStreamed_isStillWritten() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        defer { directory.remove() }
        let written = PartitionSnapshot(topic: "t.events.v1", partition: 2, nextOffset: 1, state: BackAndForth(first: 1, second: 2))
        try written.write(to: PartitionSnapshot<BackAndForth>.path(directory: directory.path, topic: "t.events.v1", partition: 2))
        let loaded = try #require(PartitionSnapshot<BackAndForth>.load(directory: directory.path, topic: "t.events.v1", partition: 2))
        #expect(try loaded.get().state == written.state)
    }
}

/// Writes into a nested container after its parent moved on: valid for `JSONEncoder`, not streamable.
private struct BackAndForth: Codable, Sendable, Equatable {
    enum Keys: String, CodingKey { case inner, first, second }
    let first: Int
    let second: Int

    init(first: Int, second: Int) {
        self.first = first
        self.second = second
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        try container.encode(first, forKey: .first)
        try inner.encode(second, forKey: .second)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        first = try container.decode(Int.self, forKey: .first)
        second = try container.nestedContainer(keyedBy: Keys.self, forKey: .inner).decode(Int.self, forKey: .second)
    }
}
