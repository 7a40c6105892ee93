/// Named conditions that must all hold before a process reports ready (`/health/ready`), e.g.
/// "kafka partitions assigned" and "state restored". Liveness is separate: a process that is
/// alive but not ready is kept out of load balancing but not restarted.
public final class Readiness: Sendable {
    private let conditions = Locked<[String: Bool]>([:])

    public init() {}

    /// Declares a condition that starts unmet.
    public func require(_ name: String) { conditions.withLock { $0[name] = $0[name] ?? false } }

    public func set(_ name: String, _ met: Bool) { conditions.withLock { $0[name] = met } }

    public var isReady: Bool { conditions.withLock { !$0.isEmpty && $0.values.allSatisfy { $0 } } }

    /// Every condition and whether it holds, for the body of `/health/ready`.
    public var report: [String: Bool] { conditions.withLock { $0 } }
}
