import Contracts
import Foundation
import ReliabilityKit
import Testing

@Suite struct PoisonAndVerdictTests {
    let poison = PoisonRecords(topic: "order.commands.v1", knownType: OrderCommand.messageTypes[0], run: "r1")

    @Test func threeRecords_noneDecodesAsAnEnvelopeOfTheFamily() {
        #expect(poison.records.map(\.name) == ["not-json", "unknown-type", "broken-payload"])
        for record in poison.records {
            #expect((try? WireFormat.decode(record.value, as: OrderCommand.self)) == nil, "\(record.name)")
        }
    }

    @Test func deadLetters_areMatchedToTheirRecord_onlyForTheirRunAndTopic() {
        for record in poison.records { #expect(poison.match(record.value) == record.name) }
        let otherRun = PoisonRecords(topic: "order.commands.v1", knownType: "x", run: "r2")
        let otherTopic = PoisonRecords(topic: "payment.commands.v1", knownType: "x", run: "r1")
        #expect(poison.records.allSatisfy { otherRun.match($0.value) == nil && otherTopic.match($0.value) == nil })
    }

    @Test func shedding_passesWhenBeyondTheLimitEveryRefusalHasRetryAfter() {
        let observed = ShedObservation(statuses: Array(repeating: 504, count: 10) + Array(repeating: 503, count: 5),
                                       shedWithRetryAfter: 5, limit: 10, rssBeforeBytes: 50 << 20, rssPeakBytes: 60 << 20)
        #expect(observed.verdict(rssAllowanceBytes: 64 << 20).passed)
    }

    @Test func shedding_failsWithoutRetryAfter_beyondTheLimit_orWithMemoryGrowth() {
        let noHeader = ShedObservation(statuses: [504, 503], shedWithRetryAfter: 0, limit: 1, rssBeforeBytes: 0, rssPeakBytes: 0)
        #expect(!noHeader.verdict(rssAllowanceBytes: 1).passed)
        let tooMany = ShedObservation(statuses: [504, 504, 503], shedWithRetryAfter: 1, limit: 1, rssBeforeBytes: 0, rssPeakBytes: 0)
        #expect(!tooMany.verdict(rssAllowanceBytes: 1).passed)
        let grew = ShedObservation(statuses: [504, 503], shedWithRetryAfter: 1, limit: 1, rssBeforeBytes: 0, rssPeakBytes: 500 << 20)
        #expect(!grew.verdict(rssAllowanceBytes: 64 << 20).passed)
        let nothingShed = ShedObservation(statuses: [504], shedWithRetryAfter: 0, limit: 1, rssBeforeBytes: 0, rssPeakBytes: 0)
        #expect(!nothingShed.verdict(rssAllowanceBytes: 1).passed)
    }

    @Test func summary_marksEachCheck_andTheVerdict() {
        let text = CheckResult.summary([CheckResult("a", passed: true, "ok"), CheckResult("b", passed: false, "bad")])
        #expect(text.contains("PASS  a"))
        #expect(text.contains("FAIL  b"))
        #expect(text.contains("1 of 2 checks FAILED"))
    }
}
