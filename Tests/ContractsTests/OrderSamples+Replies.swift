import Foundation
@testable import Contracts

extension OrderSamples {
    /// The read model of the sample order, confirmed on credit with its tea sub-order shipped.
    static let summary = OrderSummary(
        order: order, buyer: buyer, status: .confirmed, statusReason: nil, placedBy: purchaser,
        placedAt: date(placedAt), updatedAt: date("2026-11-23T09:00:00.010Z"), idempotencyKey: "checkout-7f3a-0042",
        poNumber: "PO-2026-0815", note: nil, deliveryAddress: address,
        payment: OrderSummary.Payment(method: .credit, status: .authorized, reference: nil, amount: total),
        lines: [
            OrderSummary.Line(lines[0], reservation: .committed,
                              allocations: [Allocation(warehouse: id("WH-HZ-01"), quantity: 100),
                                            Allocation(warehouse: id("WH-SH-01"), quantity: 20)]),
            OrderSummary.Line(lines[1], reservation: .committed, allocations: [Allocation(warehouse: id("WH-JDZ"), quantity: 12)]),
        ],
        subOrders: [
            OrderSummary.SubOrderView(
                subOrder: subOrders[0].subOrder, supplier: teaSupplier, lines: subOrders[0].lines,
                totals: OrderTotals(lineCount: 1, quantity: 120, amount: cny(14_160_00)), status: .shipped,
                shipment: OrderSummary.Shipment(carrier: "顺丰 SF Express", trackingNumber: "SF1234567890",
                                                shippedAt: date("2026-11-23T09:00:00.010Z")),
                deliveredAt: nil),
            OrderSummary.SubOrderView(
                subOrder: subOrders[1].subOrder, supplier: cupSupplier, lines: subOrders[1].lines,
                totals: OrderTotals(lineCount: 1, quantity: 12, amount: cny(546_00)), status: .open, shipment: nil,
                deliveredAt: nil),
        ],
        totals: OrderTotals(lineCount: 2, quantity: 132, amount: total),
        approval: [OrderSummary.ApprovalProgress(role: "approver", rules: ["orders from 10,000 CNY"], decision: .approved,
                                                 by: approver, at: date("2026-11-22T05:00:00.010Z"), comment: "budget OK")],
        deadline: nil,
        history: [
            OrderSummary.HistoryEntry(at: date(placedAt), status: .pendingApproval,
                                      reason: "placed by u-li-wei: 2 line(s), 2 supplier(s), total 14706.00 CNY"),
            OrderSummary.HistoryEntry(at: date("2026-11-22T05:00:00.010Z"), status: .reservingStock,
                                      reason: "step 1 of 1 approved by u-zhang-min (approver)"),
            OrderSummary.HistoryEntry(at: date("2026-11-22T05:00:02.500Z"), status: .confirmed,
                                      reason: "confirmed: 14706.00 CNY authorized on credit"),
        ])

    static func reply(_ id: String, _ outcome: OrderReply.Outcome, command: String) -> Envelope<OrderReply> {
        Envelope(id: Self.id(id), occurredAt: date("2026-11-23T09:00:00.020Z"), causationId: Self.id(command),
                 correlationId: correlation, tenant: "tradeflow", key: replyTo.instance,
                 payload: OrderReply(requestId: replyTo.requestId, commandId: Self.id(command), outcome: outcome))
    }

    /// (fixture file, value) for every outcome kind of the order reply.
    static let replies: [(String, Envelope<OrderReply>)] = [
        ("order.command-reply.v1.json", reply("rep-ord-0001", .order(summary), command: "cmd-ord-0006")),
        ("order.command-reply.v1.orders.json", reply("rep-ord-0002", .orders(OrderPage(
            orders: [OrderListItem(order: order, status: .confirmed, placedAt: date(placedAt), placedBy: purchaser,
                                   poNumber: "PO-2026-0815", total: total, lineCount: 2, subOrderCount: 2)],
            nextBefore: order)), command: "q-0002")),
        ("order.command-reply.v1.sub-orders.json", reply("rep-ord-0005", .subOrders(SubOrderDeskPart(
            entries: [.init(position: 40, item: SubOrderListItem(
                SubOrderDetail(summary, subOrder: subOrders[1].subOrder, viewer: cupSupplier)!,
                confirmedAt: date("2026-11-22T05:00:02.500Z")))],
            scannedTo: 40)), command: "q-0003")),
        ("order.command-reply.v1.sub-orders.with-lines.json", reply("rep-ord-0006", .subOrders(SubOrderDeskPart(
            entries: [.init(position: 7, item: SubOrderListItem(
                SubOrderDetail(summary, subOrder: subOrders[1].subOrder, viewer: cupSupplier)!,
                confirmedAt: date("2026-11-22T05:00:02.500Z"), withLines: true))],
            scannedTo: 8, reachedEnd: true)), command: "q-0005")),
        ("order.command-reply.v1.approval-rules.json", reply("rep-ord-0003", .approvalRules(rules), command: "cmd-ord-0008")),
        ("order.command-reply.v1.rejected.json", reply("rep-ord-0004", .rejected(
            code: .invalidField, message: "line 2 is priced in USD but line 1 in CNY; one order holds one currency",
            field: "lines[1].unitPrice"), command: "cmd-ord-0011")),
    ] + returnReplies
}
