import Foundation
@testable import Contracts

extension OrderSamples {
    /// (fixture file, value) for every order command, and for every outcome kind of the replies.
    static let commands: [(String, Envelope<OrderCommand>)] = [
        ("order.place.v1.json", command(placeId, .place(PlaceOrder(
            order: order, buyer: buyer, placedBy: purchaser, idempotencyKey: "checkout-7f3a-0042",
            lines: [teaLine, cupLine], deliveryAddress: address, paymentMethod: .credit, poNumber: "PO-2026-0815",
            note: "请周一送货 deliver Monday, dock 3/B", replyTo: replyTo)), at: "2026-11-22T04:00:00.000Z")),
        ("order.place.v1.without-optionals.json", command("cmd-ord-0002", .place(PlaceOrder(
            order: id("O-2"), buyer: buyer, placedBy: purchaser, lines: [cupLine],
            deliveryAddress: Address(name: "Dock", phone: "1", region: "CN-NORTH", city: "Beijing", street: "1 Road"),
            paymentMethod: .bankTransfer)), at: "2026-11-22T04:00:01.000Z")),
        ("order.approve.v1.json", command("cmd-ord-0003", .approve(ApproveOrder(
            order: order, buyer: buyer, approver: approver, roles: ["approver", "purchaser"], comment: "budget OK",
            replyTo: replyTo)), at: "2026-11-22T05:00:00.000Z")),
        ("order.reject-approval.v1.json", command("cmd-ord-0004", .rejectApproval(RejectOrderApproval(
            order: order, buyer: buyer, approver: approver, roles: ["approver"], comment: "超出本季度预算 over budget",
            replyTo: replyTo)), at: "2026-11-22T05:00:00.000Z")),
        ("order.cancel.v1.json", command("cmd-ord-0005", .cancel(CancelOrder(
            order: order, buyer: buyer, by: purchaser, reason: "ordered twice by mistake", replyTo: replyTo)),
            at: "2026-11-22T05:10:00.000Z")),
        ("order.ship.v1.json", command("cmd-ord-0006", .ship(ShipSubOrder(
            order: order, buyer: buyer, subOrder: "O-20261122-0001-S-SUP-HANGZHOU-TEA", carrier: "顺丰 SF Express",
            trackingNumber: "SF1234567890", by: teaSupplier, replyTo: replyTo)), at: "2026-11-23T09:00:00.000Z")),
        ("order.cancel-sub-order.v1.json", command("cmd-ord-0090", .cancelSubOrder(CancelSubOrder(
            order: order, buyer: buyer, subOrder: "O-20261122-0001-S-SUP-JINGDEZHEN", by: cupSupplier, user: id("u-jdz-wh"),
            reason: "窑炉故障 kiln broke down; cannot deliver this month", replyTo: replyTo)), at: "2026-11-23T10:00:00.000Z")),
        ("order.cancel-sub-order.v1.by-platform.json", command("cmd-ord-0091", .cancelSubOrder(CancelSubOrder(
            order: order, buyer: buyer, subOrder: "O-20261122-0001-S-SUP-JINGDEZHEN", by: id("PLATFORM"), user: id("u-ops-li"),
            reason: "supplier unreachable for 10 days", replyTo: replyTo, byPlatform: true)), at: "2026-11-23T10:05:00.000Z")),
        ("order.confirm-delivery.v1.json", command("cmd-ord-0007", .confirmDelivery(ConfirmDelivery(
            order: order, buyer: buyer, subOrder: "O-20261122-0001-S-SUP-HANGZHOU-TEA")), at: "2026-11-25T15:30:00.000Z")),
        ("order.expire-due.v1.json", command("timer-BUYER-ACME-1795492800000", .expireDue(ExpireDue(
            buyer: buyer, now: date("2026-11-24T04:00:00.000Z"))), at: "2026-11-24T04:00:00.004Z")),
        ("order.set-approval-rules.v1.json", command("cmd-ord-0008", .setApprovalRules(SetApprovalRules(
            buyer: buyer, rules: rules, replyTo: replyTo)), at: "2026-11-20T08:00:00.000Z")),
        ("order.stock-reservation-result.v1.json", command("inv-reply-0001", .stockReservationResult(StockReservationResult(
            reservation: "O-20261122-0001-L1", order: order, sku: teaLine.sku,
            outcome: .reserved(allocations: [Allocation(warehouse: id("WH-HZ-01"), quantity: 100),
                                             Allocation(warehouse: id("WH-SH-01"), quantity: 20)]))),
            causation: "inv-cmd-0001", at: "2026-11-22T04:00:00.120Z")),
        ("order.stock-reservation-result.v1.rejected.json", command("inv-reply-0002", .stockReservationResult(
            StockReservationResult(reservation: "O-20261122-0001-L2", order: order, sku: cupLine.sku,
                                   outcome: .rejected(code: .insufficientStock, available: 5,
                                                      reason: "5 available across 2 warehouses, 12 requested"))),
            causation: "inv-cmd-0002", at: "2026-11-22T04:00:00.130Z")),
        paymentResult("authorized", .authorized(method: .credit)),
        paymentResult("awaiting-payment", .awaitingPayment(method: .bankTransfer, reference: "TF-20261122-8812")),
        paymentResult("paid", .paid(amount: total)),
        paymentResult("rejected", .rejected(code: RejectionCode(rawValue: "credit-limit-exceeded"),
                                            reason: "credit line 500,000.00 CNY has 1,200.00 CNY left")),
        paymentResult("voided", .voided),
        paymentResult("captured", .captured),
        paymentResult("refunded", .refunded(refund: "O-20261122-0001-R-cancel", amount: total)),
        paymentResult("attempt-failed", .attemptFailed(amount: total, reason: "card declined by the issuer")),
        ("order.get-order.v1.json", command("q-0001", .getOrder(GetOrder(order: order, buyer: buyer, replyTo: replyTo)),
                                            at: "2026-11-22T06:00:00.000Z")),
        ("order.get-approval-rules.v1.json", command("q-0009", .getApprovalRules(GetApprovalRules(buyer: buyer, replyTo: replyTo)),
                                                     at: "2026-11-22T06:00:00.000Z")),
        ("order.list-orders.v1.json", command("q-0002", .listOrders(ListOrders(
            buyer: buyer, status: .confirmed, before: order, limit: 20, replyTo: replyTo)), at: "2026-11-22T06:00:00.000Z")),
        ("order.list-sub-orders.v1.json", command("q-0003", .listSubOrders(ListSubOrders(
            company: teaSupplier, orderStatus: .confirmed, status: .open, before: 41, limit: 20, routingKey: "desk-3",
            replyTo: replyTo)), key: "desk-3", at: "2026-11-22T06:00:00.000Z")),
        ("order.list-sub-orders.v1.oldest-first.json", command("q-0004", .listSubOrders(ListSubOrders(
            company: teaSupplier, status: .open, oldestFirst: true, from: 7, limit: 50, routingKey: "desk-3",
            replyTo: replyTo)), key: "desk-3", at: "2026-11-22T06:00:00.000Z")),
        ("order.list-sub-orders.v1.with-lines.json", command("q-0005", .listSubOrders(ListSubOrders(
            company: teaSupplier, status: .open, oldestFirst: true, from: 7, limit: 50, withLines: true, routingKey: "desk-3",
            replyTo: replyTo)), key: "desk-3", at: "2026-11-22T06:00:00.000Z")),
    ] + returnCommands
}
