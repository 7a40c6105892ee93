import Foundation
@testable import Contracts

/// (fixture file, value) for every payment fixture.
extension PaymentSamples {
    static let commands: [(String, Envelope<PaymentCommand>)] = [
        ("payment.authorize.v1.json", envelope("cmd-pay-0001", .authorize(AuthorizePayment(
            order: order, payer: buyer, amount: cny(1_234_56), method: .credit, settlement: settlement,
            replyKey: replyKey)), causation: "evt-order-0007", at: "2026-11-22T04:00:00.120Z")),
        ("payment.capture.v1.json", envelope("cmd-pay-0004", .capture(CapturePayment(
            order: order, payer: buyer, replyKey: replyKey)), causation: "evt-order-0031", at: "2026-12-01T09:30:00.000Z")),
        ("payment.void.v1.json", envelope("cmd-pay-0002", .void(VoidAuthorization(
            order: order, payer: buyer, reason: "order expired: not paid within 24 h", replyKey: replyKey)),
            causation: "evt-order-0009", at: "2026-11-23T04:00:00.000Z")),
        ("payment.release-credit.v1.json", envelope("cmd-pay-0020", .releaseCredit(ReleaseCredit(
            order: order, payer: buyer, subOrders: ["ORD-2026-0001-S-SUP-NINGBO-FASTEN"],
            reason: "sub-order ORD-2026-0001-S-SUP-NINGBO-FASTEN cancelled by SUP-NINGBO-FASTEN: out of stock")),
            causation: "cmd-order-0044", at: "2026-11-24T08:00:00.000Z")),
        ("payment.refund.v1.json", envelope("cmd-pay-0005", .refund(RefundPayment(
            refund: "RMA-2026-0042", order: order, payer: buyer, amount: cny(100_00), reason: "2 boxes damaged in transit",
            replyKey: replyKey)), causation: "evt-order-0040", at: "2026-12-03T02:15:00.500Z")),
        ("payment.refund.v1.lines.json", envelope("cmd-pay-0009", .refund(RefundPayment(
            refund: "RMA-2026-0043", order: order, payer: buyer, amount: cny(100_00), reason: "2 boxes damaged in transit",
            replyKey: replyKey, lines: [SettlementLine(
                subOrder: settlement[1].subOrder, supplier: settlement[1].supplier, distributor: settlement[1].distributor,
                category: settlement[1].category, amount: cny(100_00))])),
            causation: "evt-order-0041", at: "2026-12-03T02:16:00.000Z")),
        ("payment.set-credit-line.v1.json", envelope("cmd-pay-0000", .setCreditLine(SetCreditLine(
            payer: buyer, limit: cny(500_000_00), termDays: 30, by: supplierFinance)),
            causation: "http:gw-1:req-000777", at: "2026-11-20T08:00:00.000Z")),
        ("payment.record-bank-transfer.v1.json", envelope("cmd-pay-0006", .recordBankTransfer(RecordBankTransfer(
            payer: buyer, reference: "ORD-2026-0001", amount: cny(1_300_00), bankTransactionId: "ICBC-20261215-000123")),
            causation: nil, at: "2026-12-15T01:00:00.000Z")),
        ("payment.provider-callback.v1.json", envelope("cmd-pay-0007", .providerCallback(ProviderCallback(
            payer: buyer, order: order, providerPaymentId: "wxpay-4200001234202611220001", amount: cny(1_234_56),
            status: .failed, failureReason: "余额不足 insufficient balance")),
            causation: "http:gw-2:req-000912", at: "2026-11-22T04:05:00.000Z")),
        ("payment.provider-callback.v1.without-optionals.json", envelope("cmd-pay-0008", .providerCallback(ProviderCallback(
            payer: buyer, order: order, providerPaymentId: "wxpay-4200001234202611220002", amount: cny(1_234_56),
            status: .succeeded, failureReason: nil)), causation: "http:gw-2:req-000913", at: "2026-11-22T04:07:00.000Z")),
        ("payment.mark-overdue-due.v1.json", envelope("cmd-pay-0009", .markOverdueDue(MarkOverdueDue(
            payer: buyer, now: date("2026-12-31T09:30:00.001Z"))), causation: nil, at: "2026-12-31T09:30:00.001Z")),
        ("payment.remind-invoices-due.v1.json", envelope("cmd-pay-0030", .remindInvoicesDue(RemindInvoicesDue(
            payer: buyer, now: date("2026-12-28T09:30:00.001Z"))), causation: nil, at: "2026-12-28T09:30:00.001Z")),
        ("payment.set-settlement-rules.v1.json", envelope("cmd-pay-0010", .setSettlementRules(SetSettlementRules(
            rules: rules, by: platformFinance)), key: PaymentCommand.settlementRulesKey,
            causation: "http:gw-1:req-000100", at: "2026-11-01T00:00:00.000Z")),
        ("payment.get-account.v1.json", envelope("cmd-pay-0011", .getAccount(GetPaymentAccount(
            payer: buyer, replyTo: ReplyAddress(instance: "gw-2", partition: 7, requestId: "req-000042"))),
            causation: nil, at: "2026-11-22T05:00:00.000Z")),
        ("payment.get-settlement-statement.v1.json", envelope("cmd-pay-0012", .getStatement(GetSettlementStatement(
            company: supplier, from: date("2026-11-01T00:00:00.000Z"), to: date("2026-12-01T00:00:00.000Z"),
            routingKey: "statement-3", replyTo: ReplyAddress(instance: "gw-2", partition: 7, requestId: "req-000043"))),
            key: "statement-3", causation: nil, at: "2026-11-22T05:00:00.000Z")),
    ]

    static let outcomes: [(String, PaymentResult.Outcome)] = [
        ("authorized", .authorized(method: .credit)),
        ("awaiting-payment", .awaitingPayment(method: .bankTransfer, reference: "ORD-2026-0001")),
        ("paid", .paid(amount: cny(1_234_56))),
        ("rejected", .rejected(code: RejectionCode(rawValue: "credit-limit-exceeded"),
                               reason: "the order needs 1234.56 CNY of credit but only 1000.00 CNY is available (limit 500000.00 CNY)")),
        ("voided", .voided),
        ("captured", .captured),
        ("refunded", .refunded(refund: "RMA-2026-0042", amount: cny(100_00))),
    ]

    /// One fixture per outcome kind.
    static let results: [(String, Envelope<PaymentResult>)] = outcomes.enumerated().map { index, item in
        ("payment.reply.order.payment-result.v1.\(item.0).json",
         envelope("rep-pay-000\(index)", PaymentResult(order: order, outcome: item.1), causation: "cmd-pay-0001",
                  at: "2026-11-22T04:00:00.140Z"))
    }
}
