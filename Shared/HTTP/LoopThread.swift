import CLinux
import Glibc

/// A joinable OS thread for the event loop. Foundation's `Thread` cannot be joined, and the loop must
/// not run on the Swift cooperative pool, where a blocking `epoll_wait` would starve handler tasks.
struct LoopThread: Sendable {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    let handle: pthread_t

    static func spawn(name: String, _ run: @escaping @Sendable () -> Void) throws(SystemCallError) -> LoopThread {
        let body = Unmanaged.passRetained(Body(run)).toOpaque()
        var handle = pthread_t()
        let result = pthread_create(&handle, nil, { argument in
            let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
            body.run()
            return nil
        }, body)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(body).release()
            throw SystemCallError(call: "pthread_create", errno: result)
        }
        // Names are limited to 15 bytes; the name only helps in `top -H` and debuggers.
        _ = cl_set_thread_name(handle, String(name.prefix(15)))
        return LoopThread(handle: handle)
    }

    /// Blocks until the thread has returned. Only called once the loop has signalled that it stopped,
    /// so the wait is for the last few instructions of the thread.
    func join() {
        _ = pthread_join(handle, nil)
    }
}
