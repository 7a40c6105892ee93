import Glibc

/// Nanoseconds from CLOCK_MONOTONIC: timeouts must not jump when the wall clock is adjusted.
enum MonotonicClock {
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
