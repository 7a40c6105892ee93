import Contracts
import Foundation
import Testing
@testable import PlatformAudit

/// A clean stream: 10 units received, two orders of 3 confirmed, completed, captured and posted,
/// one order rejected before anything was reserved.
private func cleanStream() -> TestStream {
    var stream = TestStream()
    stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0)
    stream.happyOrder("O-1", onHandBefore: 10, at: 10)
    stream.happyOrder("O-2", onHandBefore: 7, at: 20)
    let rejected = try! OrderID("O-3")
    stream.order(TestStream.placed(rejected, quantity: 50, at: 30), at: 30)
    stream.order(TestStream.rejected(rejected, at: 31), at: 31)
    return stream
}

private func failures(_ report: AuditReport) -> [String] { report.checks.filter { !$0.passed }.map(\.name) }

@Suite struct CleanStreamTests {
    @Test func passesEveryCheck_whenTheStreamIsClean() throws {
        let report = cleanStream().audit.report(settleAfter: .seconds(30))
        #expect(report.passed, "\(report.text)")
        #expect(report.checks.count == 7)
        #expect(report.check(named: AuditReport.CheckName.ordersSettled)?.counts["settled"] == 3)
        #expect(report.check(named: AuditReport.CheckName.stockNotOversold)?.counts["sold"] == 6)
        #expect(report.check(named: AuditReport.CheckName.confirmedOrdersPaid)?.counts["completed"] == 2)
        #expect(report.check(named: AuditReport.CheckName.ledgerBalanced)?.counts["postings"] == 2)
        #expect(report.records == ["order": 10, "inventory": 5, "payment": 6])
    }

    @Test func textHasOneMarkedLinePerCheck() {
        let text = cleanStream().audit.report().text
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("✔ ") }.count == 7)
        #expect(text.contains("PASSED"))
    }

    @Test func jsonRoundTrips() throws {
        var stream = cleanStream()
        stream.audit.recordUndecodable(at: RecordPosition(topic: "order.events.v1", partition: 1, offset: 7), reason: "empty message")
        let report = stream.audit.report()
        let bytes = try report.json()
        let decoded = try WireFormat.makeDecoder().decode(AuditReport.self, from: Data(bytes))
        #expect(decoded == report)
        #expect(!decoded.passed)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"events-decoded\""))
    }

    @Test func rawRecords_giveTheSameReportAsDecodedEnvelopes() throws {
        var audit = AuditInput()
        let order = try OrderID("O-9")
        let envelope = Envelope(id: TestStream.id("raw"), occurredAt: TestStream.time(0), causationId: nil,
                                correlationId: CorrelationID(TestStream.id("raw")), tenant: "tradeflow",
                                key: TestStream.buyer.rawValue, payload: TestStream.placed(order, at: 0))
        audit.observeRecord(topic: "order.events.v1", partition: 3, offset: 0, value: try WireFormat.encode(envelope))
        audit.observeRecord(topic: "notification.events.v1", partition: 0, offset: 0, value: [1, 2])
        let report = audit.report(settleAfter: .seconds(60))
        #expect(report.passed, "\(report.text)")
        #expect(report.records == ["order": 1])
        #expect(report.ignoredRecords == 1)
        #expect(report.check(named: AuditReport.CheckName.ordersSettled)?.counts["in-flight"] == 1)
    }
}

@Suite struct ViolationTests {
    @Test func reportsOrderStuckPastGrace_andInFlightWithinGrace() throws {
        var stream = cleanStream()
        stream.order(TestStream.placed(try OrderID("O-OLD"), at: 40), at: 40)
        stream.order(TestStream.placed(try OrderID("O-NEW"), at: 100), at: 100)
        let report = stream.audit.report(settleAfter: .seconds(30))
        let check = try #require(report.check(named: AuditReport.CheckName.ordersSettled))
        #expect(!check.passed)
        #expect(check.counts["stuck"] == 1)
        #expect(check.counts["in-flight"] == 1)
        #expect(check.examples.map(\.subject) == ["O-OLD"])
        #expect(failures(report) == [AuditReport.CheckName.ordersSettled])
        #expect(stream.audit.report(settleAfter: .seconds(120)).passed)
    }

    @Test func catchesOversoldSKU() throws {
        var stream = cleanStream()
        let order = try OrderID("O-4")
        stream.order(TestStream.placed(order, quantity: 5, at: 40), at: 40)
        stream.inventory(TestStream.reserved(order.lineId(1), order: order, quantity: 5, available: -1), at: 41)
        let report = stream.audit.report(settleAfter: .seconds(300))
        let check = try #require(report.check(named: AuditReport.CheckName.stockNotOversold))
        #expect(!check.passed)
        #expect(check.examples.first?.subject == "SKU-1@WH-1")
        #expect(check.examples.first?.reason.contains("oversold") == true)
        #expect(failures(report) == [AuditReport.CheckName.stockNotOversold])
    }

    @Test func catchesOrderPlacedTwice() throws {
        var stream = cleanStream()
        stream.order(TestStream.placed(try OrderID("O-1"), at: 40, command: "place-again"), at: 40)
        let report = stream.audit.report()
        let check = try #require(report.check(named: AuditReport.CheckName.noDuplicates))
        #expect(check.counts["duplicate-placements"] == 1)
        #expect(check.examples.first?.reason.contains("placed twice") == true)
        #expect(failures(report) == [AuditReport.CheckName.noDuplicates])
    }

    @Test func catchesOneIdempotencyKeyPlacingTwoOrders() throws {
        var stream = TestStream()
        stream.order(TestStream.placed(try OrderID("O-A"), at: 0, idempotencyKey: "k-1"), at: 0)
        stream.order(TestStream.placed(try OrderID("O-B"), at: 1, idempotencyKey: "k-1"), at: 1)
        let check = try #require(stream.audit.report(settleAfter: .seconds(60)).check(named: AuditReport.CheckName.noDuplicates))
        #expect(check.counts["duplicate-idempotency-keys"] == 1)
        #expect(check.examples.first?.subject == "O-B")
    }

    @Test func catchesPostingWrittenTwice() throws {
        var stream = cleanStream()
        let order = try OrderID("O-1")
        stream.payment(TestStream.posting("\(TestStream.id("capture-O-1"))#0", order: order, amount: 30_000), at: 40)
        let report = stream.audit.report()
        #expect(failures(report) == [AuditReport.CheckName.noDuplicates])
        #expect(report.check(named: AuditReport.CheckName.noDuplicates)?.examples.first?.reason == "ledger posting written twice")
    }

    @Test func catchesUnbalancedPosting_andUnbalancedLedger() throws {
        var stream = cleanStream()
        stream.payment(TestStream.posting("cmd-x#0", order: try OrderID("O-1"), amount: 1_000, imbalance: 1), at: 40)
        let check = try #require(stream.audit.report().check(named: AuditReport.CheckName.ledgerBalanced))
        #expect(check.violations == 2)
        #expect(check.examples.map(\.subject) == ["cmd-x#0", "CNY"])
    }

    @Test func catchesConfirmedOrderWithoutPayment() throws {
        var stream = cleanStream()
        let order = try OrderID("O-5")
        stream.order(TestStream.placed(order, quantity: 1, at: 40), at: 40)
        stream.inventory(TestStream.reserved(order.lineId(1), order: order, quantity: 1, available: 3), at: 41)
        stream.order(TestStream.stockReservedForOrder(order, amount: 10_000, at: 41), at: 41)
        stream.order(TestStream.confirmed(order, amount: 10_000, at: 42), at: 42)
        let report = stream.audit.report()
        let check = try #require(report.check(named: AuditReport.CheckName.confirmedOrdersPaid))
        #expect(check.examples.map(\.subject) == ["O-5"])
        #expect(check.examples.first?.reason.contains("never reserved credit") == true)
        #expect(failures(report) == [AuditReport.CheckName.confirmedOrdersPaid])
    }

    @Test func catchesCompletedOrderNeverCaptured_onlyPastGrace() throws {
        var stream = TestStream()
        stream.inventory(TestStream.received(10, onHand: 10, command: "receive-1"), at: 0)
        let order = try OrderID("O-6")
        stream.order(TestStream.placed(order, at: 1), at: 1)
        stream.inventory(TestStream.reserved(order.lineId(1), order: order, quantity: 3, available: 7), at: 2)
        stream.order(TestStream.stockReservedForOrder(order, amount: 30_000, at: 2), at: 2)
        stream.payment(TestStream.creditReserved(order, amount: 30_000), at: 3)
        stream.order(TestStream.confirmed(order, amount: 30_000, at: 3), at: 3)
        stream.order(TestStream.completed(order, amount: 30_000, at: 4), at: 4)
        #expect(stream.audit.report(settleAfter: .seconds(30)).passed)
        stream.order(TestStream.placed(try OrderID("O-LATER"), at: 100), at: 100)
        let check = try #require(stream.audit.report(settleAfter: .seconds(30)).check(named: AuditReport.CheckName.confirmedOrdersPaid))
        #expect(check.examples.first?.reason.contains("never captured") == true)
    }

    @Test func countsUndecodableRecords_withoutThrowing() throws {
        var audit = AuditInput()
        audit.observeRecord(topic: "inventory.events.v1", partition: 2, offset: 41, value: Array("not json".utf8))
        audit.observeRecord(topic: "payment.events.v1", partition: 0, offset: 5, value: [])
        let report = audit.report()
        let check = try #require(report.check(named: AuditReport.CheckName.eventsDecoded))
        #expect(check.violations == 2)
        #expect(check.examples.first?.position == RecordPosition(topic: "inventory.events.v1", partition: 2, offset: 41))
        #expect(check.examples.first?.reason.hasPrefix("not JSON") == true)
        #expect(check.examples.last?.reason == "empty message")
        #expect(failures(report) == [AuditReport.CheckName.eventsDecoded])
    }
}
