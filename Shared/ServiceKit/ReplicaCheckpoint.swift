import Contracts
import Foundation
import Kafka
import Runtime

/// A local checkpoint of what a `TopicReplica` folded: the fold's state and, per partition, the
/// first offset it does not cover. One file for the whole replica, because its state sums records
/// of every partition (a dashboard counts orders of all of them): the positions and the state are
/// taken together, under the fold's lock, so they describe the same cut.
///
/// Restoring = decode it, check its positions against the topics, resume the replica at them
/// (`TopicReplica(resumingAt:)`).
public struct ReplicaCheckpoint<State: Codable & Sendable>: Codable, Sendable {
    /// Bumped when this layout changes; a checkpoint of another version is ignored (rebuilt).
    public static var currentFormatVersion: Int { 1 }

    public let formatVersion: Int
    public let replica: String
    public let writtenAt: Date
    /// The Kafka cluster the positions are on (nil: not known when written); see
    /// `PartitionSnapshot.cluster`.
    public let cluster: String?
    public let positions: [Position]
    public let state: State

    public struct Position: Codable, Sendable, Hashable {
        public let topic: String
        public let partition: Int32
        /// The first offset the state does not cover.
        public let next: Int64
    }

    public init(replica: String, positions: [TopicPartition: Int64], writtenAt: Date = Date(), cluster: String? = nil,
                state: State) {
        formatVersion = Self.currentFormatVersion
        self.replica = replica
        self.writtenAt = writtenAt
        self.cluster = cluster
        self.positions = positions.sorted { $0.key < $1.key }
            .map { Position(topic: $0.key.topic, partition: $0.key.partition, next: $0.value) }
        self.state = state
    }

    public var resumePositions: [TopicPartition: Int64] {
        Dictionary(positions.map { (TopicPartition(topic: $0.topic, partition: $0.partition), $0.next) }) { _, last in last }
    }

    /// The partitions whose position lies beyond their high watermark: a topic that was deleted
    /// and created again since (the checkpoint describes records that no longer exist), so the
    /// replica must be rebuilt from the beginning instead.
    public func positionsBeyond(_ highWatermarks: [TopicPartition: Int64]) -> [TopicPartition] {
        resumePositions.filter { partition, next in next > (highWatermarks[partition] ?? 0) }.keys.sorted()
    }

    /// True when both this checkpoint and the reader know their cluster, and they differ.
    public func isFromAnotherCluster(than current: String?) -> Bool {
        SnapshotFile.takenOnAnotherCluster(cluster, current: current)
    }

    /// `<directory>/<replica>.replica.snapshot`
    public static func path(directory: String, replica: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent("\(replica).replica.snapshot").path
    }

    /// Reads the checkpoint of `replica` from `directory`: nil when there is none, a rejection
    /// when there is one that must not be used.
    public static func load(directory: String, replica: String) -> Result<ReplicaCheckpoint, SnapshotRejection>? {
        SnapshotFile.read(path(directory: directory, replica: replica))?.flatMap { data in
            let decoder = WireFormat.makeDecoder()
            guard let header = try? decoder.decode(Header.self, from: data) else {
                return .failure(.undecodable("not a replica checkpoint header"))
            }
            guard header.formatVersion == currentFormatVersion else { return .failure(.otherVersion(header.formatVersion)) }
            guard header.replica == replica else { return .failure(.undecodable("the checkpoint of replica \(header.replica)")) }
            do {
                return .success(try decoder.decode(ReplicaCheckpoint.self, from: data))
            } catch {
                return .failure(.undecodable("\(error)"))
            }
        }
    }

    /// Writes the checkpoint into `directory` on a thread of its own; false (logged) on failure.
    public func write(into directory: String, logger: Logger) async -> Bool {
        await SnapshotFile.write(self, to: Self.path(directory: directory, replica: replica), logger: logger,
                                 fields: ["replica": replica])
    }

    /// The fields every format version keeps.
    private struct Header: Decodable {
        let formatVersion: Int
        let replica: String
    }
}
