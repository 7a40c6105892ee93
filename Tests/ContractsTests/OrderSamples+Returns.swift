import Foundation
@testable import Contracts

/// The return (RMA) messages of the sample order: 105 of the 120 tea units come back (allocated
/// 100 from WH-HZ-01 and 20 from WH-SH-01, so they go back 100 + 5), approved by the tea supplier
/// and refunded as a credit note (the order was on credit).
extension OrderSamples {
    static let returnId = "rma-7f3a-0001"
    static let supplierUser: UserID = id("u-hz-tea-qa")
    static let returnLine = OrderReturnLine(
        line: "O-20261122-0001-L1", sku: teaLine.sku, quantity: 105, reason: "受潮 tea arrived damp, boxes 3-9",
        unitPrice: cny(118_00), amount: cny(12_390_00))
    static let returnRestock = [
        ReturnRestock(line: "O-20261122-0001-L1", sku: teaLine.sku, warehouse: id("WH-HZ-01"), quantity: 100),
        ReturnRestock(line: "O-20261122-0001-L1", sku: teaLine.sku, warehouse: id("WH-SH-01"), quantity: 5),
    ]
    static let returnRefund = "O-20261122-0001-R-return-rma-7f3a-0001"

    static let returnCommands: [(String, Envelope<OrderCommand>)] = [
        ("order.request-return.v1.json", command("cmd-ord-0012", .requestReturn(RequestReturn(
            order: order, buyer: buyer, returnId: returnId,
            lines: [ReturnLine(sku: teaLine.sku, quantity: 105, reason: "受潮 tea arrived damp, boxes 3-9")],
            requestedBy: purchaser, replyTo: replyTo)), at: "2026-11-27T10:00:00.000Z")),
        ("order.decide-return.v1.json", command("cmd-ord-0013", .decideReturn(DecideReturn(
            order: order, buyer: buyer, returnId: returnId, decision: .approve, by: teaSupplier,
            decidedBy: supplierUser, comment: "photos checked", replyTo: replyTo)), at: "2026-11-28T09:00:00.000Z")),
        ("order.decide-return.v1.reject-without-reply.json", command("cmd-ord-0014", .decideReturn(DecideReturn(
            order: order, buyer: buyer, returnId: "rma-7f3a-0002", decision: .reject, by: teaSupplier,
            decidedBy: supplierUser, comment: "seals broken after delivery; not a transport damage")),
            at: "2026-11-28T09:05:00.000Z")),
        paymentResult("refunded.return", .refunded(refund: returnRefund, amount: cny(12_390_00))),
    ]

    static let returnEvents: [(String, Envelope<OrderEvent>)] = [
        ("order.return-requested.v1.json", event("evt-ord-0030", .returnRequested(OrderReturnRequested(
            commandId: id("cmd-ord-0012"), order: order, buyer: buyer, at: date("2026-11-27T10:00:00.010Z"),
            returnId: returnId, supplier: teaSupplier, requestedBy: purchaser, lines: [returnLine],
            amount: cny(12_390_00))), causation: "cmd-ord-0012", at: "2026-11-27T10:00:00.010Z")),
        ("order.return-approved.v1.json", event("evt-ord-0031", .returnApproved(OrderReturnApproved(
            commandId: id("cmd-ord-0013"), order: order, buyer: buyer, at: date("2026-11-28T09:00:00.010Z"),
            returnId: returnId, supplier: teaSupplier, decidedBy: supplierUser, comment: "photos checked",
            restock: returnRestock, refund: returnRefund, amount: cny(12_390_00), settlement: .creditNote)),
            causation: "cmd-ord-0013", at: "2026-11-28T09:00:00.010Z")),
        ("order.return-approved.v1.without-optionals.json", event("evt-ord-0032", .returnApproved(OrderReturnApproved(
            commandId: id("cmd-ord-0015"), order: order, buyer: buyer, at: date("2026-11-28T09:10:00.010Z"),
            returnId: "rma-free-samples", supplier: teaSupplier, decidedBy: supplierUser, comment: nil,
            restock: [ReturnRestock(line: "O-20261122-0001-L1", sku: teaLine.sku, warehouse: id("WH-SH-01"), quantity: 2)],
            refund: nil, amount: cny(0), settlement: .creditNote)),
            causation: "cmd-ord-0015", at: "2026-11-28T09:10:00.010Z")),
        ("order.return-rejected.v1.json", event("evt-ord-0033", .returnRejected(OrderReturnRejected(
            commandId: id("cmd-ord-0014"), order: order, buyer: buyer, at: date("2026-11-28T09:05:00.010Z"),
            returnId: "rma-7f3a-0002", supplier: teaSupplier, decidedBy: supplierUser,
            comment: "seals broken after delivery; not a transport damage")),
            causation: "cmd-ord-0014", at: "2026-11-28T09:05:00.010Z")),
        ("order.return-refunded.v1.json", event("evt-ord-0034", .returnRefunded(OrderReturnRefunded(
            commandId: id("pay-reply-refunded.return"), order: order, buyer: buyer, at: date("2026-11-28T09:00:01.000Z"),
            returnId: returnId, refund: returnRefund, amount: cny(12_390_00))),
            causation: "pay-reply-refunded.return", at: "2026-11-28T09:00:01.000Z")),
        ("order.return-refund-failed.v1.json", event("evt-ord-0035", .returnRefundFailed(OrderReturnRefundFailed(
            commandId: id("pay-reply-0009"), order: order, buyer: buyer, at: date("2026-11-28T09:00:01.000Z"),
            returnId: returnId, refund: returnRefund, code: RejectionCode(rawValue: "refund-exceeds-captured"),
            reason: "refund of 12390.00 CNY exceeds the 546.00 CNY still refundable on order O-20261122-0001")),
            causation: "pay-reply-0009", at: "2026-11-28T09:00:01.000Z")),
    ]

    /// The sample order completed, with its tea return approved and refunded as a credit note.
    static let summaryWithReturn = OrderSummary(
        order: order, buyer: buyer, status: .completed, statusReason: nil, placedBy: purchaser,
        placedAt: date(placedAt), updatedAt: date("2026-11-28T09:00:01.000Z"), idempotencyKey: "checkout-7f3a-0042",
        poNumber: "PO-2026-0815", note: nil, deliveryAddress: address,
        payment: OrderSummary.Payment(method: .credit, status: .captured, reference: nil, amount: total),
        lines: summary.lines, subOrders: summary.subOrders, totals: summary.totals, approval: summary.approval,
        deadline: nil,
        history: [
            OrderSummary.HistoryEntry(at: date("2026-11-28T09:00:01.000Z"), status: .completed,
                                      reason: "return rma-7f3a-0001 refunded: 12390.00 CNY (refund O-20261122-0001-R-return-rma-7f3a-0001)"),
        ],
        returns: [OrderSummary.ReturnView(
            returnId: returnId, status: .refunded, supplier: teaSupplier, lines: [returnLine], requestedBy: purchaser,
            requestedAt: date("2026-11-27T10:00:00.010Z"), decidedBy: supplierUser,
            decidedAt: date("2026-11-28T09:00:00.010Z"), comment: "photos checked", amount: cny(12_390_00),
            refund: returnRefund, settlement: .creditNote, refundedAt: date("2026-11-28T09:00:01.000Z"),
            failure: nil, restock: returnRestock)])

    static let returnReplies: [(String, Envelope<OrderReply>)] = [
        ("order.command-reply.v1.returns.json", reply("rep-ord-0005", .order(summaryWithReturn), command: "cmd-ord-0013")),
    ]
}
