import GatewayCore
import Testing

@Suite struct PendingReplyLimitTests {
    @Test func admitsUpToTheLimit_thenShedsAndCountsEachRefusal() {
        var limit = PendingReplyLimit(limit: 3)
        #expect((0..<3).map { _ in limit.admit() } == [true, true, true])
        let refused = [limit.admit(), limit.admit()]
        #expect(refused == [false, false])
        #expect(limit.pending == 3)
        #expect(limit.shed == 2)
        #expect(limit.peak == 3)
    }

    @Test func releasedPlaces_areAdmittedAgain_andPeakRemembersTheHighest() {
        var limit = PendingReplyLimit(limit: 2)
        let both = [limit.admit(), limit.admit()]
        #expect(both == [true, true])
        limit.release()
        #expect(limit.pending == 1)
        let again = limit.admit()
        #expect(again)
        limit.release()
        limit.release()
        #expect(limit.pending == 0)
        #expect(limit.peak == 2)
        #expect(limit.shed == 0)
    }

    @Test func manyAdmitReleaseCycles_neverDriftAboveTheLimit() {
        var limit = PendingReplyLimit(limit: 5)
        var held = 0
        for step in 0..<10_000 {
            if step % 3 == 0, held > 0 {
                limit.release()
                held -= 1
            } else if limit.admit() {
                held += 1
            }
            #expect(limit.pending == held && held <= 5)
        }
    }

    @Test func retryAfter_isTheRequestTimeoutRoundedUp_atLeastOneSecond() {
        #expect(PendingReplyLimit.retryAfterSeconds(requestTimeoutMilliseconds: 5_000) == 5)
        #expect(PendingReplyLimit.retryAfterSeconds(requestTimeoutMilliseconds: 5_001) == 6)
        #expect(PendingReplyLimit.retryAfterSeconds(requestTimeoutMilliseconds: 100) == 1)
        #expect(PendingReplyLimit.retryAfterSeconds(requestTimeoutMilliseconds: 0) == 1)
    }
}
