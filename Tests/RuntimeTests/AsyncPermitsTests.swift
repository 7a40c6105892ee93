import Runtime
import Testing

/// Permits bound the messages in flight; lanes take a poll round's worth at once.
@Suite struct AsyncPermitsTests {
    @Test func takingSeveral_waitsUntilThatManyAreFree() async throws {
        let permits = AsyncPermits(4)
        await permits.acquire(3)
        let granted = Locked(false)
        let waiting = Task {
            await permits.acquire(2)
            granted.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(!granted.withLock { $0 }, "1 free of 4: a request for 2 waits")
        permits.release(1)
        await waiting.value
        #expect(granted.withLock { $0 })
    }

    @Test func waitersAreServedInArrivalOrder_soALargeRequestIsNotStarved() async throws {
        let permits = AsyncPermits(4)
        await permits.acquire(4)
        let order = Locked<[String]>([])
        let large = Task {
            await permits.acquire(4)
            order.withLock { $0.append("large") }
        }
        try await Task.sleep(for: .milliseconds(50))
        let small = Task {
            await permits.acquire(1)
            order.withLock { $0.append("small") }
        }
        try await Task.sleep(for: .milliseconds(50))
        permits.release(1)
        try await Task.sleep(for: .milliseconds(50))
        #expect(order.withLock { $0 }.isEmpty, "the small request queues behind the large one")
        permits.release(3)
        await large.value
        permits.release(4)
        await small.value
        #expect(order.withLock { $0 } == ["large", "small"])
    }
}
