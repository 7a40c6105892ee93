import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stops this process when its parent goes away (even if the parent was SIGKILLed), so nothing a
/// supervisor or a benchmark started outlives it. Linux reparents an orphan, which changes
/// `getppid()`; the watch then sends this process SIGTERM, which its `ServiceGroup` turns into a
/// graceful stop.
public enum ParentWatch {
    public static func start(logger: Logger) {
        let parent = getppid()
        let thread = Thread {
            // Adopted by init (or a subreaper) means the parent is gone, even if that happened
            // before this watch began.
            while getppid() == parent && parent != 1 { usleep(200_000) }
            logger.warning("parent process exited; stopping")
            kill(getpid(), SIGTERM)
        }
        thread.name = "parent-watch"
        thread.start()
    }
}
