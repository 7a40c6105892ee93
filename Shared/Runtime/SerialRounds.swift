/// Runs asynchronous rounds one after another, each starting once the one asked for before it
/// has finished: how checkpoint rounds (a timer's, the one at shutdown, a test's) never write an
/// older snapshot over a newer one, even when they are asked for at the same time.
public final class SerialRounds<Output: Sendable>: Sendable {
    private let last = Locked<Task<Void, Never>?>(nil)

    public init() {}

    public func run(_ round: @escaping @Sendable () async -> Output) async -> Output {
        let task = last.withLock { last in
            let previous = last
            let task = Task {
                await previous?.value
                return await round()
            }
            last = Task { _ = await task.value }
            return task
        }
        return await task.value
    }
}
