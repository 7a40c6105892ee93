import Contracts
import Foundation
import Runtime

/// How checkpoints reach the disk: JSON streamed to an atomically replaced file, on a thread of
/// its own (a large state takes a while). Shared by partition snapshots and replica checkpoints.
public enum SnapshotFile {
    /// Writes `value` to `path` atomically, streamed to the file in 256 KiB pieces; a value whose
    /// coding cannot be streamed is written through `JSONEncoder` instead.
    public static func write(_ value: some Encodable, to path: String) throws {
        do {
            try AtomicFile.write(to: path) { file in
                try StreamingJSONEncoder().encode(value, chunkBytes: 256 * 1024) { chunk in try file.append(chunk) }
            }
        } catch is StreamingJSONEncoder.OutOfOrder {
            try AtomicFile.write(try WireFormat.makeEncoder().encode(value), to: path)
        }
    }

    /// `write(_:to:)` on a dedicated thread. A failure is logged (with `fields`) and answered
    /// false, for the caller's next round to retry.
    public static func write<Value: Encodable & Sendable>(_ value: Value, to path: String, logger: Logger,
                                                          fields: [String: String]) async -> Bool {
        await onDedicatedThread(name: "checkpoint-\(URL(fileURLWithPath: path).lastPathComponent)") {
            do {
                try write(value, to: path)
                return true
            } catch {
                logger.warning("checkpoint not written; the next one retries", fields.merging(["reason": "\(error)"]) { $1 })
                return false
            }
        }
    }

    /// Whether a checkpoint recorded on cluster `recorded` was taken on another cluster than
    /// `current`: only when both are known (older checkpoints and quiet clusters carry none).
    static func takenOnAnotherCluster(_ recorded: String?, current: String?) -> Bool {
        guard let recorded, let current else { return false }
        return recorded != current
    }

    /// The file's bytes: nil when there is none, a rejection when it cannot be read.
    static func read(_ path: String) -> Result<Data, SnapshotRejection>? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return .success(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }
}
