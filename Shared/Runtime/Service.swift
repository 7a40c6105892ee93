/// A long-lived part of a process: a consume loop, an HTTP server, a timer.
///
/// `run()` does the work until the service is asked to stop or fails. `shutdown()` asks it to
/// stop gracefully and returns once it has finished its in-flight work (so the group can stop
/// services one after the other, in reverse start order).
public protocol Service: Sendable {
    var name: String { get }
    func run() async throws
    func shutdown() async
}
