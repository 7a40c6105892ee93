import ReliabilityKit
import Testing

@Suite struct ClientRetryPolicyTests {
    let policy = ClientRetryPolicy.standard

    @Test func onlyUnavailableAnswersAndBrokenConnections_areRepeated() {
        for status in [429, 503, 504] { #expect(ClientRetryPolicy.isRetryable(status: status), "\(status)") }
        #expect(ClientRetryPolicy.isRetryable(status: nil), "a refused or cut connection is tried again")
        // An answer is final, right or wrong: repeating a refusal would only hide it.
        for status in [200, 201, 400, 401, 404, 409, 422, 500] { #expect(!ClientRetryPolicy.isRetryable(status: status), "\(status)") }
    }

    @Test func pauses_followRetryAfter_orGrowAStepPerTry_andAreCapped() {
        #expect(policy.pause(afterTries: 1, retryAfterSeconds: nil) == 0.05)
        #expect(policy.pause(afterTries: 4, retryAfterSeconds: nil) == 0.2)
        #expect(policy.pause(afterTries: 1, retryAfterSeconds: 2) == 2, "the gateway's Retry-After is honoured")
        #expect(policy.pause(afterTries: 1, retryAfterSeconds: 120) == 5, "but never longer than the longest pause")
        #expect(policy.pause(afterTries: 1_000, retryAfterSeconds: nil) == 5)
        #expect(policy.pause(afterTries: 0, retryAfterSeconds: -3) == 0)
    }

    @Test func theBudget_countsFromTheFirstDueTime() {
        #expect(policy.allowsAnotherTry(elapsedSeconds: 10, pause: 5))
        #expect(policy.allowsAnotherTry(elapsedSeconds: 59.9, pause: 0.05))
        #expect(!policy.allowsAnotherTry(elapsedSeconds: 58, pause: 2), "a try that would start after 60 s is not made")
        let impatient = ClientRetryPolicy(budgetSeconds: 1)
        #expect(!impatient.allowsAnotherTry(elapsedSeconds: 0.99, pause: 0.05))
    }
}
