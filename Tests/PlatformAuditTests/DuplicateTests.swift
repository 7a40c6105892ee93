import Contracts
import Foundation
import Testing
@testable import PlatformAudit

@Suite struct DuplicateTests {
    @Test func identicalRedelivery_isCountedOnce_andIsNoViolation() throws {
        var stream = TestStream()
        let id = TestStream.id("receipt")
        stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0, id: id)
        stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0, id: id)
        let report = stream.audit.report()
        #expect(report.passed, "\(report.text)")
        #expect(report.redeliveries == ["inventory": 1])
        #expect(report.check(named: AuditReport.CheckName.stockNotOversold)?.counts["stock"] == 10)
        #expect(report.text.contains("1 identical re-deliveries"))
    }

    @Test func sameEnvelopeId_withOtherContent_isADuplicate() throws {
        var stream = TestStream()
        let id = TestStream.id("receipt")
        stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0, id: id)
        stream.inventory(TestStream.received(10, onHand: 20, command: "receive-1"), at: 0, id: id)
        let check = try #require(stream.audit.report().check(named: AuditReport.CheckName.noDuplicates))
        #expect(check.violations == 2) // the reused id, and the command decided twice
        #expect(check.examples.first?.reason.contains("envelope id reused") == true)
    }

    @Test func stockMovementAppliedTwice_isADuplicate() throws {
        var stream = TestStream()
        stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0)
        stream.inventory(TestStream.received(10, onHand: 20, command: "receive-1"), at: 1)
        let report = stream.audit.report()
        #expect(failures(report) == [AuditReport.CheckName.noDuplicates])
        #expect(report.check(named: AuditReport.CheckName.stockNotOversold)?.counts["stock"] == 10)
    }

    @Test func reservationReservedTwice_andCommittedTwice_areDuplicates() throws {
        var stream = TestStream()
        let order = try OrderID("O-1")
        stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0)
        stream.inventory(TestStream.reserved("O-1-L1", order: order, quantity: 3, available: 7), at: 1)
        stream.inventory(TestStream.reserved("O-1-L1", order: order, quantity: 3, available: 4, command: "again"), at: 2)
        stream.inventory(TestStream.committed("O-1-L1", order: order, quantity: 3, onHand: 7, available: 7), at: 3)
        stream.inventory(TestStream.committed("O-1-L1", order: order, quantity: 3, onHand: 4, available: 7,
                                              command: "commit-again"), at: 4)
        let check = try #require(stream.audit.report().check(named: AuditReport.CheckName.noDuplicates))
        #expect(check.examples.map(\.reason) == [
            "reservation reserved twice on SKU-1 (first by command \(TestStream.id("reserve-O-1-L1")), reserved)",
            "committed after it was already committed",
        ])
    }

    @Test func reservationLeftHeld_byRejectedOrder_isALeak() throws {
        var stream = TestStream()
        let order = try OrderID("O-1")
        stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0)
        stream.order(TestStream.placed(order, at: 1), at: 1)
        stream.inventory(TestStream.reserved(order.lineId(1), order: order, quantity: 3, available: 7), at: 2)
        stream.order(TestStream.rejected(order, at: 3), at: 3)
        #expect(stream.audit.report(settleAfter: .seconds(30)).passed)
        stream.inventory(TestStream.received(1, onHand: 11, command: "receive-2"), at: 100)
        let check = try #require(stream.audit.report(settleAfter: .seconds(30)).check(named: AuditReport.CheckName.endedOrdersReleased))
        #expect(check.examples.map(\.reason) == ["rejected but reservation O-1-L1 still holds 3 of SKU-1"])
    }
}

private func failures(_ report: AuditReport) -> [String] { report.checks.filter { !$0.passed }.map(\.name) }

@Test func auditsTheThreeEventTopics() {
    #expect(AuditInput.topics.map(\.name) == ["order.events.v1", "inventory.events.v1", "payment.events.v1"])
}
