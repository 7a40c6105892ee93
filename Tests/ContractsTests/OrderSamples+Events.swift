import Foundation
@testable import Contracts

extension OrderSamples {
    static let placedAt = "2026-11-22T04:00:00.015Z"
    static let releasedLines = ["O-20261122-0001-L1"]

    /// (fixture file, value) for every order event.
    static let events: [(String, Envelope<OrderEvent>)] = [
        ("order.placed.v1.json", event("evt-ord-0001", .placed(OrderPlaced(
            commandId: id(placeId), order: order, buyer: buyer, at: date(placedAt), placedBy: purchaser,
            status: .pendingApproval, idempotencyKey: "checkout-7f3a-0042", poNumber: "PO-2026-0815",
            note: "请周一送货 deliver Monday, dock 3/B", deliveryAddress: address, paymentMethod: .credit, lines: lines,
            subOrders: subOrders, total: total, paymentDueBy: nil)), causation: placeId, at: placedAt)),
        ("order.placed.v1.reserving-stock.json", event("evt-ord-0002", .placed(OrderPlaced(
            commandId: id("cmd-ord-0002"), order: id("O-2"), buyer: buyer, at: date(placedAt), placedBy: purchaser,
            status: .reservingStock, idempotencyKey: nil, poNumber: nil, note: nil, deliveryAddress: address,
            paymentMethod: .bankTransfer, lines: [lines[1]], subOrders: [subOrders[1]], total: cny(546_00),
            paymentDueBy: date("2026-11-24T04:00:00.015Z"))), causation: "cmd-ord-0002", at: placedAt)),
        ("order.approval-requested.v1.json", event("evt-ord-0003", .approvalRequested(OrderApprovalRequested(
            commandId: id(placeId), order: order, buyer: buyer, at: date(placedAt),
            steps: [ApprovalStep(role: "approver", rules: ["orders from 10,000 CNY"])],
            dueBy: date("2026-11-25T04:00:00.015Z"))), causation: placeId, at: placedAt)),
        ("order.approved.v1.json", event("evt-ord-0004", .approved(OrderApproved(
            commandId: id("cmd-ord-0003"), order: order, buyer: buyer, at: date("2026-11-22T05:00:00.010Z"),
            approver: approver, role: "approver", step: 1, comment: "budget OK", remainingRoles: [],
            paymentDueBy: date("2026-11-24T05:00:00.010Z"))), causation: "cmd-ord-0003", at: "2026-11-22T05:00:00.010Z")),
        ("order.approval-rejected.v1.json", event("evt-ord-0005", .approvalRejected(OrderApprovalRejected(
            commandId: id("cmd-ord-0004"), order: order, buyer: buyer, at: date("2026-11-22T05:00:00.010Z"),
            approver: approver, role: "approver", step: 1, comment: "超出本季度预算 over budget")),
            causation: "cmd-ord-0004", at: "2026-11-22T05:00:00.010Z")),
        ("order.line-reserved.v1.json", event("evt-ord-0006", .lineReserved(OrderLineReserved(
            commandId: id("inv-reply-0001"), order: order, buyer: buyer, at: date("2026-11-22T05:00:01.000Z"),
            line: "O-20261122-0001-L1", reservation: "O-20261122-0001-L1", sku: teaLine.sku, quantity: 120,
            allocations: [Allocation(warehouse: id("WH-HZ-01"), quantity: 100), Allocation(warehouse: id("WH-SH-01"), quantity: 20)])),
            causation: "inv-reply-0001", at: "2026-11-22T05:00:01.000Z")),
        ("order.line-reservation-failed.v1.json", event("evt-ord-0007", .lineReservationFailed(OrderLineReservationFailed(
            commandId: id("inv-reply-0002"), order: order, buyer: buyer, at: date("2026-11-22T05:00:01.010Z"),
            line: "O-20261122-0001-L2", reservation: "O-20261122-0001-L2", sku: cupLine.sku, quantity: 12,
            code: .insufficientStock, available: 5, reason: "5 available across 2 warehouses, 12 requested")),
            causation: "inv-reply-0002", at: "2026-11-22T05:00:01.010Z")),
        ("order.stock-reserved.v1.json", event("evt-ord-0008", .stockReserved(OrderStockReserved(
            commandId: id("inv-reply-0003"), order: order, buyer: buyer, at: date("2026-11-22T05:00:01.020Z"),
            amount: total, paymentMethod: .credit)), causation: "inv-reply-0003", at: "2026-11-22T05:00:01.020Z")),
        ("order.awaiting-payment.v1.json", event("evt-ord-0009", .awaitingPayment(OrderAwaitingPayment(
            commandId: id("pay-reply-0001"), order: order, buyer: buyer, at: date("2026-11-22T05:00:02.000Z"),
            method: .bankTransfer, reference: "TF-20261122-8812", amount: total, dueBy: date("2026-11-24T05:00:00.010Z"))),
            causation: "pay-reply-0001", at: "2026-11-22T05:00:02.000Z")),
        ("order.confirmed.v1.json", event("evt-ord-0010", .confirmed(OrderConfirmed(
            commandId: id("pay-reply-0002"), order: order, buyer: buyer, at: date("2026-11-22T05:00:02.500Z"),
            payment: .authorized, amount: total, committed: ["O-20261122-0001-L1", "O-20261122-0001-L2"])),
            causation: "pay-reply-0002", at: "2026-11-22T05:00:02.500Z")),
        ("order.rejected.v1.json", event("evt-ord-0011", .rejected(OrderRejected(
            commandId: id("inv-reply-0002"), order: order, buyer: buyer, at: date("2026-11-22T05:00:01.010Z"),
            code: .insufficientStock,
            reason: "SKU CUP-GAIWAN (line O-20261122-0001-L2) cannot be reserved: 5 available, 12 ordered (insufficient-stock: 5 available across 2 warehouses, 12 requested)",
            sku: cupLine.sku, available: 5, released: releasedLines)),
            causation: "inv-reply-0002", at: "2026-11-22T05:00:01.010Z")),
        ("order.rejected.v1.without-optionals.json", event("evt-ord-0012", .rejected(OrderRejected(
            commandId: id("cmd-ord-0004"), order: order, buyer: buyer, at: date("2026-11-22T05:00:00.010Z"),
            code: .approvalRejected, reason: "approval refused by u-zhang-min (approver): 超出本季度预算 over budget",
            released: [])), causation: "cmd-ord-0004", at: "2026-11-22T05:00:00.010Z")),
        ("order.cancelled.v1.json", event("evt-ord-0013", .cancelled(OrderCancelled(
            commandId: id("cmd-ord-0005"), order: order, buyer: buyer, at: date("2026-11-22T05:10:00.010Z"), by: purchaser,
            reason: "ordered twice by mistake", cancelledIn: .confirmed, released: releasedLines, payment: .void)),
            causation: "cmd-ord-0005", at: "2026-11-22T05:10:00.010Z")),
        ("order.cancelled.v1.refund.json", event("evt-ord-0014", .cancelled(OrderCancelled(
            commandId: id("cmd-ord-0015"), order: order, buyer: buyer, at: date("2026-11-22T05:10:00.010Z"), by: purchaser,
            reason: "ordered twice by mistake", cancelledIn: .confirmed, released: releasedLines,
            payment: .refund(refund: "O-20261122-0001-R-cancel", amount: total))),
            causation: "cmd-ord-0015", at: "2026-11-22T05:10:00.010Z")),
        ("order.expired.v1.json", event("evt-ord-0015", .expired(OrderExpired(
            commandId: id("timer-BUYER-ACME-1795492800000"), order: order, buyer: buyer, at: date("2026-11-24T04:00:00.000Z"),
            expiredIn: .awaitingPayment, deadline: date("2026-11-24T04:00:00.000Z"),
            reason: "no payment quoting reference TF-20261122-8812 arrived by 2026-11-24T04:00:00.000Z",
            released: releasedLines, payment: .void)),
            causation: "timer-BUYER-ACME-1795492800000", at: "2026-11-24T04:00:00.010Z")),
        ("order.sub-order-shipped.v1.json", event("evt-ord-0016", .subOrderShipped(OrderSubOrderShipped(
            commandId: id("cmd-ord-0006"), order: order, buyer: buyer, at: date("2026-11-23T09:00:00.010Z"),
            subOrder: "O-20261122-0001-S-SUP-HANGZHOU-TEA", supplier: teaSupplier, carrier: "顺丰 SF Express",
            trackingNumber: "SF1234567890", committed: [])), causation: "cmd-ord-0006", at: "2026-11-23T09:00:00.010Z")),
        ("order.sub-order-cancelled.v1.json", event("evt-ord-0090", .subOrderCancelled(OrderSubOrderCancelled(
            commandId: id("cmd-ord-0090"), order: order, buyer: buyer, at: date("2026-11-23T10:00:00.010Z"),
            subOrder: "O-20261122-0001-S-SUP-JINGDEZHEN", supplier: cupSupplier, by: cupSupplier, user: id("u-jdz-wh"),
            reason: "窑炉故障 kiln broke down; cannot deliver this month", amount: cny(546_00),
            released: ["O-20261122-0001-L2"])), causation: "cmd-ord-0090", at: "2026-11-23T10:00:00.010Z")),
        ("order.sub-order-delivered.v1.json", event("evt-ord-0017", .subOrderDelivered(OrderSubOrderDelivered(
            commandId: id("cmd-ord-0007"), order: order, buyer: buyer, at: date("2026-11-25T15:30:00.010Z"),
            subOrder: "O-20261122-0001-S-SUP-HANGZHOU-TEA", supplier: teaSupplier)),
            causation: "cmd-ord-0007", at: "2026-11-25T15:30:00.010Z")),
        ("order.completed.v1.json", event("evt-ord-0018", .completed(OrderCompleted(
            commandId: id("cmd-ord-0007"), order: order, buyer: buyer, at: date("2026-11-25T15:30:00.010Z"), amount: total)),
            causation: "cmd-ord-0007", at: "2026-11-25T15:30:00.010Z")),
        ("order.reservation-released.v1.json", event("evt-ord-0019", .reservationReleased(OrderReservationReleased(
            commandId: id("inv-reply-0004"), order: order, buyer: buyer, at: date("2026-11-22T05:11:00.000Z"),
            line: "O-20261122-0001-L2", reservation: "O-20261122-0001-L2", sku: cupLine.sku, quantity: 12,
            reason: "order O-20261122-0001 was cancelled before this reservation arrived")),
            causation: "inv-reply-0004", at: "2026-11-22T05:11:00.000Z")),
        ("order.payment-recorded.v1.json", event("evt-ord-0020", .paymentRecorded(OrderPaymentRecorded(
            commandId: id("pay-reply-0003"), order: order, buyer: buyer, at: date("2026-11-24T08:00:00.000Z"),
            outcome: .paid(amount: total), refund: "O-20261122-0001-R-late-payment")),
            causation: "pay-reply-0003", at: "2026-11-24T08:00:00.000Z")),
        ("order.payment-recorded.v1.without-optionals.json", event("evt-ord-0021", .paymentRecorded(OrderPaymentRecorded(
            commandId: id("pay-reply-0004"), order: order, buyer: buyer, at: date("2026-11-25T15:30:01.000Z"),
            outcome: .captured)), causation: "pay-reply-0004", at: "2026-11-25T15:30:01.000Z")),
        ("order.approval-rules-set.v1.json", event("evt-ord-0022", .approvalRulesSet(OrderApprovalRulesSet(
            commandId: id("cmd-ord-0008"), buyer: buyer, at: date("2026-11-20T08:00:00.010Z"), rules: rules)),
            causation: "cmd-ord-0008", at: "2026-11-20T08:00:00.010Z")),
        ("order.command-rejected.v1.json", event("evt-ord-0023", .commandRejected(OrderCommandRejected(
            commandId: id("cmd-ord-0009"), buyer: buyer, order: order, at: date("2026-11-22T05:20:00.000Z"),
            commandType: "order.approve", code: .invalidOrderState,
            field: nil, reason: "order O-20261122-0001 is confirmed; it can no longer be approved")),
            causation: "cmd-ord-0009", at: "2026-11-22T05:20:00.000Z")),
        ("order.command-rejected.v1.field.json", event("evt-ord-0024", .commandRejected(OrderCommandRejected(
            commandId: id("cmd-ord-0010"), buyer: buyer, order: nil, at: date("2026-11-20T08:01:00.000Z"),
            commandType: "order.set-approval-rules", code: .invalidField, field: "rules[0].roles[1]",
            reason: "\"finanse\" is not a role; expected one of company-admin, purchaser, approver, finance, warehouse, catalog-manager, operator")),
            causation: "cmd-ord-0010", at: "2026-11-20T08:01:00.000Z")),
    ] + returnEvents
}
