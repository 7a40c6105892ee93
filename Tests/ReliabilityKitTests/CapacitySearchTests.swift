import ReliabilityKit
import Testing

@Suite struct CapacitySearchTests {
    let search = CapacitySearch(start: 50, maxSteps: 20, p99AcceptanceMs: 100)

    func step(_ rate: Double, p99: Double = 40, accepted: Int? = nil, rejected: Int = 0, undecided: Int = 0,
              errors: [String: Int] = [:]) -> CapacitySearch.Step {
        let sent = Int(rate) * 10
        let taken = accepted ?? sent
        return CapacitySearch.Step(offeredPerSecond: rate, ordersSent: sent, accepted: taken, confirmed: taken - rejected - undecided,
                                   rejected: rejected, undecided: undecided, errors: errors, acceptanceP99Ms: p99)
    }

    @Test func metSteps_climbAQuarterAtATime_inWholeOrders() {
        var steps: [CapacitySearch.Step] = []
        var rates: [Double] = []
        while let rate = search.nextRate(after: steps), rates.count < 6 {
            rates.append(rate)
            steps.append(step(rate))
        }
        #expect(rates == [50, 63, 79, 99, 124, 155])
        // A start so small that a quarter rounds away still rises.
        let slow = CapacitySearch(start: 1, maxSteps: 3, p99AcceptanceMs: 100)
        #expect(slow.nextRate(after: [step(1)]) == 2)
        #expect(slow.nextRate(after: [step(1), step(2), step(3)]) == nil, "at most maxSteps steps")
    }

    @Test func aMissedRate_isTriedOnceMore_andASecondMissEndsTheSearch() {
        let missed = step(79, p99: 140)
        #expect(search.misses(missed) == ["p99 acceptance 140 ms > 100 ms"])
        #expect(search.nextRate(after: [step(50), step(63), missed]) == 79)
        // Met the second time: one stall, not the rate; the climb goes on.
        #expect(search.nextRate(after: [step(50), step(63), missed, step(79)]) == 99)
        #expect(search.nextRate(after: [step(50), step(63), missed, step(79, p99: 180)]) == nil)
        #expect(search.capacity(of: [step(50), step(63), missed, step(79, p99: 180)]) == 63)
        #expect(search.capacity(of: [step(50), step(63), missed, step(79), step(99, p99: 300), step(99, p99: 250)]) == 79)
    }

    @Test func anUndecidedOrder_endsTheSearchAtOnce() {
        let broken = step(63, undecided: 2)
        #expect(search.misses(broken) == ["2 accepted orders undecided after the drain"])
        #expect(search.nextRate(after: [step(50), broken]) == nil)
    }

    @Test func failedRequests_unansweredOrRejectedOrders_missTheTarget() {
        #expect(search.misses(step(50, accepted: 495, errors: ["503 overloaded": 4, "search: 503": 1]))
                == ["5 requests failed (503 overloaded: 4, search: 503: 1)"])
        #expect(search.misses(step(50, accepted: 498)) == ["2 of 500 orders not accepted"])
        #expect(search.misses(step(50, rejected: 3)) == ["3 accepted orders rejected"])
        #expect(search.misses(step(50, p99: 100)).isEmpty, "the target is inclusive")
        #expect(search.capacity(of: [step(50, p99: 120), step(50, p99: 130)]) == 0)
    }
}
