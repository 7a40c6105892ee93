import Contracts
import Foundation
import Testing
@testable import PlatformAudit

/// Partitions whose beginning retention deleted: nothing that began before the window is accused,
/// and what happens inside it is still judged.
@Suite struct PartialWindowTests {
    /// Before the window: 100 on hand, reservations R-OLD-1 (4, order O-OLD) and R-OLD-2 (2, order
    /// O-OLD2) held, so 94 available. The window finishes those and runs one whole new order.
    @Test func seedsBalancesFromInventoryFigures_andAccusesNothingBeganBefore() throws {
        var stream = TestStream(logStart: 500)
        let old = try OrderID("O-OLD"), old2 = try OrderID("O-OLD2")
        stream.inventory(TestStream.released("R-OLD-1", order: old, quantity: 4, available: 98), at: 100)
        stream.order(TestStream.rejected(old, at: 100), at: 100)
        stream.inventory(TestStream.committed("R-OLD-2", order: old2, quantity: 2, onHand: 98, available: 98), at: 101)
        stream.order(TestStream.completed(old2, amount: 20_000, at: 101), at: 101)
        stream.payment(TestStream.captured(old2, amount: 20_000), at: 102)
        stream.payment(TestStream.posting("\(TestStream.id("capture-O-OLD2"))#0", order: old2, amount: 20_000), at: 102)
        stream.inventory(TestStream.received(10, onHand: 108, command: "receive-2"), at: 103)
        stream.happyOrder("O-NEW", onHandBefore: 108, at: 110)

        let report = stream.audit.report(settleAfter: .seconds(30))
        #expect(report.passed, "\(report.text)")
        #expect(report.retainedFrom.count == 3)
        #expect(report.retainedFrom.allSatisfy { $0.offset == 500 })
        let eventPartitions = Topics.orderEvents.partitions + Topics.inventoryEvents.partitions + Topics.paymentEvents.partitions
        #expect(report.text.contains("3 of \(eventPartitions) partitions partial: history before the retained window not checked"))
        #expect(report.check(named: AuditReport.CheckName.stockNotOversold)?.counts["seeded-skus"] == 1)
        #expect(report.check(named: AuditReport.CheckName.noDuplicates)?.counts["reservations-before-window"] == 2)
        #expect(report.check(named: AuditReport.CheckName.ordersSettled)?.counts["placed-before-window"] == 2)
        #expect(report.check(named: AuditReport.CheckName.ledgerBalanced)?.summary
            .contains("the whole-ledger sum only over complete partitions") == true)
    }

    @Test func catchesOversell_afterTheWindowStart() throws {
        var stream = TestStream(logStart: 500)
        let order = try OrderID("O-1")
        stream.inventory(TestStream.reserved("R-1", order: order, quantity: 3, available: 2), at: 0)
        stream.inventory(TestStream.reserved("R-2", order: order, quantity: 4, available: -2), at: 1)
        let report = stream.audit.report(settleAfter: .seconds(60))
        let check = try #require(report.check(named: AuditReport.CheckName.stockNotOversold))
        #expect(check.violations == 1)
        #expect(check.examples.first?.subject == "SKU-1")
        #expect(check.examples.first?.reason.hasPrefix("oversold: available across warehouses is -2") == true)
        #expect(failures(report) == [AuditReport.CheckName.stockNotOversold])
    }

    @Test func catchesOversell_perWarehouse_onceItsOnHandWasReported() throws {
        var stream = TestStream(logStart: 500)
        let order = try OrderID("O-1")
        stream.inventory(TestStream.received(1, onHand: 5, command: "receive-9"), at: 0)
        stream.inventory(TestStream.reserved("R-1", order: order, quantity: 3, available: 2), at: 1)
        stream.inventory(TestStream.reserved("R-2", order: order, quantity: 4, available: -2), at: 2)
        let check = try #require(stream.audit.report().check(named: AuditReport.CheckName.stockNotOversold))
        #expect(check.violations == 1)
        #expect(check.examples.first?.subject == "SKU-1@WH-1")
        #expect(check.examples.first?.reason.hasPrefix("oversold: reserved + sold exceeds stock by 2") == true)
    }

    @Test func catchesAFigureThatNoLongerAddsUp_insideTheWindow() throws {
        var stream = TestStream(logStart: 500)
        let order = try OrderID("O-1")
        stream.inventory(TestStream.reserved("R-1", order: order, quantity: 3, available: 50), at: 0)
        stream.inventory(TestStream.reserved("R-2", order: order, quantity: 4, available: 50), at: 1)
        let check = try #require(stream.audit.report().check(named: AuditReport.CheckName.stockNotOversold))
        #expect(check.examples.map(\.reason) == ["inventory reports 50 available, the stream adds up to 46"])
    }

    @Test func catchesDuplicateAndUnbalancedPostings_insideTheWindow() throws {
        var stream = TestStream(logStart: 500)
        let order = try OrderID("O-1")
        stream.payment(TestStream.posting("cmd-a#0", order: order, amount: 1_000), at: 0)
        stream.payment(TestStream.posting("cmd-a#0", order: order, amount: 1_000), at: 1)
        stream.payment(TestStream.posting("cmd-x#0", order: order, amount: 1_000, imbalance: 1), at: 2)
        let report = stream.audit.report()
        #expect(failures(report) == [AuditReport.CheckName.noDuplicates, AuditReport.CheckName.ledgerBalanced])
        #expect(report.check(named: AuditReport.CheckName.noDuplicates)?.examples.map(\.reason) == ["ledger posting written twice"])
        let ledger = try #require(report.check(named: AuditReport.CheckName.ledgerBalanced))
        #expect(ledger.examples.map(\.subject) == ["cmd-x#0"]) // the posting; the whole ledger is not asserted
    }

    @Test func catchesAReservationFromBeforeTheWindow_releasedTwice() throws {
        var stream = TestStream(logStart: 500)
        let order = try OrderID("O-OLD")
        stream.inventory(TestStream.released("R-OLD", order: order, quantity: 2, available: 10), at: 0)
        stream.inventory(TestStream.released("R-OLD", order: order, quantity: 2, available: 12, command: "again"), at: 1)
        let check = try #require(stream.audit.report().check(named: AuditReport.CheckName.noDuplicates))
        #expect(check.examples.map(\.reason) == ["released after it was already released"])
    }

    @Test func missingPayment_isExcusedOnlyForOrdersPlacedBeforeThePaymentWindow() throws {
        var stream = TestStream(logStart: 500)
        let early = try OrderID("O-EARLY"), late = try OrderID("O-LATE")
        for (order, at) in [(early, 10.0), (late, 60.0)] {
            stream.order(TestStream.placed(order, at: at), at: at)
            stream.order(TestStream.stockReservedForOrder(order, amount: 30_000, at: at + 1), at: at + 1)
            stream.order(TestStream.confirmed(order, amount: 30_000, at: at + 2), at: at + 2)
            if order == early { stream.payment(TestStream.creditReserved(try OrderID("O-OTHER"), amount: 1), at: 50) }
        }
        let check = try #require(stream.audit.report().check(named: AuditReport.CheckName.confirmedOrdersPaid))
        #expect(check.examples.map(\.subject) == ["O-LATE"])
        #expect(check.counts["payments-before-window"] == 1)
    }
}

@Suite struct CompleteWindowTests {
    @Test func releaseNeverReserved_andEventOfAnOrderNeverPlaced_areAccused_fromOffsetZero() throws {
        var stream = TestStream(logStart: 0)
        let order = try OrderID("O-1")
        stream.inventory(TestStream.released("R-1", order: order, quantity: 2, available: 10), at: 0)
        stream.order(TestStream.rejected(order, at: 0), at: 0)
        let report = stream.audit.report()
        #expect(report.retainedFrom.isEmpty)
        #expect(report.check(named: AuditReport.CheckName.noDuplicates)?.examples.map(\.reason) == ["released but never reserved"])
        #expect(report.check(named: AuditReport.CheckName.ordersSettled)?.examples.first?.reason.contains("never placed") == true)
    }

    @Test func firstRecordAboveOffsetZero_marksThePartitionPartial_withoutBeingTold() throws {
        var audit = AuditInput()
        let order = try OrderID("O-9")
        let envelope = Envelope(id: TestStream.id("raw"), occurredAt: TestStream.time(0), causationId: nil,
                                correlationId: CorrelationID(TestStream.id("raw")), tenant: "tradeflow",
                                key: TestStream.buyer.rawValue, payload: TestStream.rejected(order, at: 0))
        audit.observeRecord(topic: "order.events.v1", partition: 3, offset: 7, value: try WireFormat.encode(envelope))
        let report = audit.report()
        #expect(report.passed, "\(report.text)")
        #expect(report.retainedFrom == [RecordPosition(topic: "order.events.v1", partition: 3, offset: 7)])
    }
}

private func failures(_ report: AuditReport) -> [String] { report.checks.filter { !$0.passed }.map(\.name) }
