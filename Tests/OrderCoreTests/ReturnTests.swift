import Contracts
import Foundation
import Testing
@testable import OrderCore

/// Returns (RMA): request → approve (stock back, refund) → refunded, and every way to get it wrong.
@Suite struct ReturnTests {
    @Test func completedOrder_precondition() {
        let saga = Saga.completedOrder()
        #expect(saga.status("O-1") == .completed)
        #expect(saga.summary("O-1")?.payment.status == .captured)
        #expect(saga.summary("O-1")?.returns == [])
    }

    @Test func happyPath_requestApproveRefund() throws {
        var saga = Saga.completedOrder()
        let requested = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 7, reason: "3 boxes crushed")]))
        #expect(requested.eventTypes == ["order.return-requested"])
        #expect(requested.outbox.isEmpty)
        let asked = try #require(requested.replySummary?.returns.first)
        #expect(asked.status == .requested)
        #expect(asked.supplier == T.supplierA)
        #expect(asked.lines == [OrderReturnLine(line: "O-1-L1", sku: T.id("A"), quantity: 7, reason: "3 boxes crushed",
                                                unitPrice: T.cny(100_00), amount: T.cny(700_00))])
        #expect(asked.amount == T.cny(700_00))
        #expect(asked.refund == nil && asked.settlement == nil)

        saga.advance(T.hour)
        let approved = saga.send(T.approveReturn("O-1", "R-1", comment: "photos checked"))
        #expect(approved.eventTypes == ["order.return-approved"])
        // 7 units back where they came from: all 6 of WH-SH-01, then 1 of WH-BJ-02.
        #expect(approved.receipts == [
            ReceiveStock(sku: T.id("A"), warehouse: T.warehouse, quantity: 6, reference: "RMA O-1/R-1"),
            ReceiveStock(sku: T.id("A"), warehouse: T.warehouseNorth, quantity: 1, reference: "RMA O-1/R-1"),
        ])
        #expect(approved.refunds == [RefundPaymentRequest(
            refund: "O-1-R-return-R-1", order: T.id("O-1"), payer: T.buyer, amount: T.cny(700_00),
            reason: "return R-1 of order O-1 approved by SUP-TEA: 7 unit(s) of 1 line(s)", replyKey: "BUYER-ACME",
            lines: [SettlementLine(subOrder: "O-1-S-SUP-TEA", supplier: T.supplierA, distributor: nil,
                                   category: ["Beverages", "Tea"], amount: T.cny(700_00))])])
        #expect(approved.outboxTypes == ["inventory.receive-stock", "inventory.receive-stock", "payment.refund"])
        #expect(approved.output.outbox.map(\.key) == ["A", "A", "BUYER-ACME"])
        // Put-backs are named by the return, not by the command that approved it.
        #expect(approved.output.outbox[0].id == .derived(from: "RMA O-1/R-1", "inventory.receive-stock", "A", "WH-SH-01"))
        let approvedView = try #require(approved.replySummary?.returns.first)
        #expect(approvedView.status == .approved)
        #expect(approvedView.decidedBy == T.supplierUser && approvedView.comment == "photos checked")
        #expect(approvedView.refund == "O-1-R-return-R-1" && approvedView.settlement == .creditNote)

        let refunded = saga.send(T.payment("O-1", .refunded(refund: "O-1-R-return-R-1", amount: T.cny(700_00))))
        #expect(refunded.eventTypes == ["order.return-refunded"])
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.returns.map(\.status) == [.refunded])
        #expect(summary.returns.first?.refundedAt == saga.now)
        #expect(summary.status == .completed)
        #expect(summary.payment.status == .captured)
        #expect(summary.history.suffix(3).map(\.reason) == [
            "return R-1 requested by u-purchaser: 7 unit(s) of 1 line(s), 700.00 CNY; SUP-TEA decides",
            "return R-1 approved by SUP-TEA (u-tea-qa); stock put back, credit note O-1-R-return-R-1 of 700.00 CNY requested",
            "return R-1 refunded: 700.00 CNY (refund O-1-R-return-R-1)",
        ])
        // Payment answering again (a repeated refund id) changes nothing.
        #expect(saga.send(T.payment("O-1", .refunded(refund: "O-1-R-return-R-1", amount: T.cny(700_00)))).isDuplicate)
    }

    @Test func laterReturns_goBackToTheWarehousesNotYetRefilled() {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 7)]))
        saga.send(T.approveReturn("O-1", "R-1"))
        saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("A", 3)]))
        let second = saga.send(T.approveReturn("O-1", "R-2"))
        #expect(second.receipts == [ReceiveStock(sku: T.id("A"), warehouse: T.warehouseNorth, quantity: 3, reference: "RMA O-1/R-2")])
    }

    @Test func prepaidOrder_isRefunded_notCreditNoted() {
        var saga = Saga.completedOrder(method: .prepayment)
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("B", 2)]))
        let approved = saga.send(T.approveReturn("O-1", "R-1", by: T.supplierB))
        #expect(approved.replySummary?.returns.first?.settlement == .refund)
        #expect(approved.refunds.map(\.amount) == [T.cny(200_00)])
    }

    @Test func returnOfFreeGoods_putsStockBack_withNothingToRefund() {
        var saga = Saga.completedOrder(priceB: 0)
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("B", 2)]))
        let approved = saga.send(T.approveReturn("O-1", "R-1", by: T.supplierB))
        #expect(approved.outboxTypes == ["inventory.receive-stock"])
        #expect(approved.replySummary?.returns.first?.status == .refunded)
        #expect(approved.replySummary?.returns.first?.refund == nil)
    }

    // MARK: - Rejection by the supplier

    @Test func supplierRejectsWithComment_andTheUnitsCanBeAskedForAgain() throws {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 10)]))
        let noComment = saga.send(T.rejectReturn("O-1", "R-1", comment: nil))
        #expect(noComment.rejection?.code == .invalidField && noComment.rejection?.field == "comment")
        let blank = saga.send(T.rejectReturn("O-1", "R-1", comment: "  "))
        #expect(blank.rejection?.field == "comment")

        let rejected = saga.send(T.rejectReturn("O-1", "R-1", comment: "seals broken after delivery"))
        #expect(rejected.eventTypes == ["order.return-rejected"])
        #expect(rejected.outbox.isEmpty)
        let view = try #require(rejected.replySummary?.returns.first)
        #expect(view.status == .rejected && view.comment == "seals broken after delivery")
        #expect(view.decidedBy == T.supplierUser)
        // A rejected return claims no units.
        #expect(saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("A", 10)])).eventTypes == ["order.return-requested"])
    }

    // MARK: - Refusals

    @Test func returnOfAnOrderNotCompleted_isRefused() {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        let refused = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("TEA-1", 1)]))
        #expect(refused.rejection?.code == .invalidOrderState)
        #expect(refused.rejection?.message == "order O-1 is confirmed; only a completed order (every sub-order delivered) can be returned")
        #expect(refused.eventTypes == ["order.command-rejected"])
        saga.send(T.cancel("O-1"))
        #expect(saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("TEA-1", 1)])).rejection?.message
            == "order O-1 was cancelled; nothing of it was delivered to return")
    }

    @Test func returnAfterTheWindow_isRefused() {
        var saga = Saga.completedOrder(policy: OrderPolicy(returnWindow: 2 * 24 * T.hour))
        saga.advance(24 * T.hour)  // exactly at the end of the window: still open
        #expect(saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1)])).eventTypes == ["order.return-requested"])
        saga.advance(1)
        let late = saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("A", 1)]))
        #expect(late.rejection?.code == .returnWindowClosed)
        #expect(late.rejection?.message == "the return window of order O-1 closed at 2026-11-24T04:00:00.000Z, 2 day(s) after it was completed")
    }

    @Test func defaultWindow_isThirtyDays() {
        #expect(OrderPolicy().returnWindow == 30 * 24 * 3_600)
        var saga = Saga.completedOrder()
        saga.advance(30 * 24 * T.hour)
        #expect(saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1)])).rejection?.code == .returnWindowClosed)
    }

    @Test func overQuantityAcrossTwoRequests_isRefused() {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 6)]))
        let over = saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("A", 5)]))
        #expect(over.rejection?.code == .invalidField)
        #expect(over.rejection?.field == "lines[0].quantity")
        #expect(over.rejection?.message == "SKU A: 10 delivered, 6 already in return(s) R-1; at most 4 can be returned, got 5")
        // Approved returns still count; 4 more fit exactly.
        saga.send(T.approveReturn("O-1", "R-1"))
        #expect(saga.send(T.requestReturn("O-1", "R-3", [T.returnLine("A", 4)])).eventTypes == ["order.return-requested"])
        #expect(saga.send(T.requestReturn("O-1", "R-4", [T.returnLine("A", 1)])).rejection?.message
            == "SKU A: 10 delivered, 10 already in return(s) R-1, R-3; at most 0 can be returned, got 1")
    }

    @Test func moreThanDelivered_zero_orNegativeQuantity_isRefused() {
        var saga = Saga.completedOrder()
        #expect(saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 11)])).rejection?.message
            == "SKU A: 10 delivered; at most 10 can be returned, got 11")
        #expect(saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 0)])).rejection?.message == "quantity must be positive, got 0")
        #expect(saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", -2)])).rejection?.field == "lines[0].quantity")
    }

    @Test func unknownSKU_isRefused_namingTheLine() {
        var saga = Saga.completedOrder()
        let refused = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1), T.returnLine("ZZZ", 1)]))
        #expect(refused.rejection?.code == .orderNotFound)
        #expect(refused.rejection?.field == "lines[1].sku")
        #expect(refused.rejection?.message == "order O-1 has no line with SKU ZZZ")
    }

    @Test func emptyOrOverlongReason_isRefused() {
        var saga = Saga.completedOrder()
        let empty = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1, reason: " \n")]))
        #expect(empty.rejection?.field == "lines[0].reason")
        #expect(empty.rejection?.message == "lines[0].reason must not be blank")
        let long = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1, reason: String(repeating: "x", count: 501))]))
        #expect(long.rejection?.message == "lines[0].reason must be at most 500 characters, got 501")
    }

    @Test func linesOfSeveralSuppliers_areRefused_oneReturnPerSupplier() {
        var saga = Saga.completedOrder()
        let mixed = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1), T.returnLine("B", 1)]))
        #expect(mixed.rejection?.code == .invalidField)
        #expect(mixed.rejection?.field == "lines[1].sku")
        #expect(mixed.rejection?.message == "SKU B is supplied by SUP-CUPS, the return's first line by SUP-TEA; ask for one return per supplier")
        #expect(saga.summary("O-1")?.returns == [])
    }

    @Test func malformedRequests_areRefused() {
        var saga = Saga.completedOrder(policy: OrderPolicy(maximumReturnsPerOrder: 1))
        #expect(saga.send(T.requestReturn("O-1", "R-1", [])).rejection?.field == "lines")
        #expect(saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1), T.returnLine("A", 1)])).rejection?.message
            == "SKU A is already on line 1 of the return; return each SKU on one line")
        #expect(saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1), T.returnLine("A", 1), T.returnLine("B", 1)]))
            .rejection?.code == .limitExceeded)
        #expect(saga.send(T.requestReturn("O-1", "", [T.returnLine("A", 1)])).rejection?.field == "returnId")
        #expect(saga.send(T.requestReturn("O-1", "R 1/x", [T.returnLine("A", 1)])).rejection?.field == "returnId")
        #expect(saga.send(T.requestReturn("O-1", String(repeating: "r", count: 49), [T.returnLine("A", 1)])).rejection?.field == "returnId")
        #expect(saga.send(T.requestReturn("O-9", "R-1", [T.returnLine("A", 1)])).rejection?.code == .orderNotFound)
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 1)]))
        let tooMany = saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("A", 1)]))
        #expect(tooMany.rejection?.code == .limitExceeded)
        #expect(tooMany.rejection?.message == "order O-1 already has 1 returns; at most 1")
    }

    @Test func onlyTheReturnsSupplier_mayDecideIt() {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 2)]))
        let wrong = saga.send(T.approveReturn("O-1", "R-1", by: T.supplierB))
        #expect(wrong.rejection?.code == .forbidden)
        #expect(wrong.rejection?.field == "by")
        #expect(wrong.rejection?.message == "return R-1 of order O-1 is for supplier SUP-TEA; SUP-CUPS cannot decide it")
        #expect(wrong.outbox.isEmpty)
        #expect(saga.send(T.rejectReturn("O-1", "R-1", by: T.supplierB, comment: "no")).rejection?.code == .forbidden)
        #expect(saga.send(T.approveReturn("O-1", "R-9")).rejection?.field == "returnId")
    }

    @Test func decidingTwice_theOtherWay_isRefused_theSameWay_answersTheSame() {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 2)]))
        saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("A", 2)]))
        let approved = saga.send(T.approveReturn("O-1", "R-1"))
        let reject = saga.send(T.rejectReturn("O-1", "R-1", comment: "changed my mind"))
        #expect(reject.rejection?.code == .invalidOrderState)
        #expect(reject.rejection?.message == "return R-1 of order O-1 was already approved by u-tea-qa at 2026-11-23T04:00:00.000Z; it cannot be rejected any more")
        let again = saga.send(T.approveReturn("O-1", "R-1"))
        #expect(again.isDuplicate && again.outbox.isEmpty)
        #expect(again.replySummary == saga.summary("O-1"))
        #expect(approved.refunds.count == 1)

        saga.send(T.rejectReturn("O-1", "R-2", comment: "no damage on the photos"))
        #expect(saga.send(T.approveReturn("O-1", "R-2")).rejection?.message
            == "return R-2 of order O-1 was already rejected by u-tea-qa at 2026-11-23T04:00:00.000Z; it cannot be approved any more")
        #expect(saga.send(T.rejectReturn("O-1", "R-2", comment: "still no")).isDuplicate)
    }

    // MARK: - Idempotency

    @Test func sameCommandId_orSameReturnId_answersTheSame() throws {
        var saga = Saga.completedOrder()
        let first = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 2)]), id: "cmd-rma")
        let replay = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 2)]), id: "cmd-rma")
        #expect(replay.isDuplicate && replay.events.isEmpty)
        #expect(replay.output.reply?.id == first.output.reply?.id)
        // A client retry under the same return id (same Idempotency-Key), new command id.
        let retry = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 2)]))
        #expect(retry.isDuplicate && retry.events.isEmpty)
        #expect(retry.replySummary?.returns.count == 1)
        let conflict = saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 3)]))
        #expect(conflict.rejection?.code == .returnExists)
        #expect(conflict.rejection?.field == "returnId")

        let approve = saga.send(T.approveReturn("O-1", "R-1"), id: "cmd-approve")
        let approveReplay = saga.send(T.approveReturn("O-1", "R-1"), id: "cmd-approve")
        #expect(approveReplay.isDuplicate && approveReplay.outbox.isEmpty)
        #expect(approve.outbox.count == 2)
    }

    @Test func rebuildingFromTheLog_givesTheSameState_andReplayedEventsChangeNothing() {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 7)]))
        saga.send(T.approveReturn("O-1", "R-1"))
        saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("B", 1)]))
        saga.send(T.rejectReturn("O-1", "R-2", by: T.supplierB, comment: "no"))
        saga.send(T.payment("O-1", .rejected(code: RejectionCode(rawValue: "not-captured"), reason: "x")))
        saga.send(T.payment("O-1", .refunded(refund: "O-1-R-return-R-1", amount: T.cny(700_00))))
        let rebuilt = OrderState().applying(saga.log)
        #expect(rebuilt == saga.state)
        #expect(rebuilt.applying(saga.log) == saga.state)
    }

    // MARK: - Refund answers

    @Test func refundRejected_marksTheReturnRefundFailed_withTheReason() throws {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 2)]))
        saga.send(T.approveReturn("O-1", "R-1"))
        let failed = saga.send(T.payment("O-1", .rejected(code: RejectionCode(rawValue: "refund-exceeds-captured"),
                                                          reason: "refund of 200.00 CNY exceeds the 0.00 CNY still refundable")))
        #expect(failed.eventTypes == ["order.return-refund-failed"])
        let view = try #require(saga.summary("O-1")?.returns.first)
        #expect(view.status == .refundFailed)
        #expect(view.failure == "refund of 200.00 CNY exceeds the 0.00 CNY still refundable (refund-exceeds-captured)")
        // Nothing else waits for a refund: another rejection is refused as before.
        #expect(saga.send(T.payment("O-1", .rejected(code: RejectionCode(rawValue: "x"), reason: "y"))).rejection?.code == .invalidOrderState)
        // The units stay claimed (they are back in stock).
        #expect(saga.send(T.requestReturn("O-1", "R-2", [T.returnLine("A", 9)])).rejection?.field == "lines[0].quantity")
        // A late `refunded` for the refund still settles it.
        saga.send(T.payment("O-1", .refunded(refund: "O-1-R-return-R-1", amount: T.cny(200_00))))
        #expect(saga.summary("O-1")?.returns.first?.status == .refunded)
        #expect(saga.summary("O-1")?.returns.first?.failure == nil)
    }

    @Test func refundAnswers_matchTheRefundsInTheOrderTheyWereAsked() {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-A", [T.returnLine("A", 1)]))
        saga.send(T.requestReturn("O-1", "R-B", [T.returnLine("B", 1)]))
        saga.send(T.approveReturn("O-1", "R-A"))
        saga.send(T.approveReturn("O-1", "R-B", by: T.supplierB))
        saga.send(T.payment("O-1", .rejected(code: RejectionCode(rawValue: "ledger-closed"), reason: "period closed")))
        saga.send(T.payment("O-1", .refunded(refund: "O-1-R-return-R-B", amount: T.cny(100_00))))
        #expect(saga.summary("O-1")?.returns.map(\.status) == [.refundFailed, .refunded])
    }

    @Test func refundOfTheWrongAmount_isRefused() {
        var saga = Saga.completedOrder()
        saga.send(T.requestReturn("O-1", "R-1", [T.returnLine("A", 2)]))
        saga.send(T.approveReturn("O-1", "R-1"))
        let wrong = saga.send(T.payment("O-1", .refunded(refund: "O-1-R-return-R-1", amount: T.cny(1_00))))
        #expect(wrong.rejection?.field == "outcome.amount")
        #expect(saga.summary("O-1")?.returns.first?.status == .approved)
    }

    @Test func returnMessages_areHandledByTheOrderService() {
        #expect(OrderSubscriptions.handledMessageTypes.isSuperset(of: ["order.request-return", "order.decide-return"]))
    }
}
