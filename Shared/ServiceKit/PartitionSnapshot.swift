import Contracts
import Foundation
import Runtime

/// A local checkpoint of one partition's state: the fold of `topic[partition]` up to (not
/// including) `nextOffset`. Restoring = decode it, then fold the topic from `nextOffset` on.
///
/// Written as JSON with the wire's values (`StreamingJSONEncoder`: dates in milliseconds, keys in
/// declaration order), so `jq` can read a checkpoint and the wire decoder reads it back. Dates lose
/// their sub-millisecond part, which a fold of the topic loses too (events travel in the same format).
public struct PartitionSnapshot<State: Codable & Sendable>: Codable, Sendable {
    /// Bumped when this layout changes or a state type changes in a way that still decodes but
    /// means something else; a snapshot of another version is ignored (the topic is folded instead).
    public static var currentFormatVersion: Int { 1 }

    public let formatVersion: Int
    public let topic: String
    public let partition: Int32
    /// The first offset the snapshot does not cover: where reading resumes.
    public let nextOffset: Int64
    public let writtenAt: Date
    /// The id of the Kafka cluster the state was folded from (nil: not known when written, or a
    /// snapshot written before it was recorded). One taken on another cluster is not used: its
    /// offsets name other records, even where the new topic has reached them.
    public let cluster: String?
    public let state: State

    public init(topic: String, partition: Int32, nextOffset: Int64, writtenAt: Date = Date(), cluster: String? = nil,
                state: State) {
        formatVersion = Self.currentFormatVersion
        self.topic = topic
        self.partition = partition
        self.nextOffset = nextOffset
        self.writtenAt = writtenAt
        self.cluster = cluster
        self.state = state
    }

    /// True when both this snapshot and the reader know their cluster, and they differ.
    public func isFromAnotherCluster(than current: String?) -> Bool {
        SnapshotFile.takenOnAnotherCluster(cluster, current: current)
    }

    /// `<directory>/<topic>-<partition>.snapshot`
    public static func path(directory: String, topic: String, partition: Int32) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent("\(topic)-\(partition).snapshot").path
    }
}

/// Partition snapshots of topics a service no longer checkpoints (an earlier version's) would
/// stay on disk forever, read by nothing.
public enum StalePartitionSnapshots {
    /// Deletes the `<topic>-<partition>.snapshot` files in `directory` whose topic is not in
    /// `topics`, and returns their names. Other files are left alone.
    @discardableResult
    public static func remove(from directory: String, keeping topics: Set<String>, logger: Logger) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let topic = topic(ofSnapshotNamed: name), !topics.contains(topic) else { continue }
            do {
                try FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
                removed.append(name)
            } catch {
                logger.warning("stale snapshot not removed", ["file": name, "reason": "\(error)"])
            }
        }
        if !removed.isEmpty { logger.info("stale snapshots removed", ["directory": directory, "files": removed.joined(separator: ",")]) }
        return removed
    }

    /// "order.events.v1-3.snapshot" -> "order.events.v1"; nil for any other name.
    static func topic(ofSnapshotNamed name: String) -> String? {
        guard name.hasSuffix(".snapshot") else { return nil }
        let stem = name.dropLast(".snapshot".count)
        guard let dash = stem.lastIndex(of: "-"), Int32(stem[stem.index(after: dash)...]) != nil,
              dash > stem.startIndex else { return nil }
        return String(stem[..<dash])
    }
}

/// Why a snapshot file was not used.
public enum SnapshotRejection: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case undecodable(String)
    case otherVersion(Int)
    case otherPartition(topic: String, partition: Int32)

    public var description: String {
        switch self {
        case let .unreadable(reason): "cannot be read: \(reason)"
        case let .undecodable(reason): "cannot be decoded: \(reason)"
        case let .otherVersion(version): "format version \(version), expected \(PartitionSnapshot<Int>.currentFormatVersion)"
        case let .otherPartition(topic, partition): "belongs to \(topic)[\(partition)]"
        }
    }
}

extension PartitionSnapshot {
    /// The encoded file content (what `write(to:)` streams). Streamed, because building the whole
    /// state as a JSON tree first (what `JSONEncoder` does) was most of each service's peak memory;
    /// a state type whose coding cannot be streamed still gets written, through `JSONEncoder`.
    public func encoded() throws -> Data {
        do {
            return Data(try StreamingJSONEncoder().encode(self))
        } catch is StreamingJSONEncoder.OutOfOrder {
            return try WireFormat.makeEncoder().encode(self)
        }
    }

    /// Writes the snapshot to `path` atomically (see `SnapshotFile`).
    public func write(to path: String) throws {
        try SnapshotFile.write(self, to: path)
    }

    /// Writes the snapshot into `directory` on a thread of its own (a large state takes a while
    /// to stream). A failure is logged and answered false, for the caller's next round to retry.
    public func write(into directory: String, logger: Logger) async -> Bool {
        await SnapshotFile.write(self, to: Self.path(directory: directory, topic: topic, partition: partition),
                                 logger: logger, fields: ["topic": topic, "partition": "\(partition)"])
    }

    /// Reads the snapshot of `topic[partition]` from `directory`: nil when there is none, a
    /// rejection when there is one that must not be used.
    public static func load(directory: String, topic: String,
                            partition: Int32) -> Result<PartitionSnapshot, SnapshotRejection>? {
        SnapshotFile.read(path(directory: directory, topic: topic, partition: partition))?
            .flatMap { decode($0, topic: topic, partition: partition) }
    }

    /// Checks the header before the state, so a snapshot of another version is reported as such
    /// even when its state no longer decodes.
    static func decode(_ data: Data, topic: String, partition: Int32) -> Result<PartitionSnapshot, SnapshotRejection> {
        let decoder = WireFormat.makeDecoder()
        guard let header = try? decoder.decode(SnapshotHeader.self, from: data) else {
            return .failure(.undecodable("not a snapshot header"))
        }
        guard header.formatVersion == currentFormatVersion else { return .failure(.otherVersion(header.formatVersion)) }
        guard header.topic == topic, header.partition == partition else {
            return .failure(.otherPartition(topic: header.topic, partition: header.partition))
        }
        do {
            return .success(try decoder.decode(PartitionSnapshot.self, from: data))
        } catch {
            return .failure(.undecodable("\(error)"))
        }
    }
}

/// The fields every format version keeps.
private struct SnapshotHeader: Decodable {
    let formatVersion: Int
    let topic: String
    let partition: Int32
}

extension PartitionSnapshot: Equatable where State: Equatable {}
