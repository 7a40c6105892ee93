@testable import Kafka
import Testing

@Suite struct FailedMessageActionTests {
    let policy = RetryPolicy(attempts: 3)

    @Test func aFailingMessage_isRetried_thenDeadLettered() {
        #expect(FailedMessageAction(attempt: 1, of: policy, stillAssigned: true) == .retry)
        #expect(FailedMessageAction(attempt: 2, of: policy, stillAssigned: true) == .retry)
        #expect(FailedMessageAction(attempt: 3, of: policy, stillAssigned: true) == .deadLetter)
    }

    @Test func aMessageOfARevokedPartition_isLeftToItsNewOwner_neverDeadLettered() {
        #expect(FailedMessageAction(attempt: 1, of: policy, stillAssigned: false) == .leaveToNextOwner)
        #expect(FailedMessageAction(attempt: 3, of: policy, stillAssigned: false) == .leaveToNextOwner)
    }
}
