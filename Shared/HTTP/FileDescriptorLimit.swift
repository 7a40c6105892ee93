import Glibc

/// The per-process open-file limit. A server holding thousands of keep-alive connections needs more
/// than the usual soft limit of 1024; call `raiseSoftLimitToHard()` once at startup.
public enum FileDescriptorLimit {
    /// Raises `RLIMIT_NOFILE`'s soft limit to its hard limit (to 1 << 20, the kernel's default
    /// `fs.nr_open`, when the hard limit is unlimited) and returns both values. On failure the old
    /// limit stays and `new == old`.
    @discardableResult
    public static func raiseSoftLimitToHard() -> (old: UInt64, new: UInt64) {
        var limits = rlimit()
        guard (try? syscall("getrlimit", { getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) })) != nil else {
            return (0, 0)
        }
        let old = UInt64(limits.rlim_cur)
        // RLIM_INFINITY is all ones; the macro does not import as a Swift constant.
        let target = limits.rlim_max == rlim_t.max ? rlim_t(1 << 20) : limits.rlim_max
        guard target > limits.rlim_cur else { return (old, old) }
        limits.rlim_cur = target
        guard (try? syscall("setrlimit", { setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) })) != nil else {
            return (old, old)
        }
        return (old, UInt64(target))
    }
}
