import Foundation
import Glibc

/// The process's open descriptors, from /proc/self/fd.
struct DescriptorSnapshot {
    /// Descriptor number -> link target, e.g. `socket:[12345]` (the inode identifies the socket).
    let targets: [String: String]

    init() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        var targets: [String: String] = [:]
        for entry in entries {
            targets[entry] = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)")) ?? "?"
        }
        self.targets = targets
    }

    var count: Int { targets.count }

    /// Open socket descriptors whose local or remote TCP port is `port`.
    func sockets(onPort port: Int) -> [String] {
        targets.filter { $0.value.hasPrefix("socket:") }.compactMap { entry -> String? in
            guard let fd = Int32(entry.key) else { return nil }
            return Self.ports(of: fd).contains(port) ? "\(entry.key) -> \(entry.value)" : nil
        }.sorted()
    }

    /// Descriptors open now that were not open (with the same target) in `baseline`.
    func added(since baseline: DescriptorSnapshot) -> [String] {
        targets.filter { baseline.targets[$0.key] != $0.value }.map { "\($0.key) -> \($0.value)" }.sorted()
    }

    /// Polls until nothing beyond `baseline` is open, at most 3 s.
    static func settling(to baseline: DescriptorSnapshot, port: Int, strict: Bool) async -> DescriptorSnapshot {
        let deadline = ContinuousClock.now + .seconds(3)
        var snapshot = DescriptorSnapshot()
        while ContinuousClock.now < deadline,
              !snapshot.sockets(onPort: port).isEmpty || (strict && snapshot.count > baseline.count) {
            try? await Task.sleep(for: .milliseconds(20))
            snapshot = DescriptorSnapshot()
        }
        return snapshot
    }

    /// Local and peer port of a TCP socket (IPv4 or IPv6; the port sits at offset 2 in both).
    private static func ports(of fd: Int32) -> [Int] {
        [getsockname, getpeername].compactMap { query -> Int? in
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let result = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { query(fd, $0, &length) }
            }
            guard result == 0, storage.ss_family == sa_family_t(AF_INET) || storage.ss_family == sa_family_t(AF_INET6) else {
                return nil
            }
            return withUnsafeBytes(of: storage) { Int(UInt16(bigEndian: $0.loadUnaligned(fromByteOffset: 2, as: UInt16.self))) }
        }
    }
}
