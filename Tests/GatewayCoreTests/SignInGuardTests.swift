import Foundation
import GatewayCore
import Testing

/// Failed sign-ins lock an account for the rest of a window; a success clears them.
@Suite struct SignInGuardTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func fiveFailuresLockTheAccount_untilTheWindowSinceTheFirstHasPassed() {
        var signIns = SignInGuard(maximumFailures: 5, window: 900)
        for second in 0..<4 { signIns.failed("user:metro.buyer", now: start + Double(second)) }
        #expect(signIns.retryAfter("user:metro.buyer", now: start + 5) == nil, "four failures: still open")
        signIns.failed("user:metro.buyer", now: start + 10)
        #expect(signIns.retryAfter("user:metro.buyer", now: start + 10) == 890)
        #expect(signIns.retryAfter("user:metro.approver", now: start + 10) == nil, "other accounts are not affected")
        #expect(signIns.retryAfter("user:metro.buyer", now: start + 900) == nil, "open again after the window")
        // A failure after the window starts a new count.
        signIns.failed("user:metro.buyer", now: start + 901)
        #expect(signIns.retryAfter("user:metro.buyer", now: start + 902) == nil)
    }

    @Test func aSuccessClearsTheCount() {
        var signIns = SignInGuard(maximumFailures: 2, window: 900)
        signIns.failed("user:a", now: start)
        signIns.succeeded("user:a")
        signIns.failed("user:a", now: start + 1)
        #expect(signIns.retryAfter("user:a", now: start + 2) == nil)
    }

    @Test func remembersAtMostTheConfiguredNumberOfAccounts() {
        var signIns = SignInGuard(maximumFailures: 1, window: 900, maximumAccounts: 2)
        for name in ["a", "b", "c"] { signIns.failed(name, now: start) }
        #expect(signIns.retryAfter("a", now: start) == nil, "the oldest was forgotten")
        #expect(signIns.retryAfter("b", now: start) != nil && signIns.retryAfter("c", now: start) != nil)
    }
}
