import Foundation

/// A value guarded by a lock, as a class so threads and tasks can share it.
/// Keep critical sections short and never `await` inside one.
///
/// A lock rather than `Synchronization.Mutex`: Mutex's `inout sending` closure rules reject
/// storing non-Sendable values (such as dispatch sources) that the lock itself keeps safe.
///
/// Inlinable, so that callers in other modules get `withLock` specialised for their value: every
/// message passes several of these (lanes, buffers, the producer, metrics), and an unspecialised
/// generic call looks up type metadata at run time on each of them.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: every access to `storage` happens with `lock` held.
    @usableFromInline let lock = NSLock()
    @usableFromInline var storage: Value

    @inlinable public init(_ value: Value) {
        storage = value
    }

    @inlinable public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&storage)
    }
}

extension Locked where Value: Sendable {
    /// A copy of the current value.
    public var value: Value { withLock { $0 } }
}
