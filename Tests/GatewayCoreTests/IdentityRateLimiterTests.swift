import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityRateLimiterTests {
    let start = IdentityTest.start
    let companyA: CompanyID = IdentityTest.id("co-a")
    let companyB: CompanyID = IdentityTest.id("co-b")

    @Test func burstUpToCapacity_thenTooManyRequestsWithRetryAfter() {
        var limiter = RateLimiter<CompanyID>(capacity: 5, refillPerSecond: 1)
        let burst = (0..<5).map { _ in limiter.take(companyA, now: start) }
        #expect(burst.allSatisfy { $0.allowed })
        #expect(burst.map(\.remaining) == [4, 3, 2, 1, 0])
        let refused = limiter.take(companyA, now: start)
        #expect(refused == RateLimitDecision(allowed: false, retryAfterSeconds: 1, remaining: 0))
    }

    @Test func retryAfter_roundsUpToWholeSeconds() {
        var limiter = RateLimiter<CompanyID>(capacity: 1, refillPerSecond: 0.4)
        #expect(limiter.take(companyA, now: start).allowed)
        #expect(limiter.take(companyA, now: start).retryAfterSeconds == 3, "1 token at 0.4/s takes 2.5 s")
        #expect(limiter.take(companyA, now: start.addingTimeInterval(2)).retryAfterSeconds == 1, "0.5 s left")
        #expect(!limiter.take(companyA, now: start.addingTimeInterval(2.4)).allowed)
        #expect(limiter.take(companyA, now: start.addingTimeInterval(2.5)).allowed)
    }

    @Test func bucketRefillsOverTime_butNeverBeyondCapacity() {
        var limiter = RateLimiter<CompanyID>(capacity: 3, refillPerSecond: 10)
        for _ in 0..<3 { _ = limiter.take(companyA, now: start) }
        #expect(!limiter.take(companyA, now: start).allowed)
        let later = start.addingTimeInterval(0.2)
        #expect(limiter.take(companyA, now: later).allowed)
        #expect(limiter.take(companyA, now: later).allowed)
        #expect(!limiter.take(companyA, now: later).allowed)
        let muchLater = start.addingTimeInterval(3600)
        let afterIdle = (0..<4).map { _ in limiter.take(companyA, now: muchLater).allowed }
        #expect(afterIdle == [true, true, true, false], "an idle hour refills to capacity, not beyond")
    }

    @Test func companyAExhausted_whileCompanyBIsStillAllowed() {
        var limiter = RateLimiter<CompanyID>(capacity: 10, refillPerSecond: 1)
        for _ in 0..<1_000 { _ = limiter.take(companyA, now: start) }
        #expect(!limiter.take(companyA, now: start).allowed)
        let b = limiter.take(companyB, now: start)
        #expect(b.allowed && b.remaining == 9)
    }

    @Test func clockGoingBackwards_addsNoTokens() {
        var limiter = RateLimiter<CompanyID>(capacity: 1, refillPerSecond: 1)
        #expect(limiter.take(companyA, now: start).allowed)
        #expect(!limiter.take(companyA, now: start.addingTimeInterval(-10)).allowed)
        #expect(!limiter.take(companyA, now: start.addingTimeInterval(0.5)).allowed)
        #expect(limiter.take(companyA, now: start.addingTimeInterval(1)).allowed)
    }

    @Test func memoryIsBounded_byMaximumKeys() {
        var limiter = RateLimiter<String>(capacity: 2, refillPerSecond: 0.001, maximumKeys: 3)
        for index in 0..<100 {
            _ = limiter.take("company-\(index)", now: start.addingTimeInterval(Double(index)))
            #expect(limiter.trackedKeyCount <= 3)
        }
        #expect(limiter.trackedKeyCount == 3)
        #expect(limiter.bucket(for: "company-99") != nil)
        #expect(limiter.bucket(for: "company-0") == nil, "the least recently used bucket goes first")
    }

    @Test func idleBuckets_areEvicted_beforeBusyOnes() {
        var limiter = RateLimiter<String>(capacity: 2, refillPerSecond: 1, maximumKeys: 2)
        _ = limiter.take("busy", now: start)
        _ = limiter.take("busy", now: start)
        _ = limiter.take("idle", now: start)
        // At start+1.5 "idle" is full again (lossless to forget) while "busy" is not.
        _ = limiter.take("newcomer", now: start.addingTimeInterval(1.5))
        #expect(limiter.bucket(for: "idle") == nil)
        #expect(limiter.bucket(for: "busy") != nil)
        // 1.5 tokens: one more request, then refused. A fresh bucket would have allowed two.
        #expect(limiter.take("busy", now: start.addingTimeInterval(1.5)).allowed)
        #expect(!limiter.take("busy", now: start.addingTimeInterval(1.5)).allowed, "busy kept its partly used bucket")
    }

    @Test func evictIdle_forgetsOnlyFullBuckets() {
        var limiter = RateLimiter<String>(capacity: 5, refillPerSecond: 1)
        _ = limiter.take("a", now: start)
        for _ in 0..<5 { _ = limiter.take("b", now: start) }
        #expect(limiter.evictIdle(now: start.addingTimeInterval(2)) == 1)
        #expect(limiter.bucket(for: "a") == nil && limiter.bucket(for: "b") != nil)
        #expect(limiter.evictIdle(now: start.addingTimeInterval(10)) == 1)
        #expect(limiter.trackedKeyCount == 0)
    }
}
