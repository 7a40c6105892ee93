import Foundation
@testable import Contracts

/// (fixture file, value) for every payment event fixture.
extension PaymentSamples {
    static let events: [(String, Envelope<PaymentEvent>)] = [
        ("payment.credit-line-set.v1.json", envelope("evt-pay-0000", .creditLineSet(CreditLineSet(
            commandId: id("cmd-pay-0000"), payer: buyer, limit: cny(500_000_00), termDays: 30, grantedBy: supplier,
            setBy: id("u-fin-wang"), available: cny(500_000_00))), causation: "cmd-pay-0000", at: "2026-11-20T08:00:00.010Z")),
        ("payment.credit-line-set.v1.without-optionals.json", envelope("evt-pay-0100", .creditLineSet(CreditLineSet(
            commandId: id("cmd-pay-0100"), payer: buyer, limit: cny(0), termDays: 0, grantedBy: platform, setBy: nil,
            available: cny(-1_234_56))), causation: "cmd-pay-0100", at: "2026-12-20T08:00:00.000Z")),
        ("payment.credit-reserved.v1.json", envelope("evt-pay-0001", .creditReserved(CreditReserved(
            commandId: id("cmd-pay-0001"), payer: buyer, order: order, amount: cny(1_234_56), settlement: settlement,
            rates: rates, available: cny(498_765_44), replyKey: replyKey)),
            causation: "cmd-pay-0001", at: "2026-11-22T04:00:00.135Z")),
        ("payment.payment-requested.v1.json", envelope("evt-pay-0011", .paymentRequested(PaymentRequested(
            commandId: id("cmd-pay-0011"), payer: buyer, order: order, amount: cny(1_234_56), method: .bankTransfer,
            reference: "ORD-2026-0001", settlement: settlement, rates: rates, replyKey: replyKey)),
            causation: "cmd-pay-0011", at: "2026-11-22T04:00:00.135Z")),
        ("payment.authorization-rejected.v1.json", envelope("evt-pay-0012", .authorizationRejected(AuthorizationRejected(
            commandId: id("cmd-pay-0012"), payer: buyer, order: order, amount: cny(1_234_56), method: .credit,
            code: .creditFrozen, field: nil,
            reason: "credit is frozen: invoice ORD-2026-0000 (50.00 CNY unpaid) was due 2026-11-01T00:00:00Z; new credit orders are possible once it is paid",
            available: cny(10_000_00), replyKey: replyKey)), causation: "cmd-pay-0012", at: "2026-11-22T04:00:00.136Z")),
        ("payment.authorization-rejected.v1.without-optionals.json", envelope("evt-pay-0013", .authorizationRejected(
            AuthorizationRejected(commandId: id("cmd-pay-0013"), payer: buyer, order: order, amount: cny(1_234_56),
                                  method: .prepayment, code: .invalidField, field: "settlement",
                                  reason: "the settlement lines add up to 1234.55 CNY, not the amount 1234.56 CNY",
                                  available: nil, replyKey: replyKey)), causation: "cmd-pay-0013", at: "2026-11-22T04:00:00.137Z")),
        ("payment.credit-released.v1.json", envelope("evt-pay-0002", .creditReleased(CreditReleased(
            commandId: id("cmd-pay-0002"), payer: buyer, order: order, amount: cny(1_234_56),
            reason: "order expired: not paid within 24 h", available: cny(500_000_00), replyKey: replyKey)),
            causation: "cmd-pay-0002", at: "2026-11-23T04:00:00.010Z")),
        ("payment.credit-partly-released.v1.json", envelope("evt-pay-0020", .creditPartlyReleased(CreditPartlyReleased(
            commandId: id("cmd-pay-0020"), payer: buyer, order: order, subOrders: ["ORD-2026-0001-S-SUP-NINGBO-FASTEN"],
            amount: cny(234_56), stillReserved: cny(1_000_00),
            reason: "sub-order ORD-2026-0001-S-SUP-NINGBO-FASTEN cancelled by SUP-NINGBO-FASTEN: out of stock",
            available: cny(498_999_00))), causation: "cmd-pay-0020", at: "2026-11-24T08:00:00.012Z")),
        ("payment.authorization-voided.v1.json", envelope("evt-pay-0014", .authorizationVoided(AuthorizationVoided(
            commandId: id("cmd-pay-0014"), payer: buyer, order: order, method: .bankTransfer, amount: cny(1_234_56),
            received: cny(200_00), reason: "cancelled by buyer", voidedAt: date("2026-11-23T05:00:00.000Z"),
            replyKey: replyKey)), causation: "cmd-pay-0014", at: "2026-11-23T05:00:00.004Z")),
        ("payment.payment-captured.v1.json", envelope("evt-pay-0004", .paymentCaptured(PaymentCaptured(
            commandId: id("cmd-pay-0004"), payer: buyer, order: order, amount: cny(1_234_56), method: .credit,
            capturedAt: date("2026-12-01T09:30:00.000Z"), invoiceDueAt: date("2026-12-31T09:30:00.000Z"),
            replyKey: replyKey)), causation: "cmd-pay-0004", at: "2026-12-01T09:30:00.020Z")),
        ("payment.payment-captured.v1.without-optionals.json", envelope("evt-pay-0015", .paymentCaptured(PaymentCaptured(
            commandId: id("cmd-pay-0015"), payer: buyer, order: order, amount: cny(1_234_56), method: .prepayment,
            capturedAt: date("2026-12-01T09:30:00.000Z"), invoiceDueAt: nil, replyKey: replyKey)),
            causation: "cmd-pay-0015", at: "2026-12-01T09:30:00.020Z")),
        ("payment.invoice-issued.v1.json", envelope("evt-pay-0005", .invoiceIssued(InvoiceIssued(
            commandId: id("cmd-pay-0004"), payer: buyer, order: order, amount: cny(1_234_56),
            issuedAt: date("2026-12-01T09:30:00.000Z"), dueAt: date("2026-12-31T09:30:00.000Z"), termDays: 30)),
            causation: "cmd-pay-0004", at: "2026-12-01T09:30:00.020Z")),
        ("payment.invoice-issued.v1.paid-from-balance.json", envelope("evt-pay-0021", .invoiceIssued(InvoiceIssued(
            commandId: id("cmd-pay-0004"), payer: buyer, order: order, amount: cny(1_234_56),
            issuedAt: date("2026-12-01T09:30:00.000Z"), dueAt: date("2026-12-31T09:30:00.000Z"), termDays: 30,
            paidFromBalance: cny(1_000_00))), causation: "cmd-pay-0004", at: "2026-12-01T09:30:00.020Z")),
        ("payment.invoice-due-soon.v1.json", envelope("evt-pay-0030", .invoiceDueSoon(InvoiceDueSoon(
            commandId: id("cmd-pay-0030"), payer: buyer, order: order, outstanding: cny(1_134_56),
            dueAt: date("2026-12-31T09:30:00.000Z"), withinDays: 3)), causation: "cmd-pay-0030", at: "2026-12-28T09:30:00.010Z")),
        ("payment.invoice-overdue.v1.json", envelope("evt-pay-0009", .invoiceOverdue(InvoiceOverdue(
            commandId: id("cmd-pay-0009"), payer: buyer, order: order, outstanding: cny(1_134_56),
            dueAt: date("2026-12-31T09:30:00.000Z"))), causation: "cmd-pay-0009", at: "2026-12-31T09:30:00.010Z")),
        ("payment.settlement-split.v1.json", envelope("evt-pay-0006", .settlementSplit(SettlementSplit(
            commandId: id("cmd-pay-0004"), payer: buyer, order: order, shares: shares)),
            causation: "cmd-pay-0004", at: "2026-12-01T09:30:00.020Z")),
        ("payment.ledger-posted.v1.json", envelope("evt-pay-0007", .ledgerPosted(LedgerPosted(
            commandId: id("cmd-pay-0004"), payer: buyer, posting: capturePosting)),
            causation: "cmd-pay-0004", at: "2026-12-01T09:30:00.020Z")),
        ("payment.refund-issued.v1.json", envelope("evt-pay-0016", .refundIssued(RefundIssued(
            commandId: id("cmd-pay-0005"), payer: buyer, order: order, refund: "RMA-2026-0042", amount: cny(100_00),
            reason: "2 boxes damaged in transit", refundedAt: date("2026-12-03T02:15:00.500Z"),
            reversed: [
                SettlementShare(subOrder: "ORD-2026-0001-S-SUP-HANGZHOU-TEA", supplier: supplier, distributor: distributor,
                                amount: cny(81_00), platformCommission: cny(2_43), distributorMargin: cny(9_72),
                                rebate: cny(81), supplierPayable: cny(68_04)),
                SettlementShare(subOrder: "ORD-2026-0001-S-SUP-NINGBO-FASTEN", supplier: otherSupplier, distributor: nil,
                                amount: cny(19_00), platformCommission: cny(95), distributorMargin: cny(0), rebate: cny(0),
                                supplierPayable: cny(18_05)),
            ],
            creditedToInvoice: cny(100_00), creditedToBalance: cny(0), totalRefunded: cny(100_00), replyKey: replyKey)),
            causation: "cmd-pay-0005", at: "2026-12-03T02:15:00.510Z")),
        ("payment.bank-transfer-matched.v1.json", envelope("evt-pay-0017", .bankTransferMatched(BankTransferMatched(
            commandId: id("cmd-pay-0006"), payer: buyer, bankTransactionId: "ICBC-20261215-000123",
            reference: "ORD-2026-0001", amount: cny(1_300_00), match: .over, order: order, appliedTo: .authorization,
            applied: cny(1_234_56), excess: cny(65_44), remainingDue: cny(0), recordedAt: date("2026-12-15T01:00:00.000Z"),
            paidInFull: cny(1_234_56), replyKey: replyKey)), causation: "cmd-pay-0006", at: "2026-12-15T01:00:00.005Z")),
        ("payment.bank-transfer-matched.v1.without-optionals.json", envelope("evt-pay-0018", .bankTransferMatched(
            BankTransferMatched(commandId: id("cmd-pay-0018"), payer: buyer, bankTransactionId: "ICBC-20261215-000999",
                                reference: "货款 Dec", amount: cny(5_000_00), match: .unmatched, order: nil, appliedTo: nil,
                                applied: cny(0), excess: cny(5_000_00), remainingDue: nil,
                                recordedAt: date("2026-12-15T01:00:01.000Z"), paidInFull: nil, replyKey: nil)),
            causation: "cmd-pay-0018", at: "2026-12-15T01:00:01.002Z")),
        ("payment.provider-payment-recorded.v1.json", envelope("evt-pay-0019", .providerPaymentRecorded(
            ProviderPaymentRecorded(commandId: id("cmd-pay-0008"), payer: buyer, order: order,
                                    providerPaymentId: "wxpay-4200001234202611220002", amount: cny(1_234_56),
                                    status: .succeeded, failureReason: nil, match: .exact, appliedTo: .authorization,
                                    applied: cny(1_234_56), excess: cny(0), remainingDue: cny(0),
                                    recordedAt: date("2026-11-22T04:07:00.000Z"), paidInFull: cny(1_234_56),
                                    replyKey: replyKey)), causation: "cmd-pay-0008", at: "2026-11-22T04:07:00.003Z")),
        ("payment.provider-payment-recorded.v1.failed.json", envelope("evt-pay-0020", .providerPaymentRecorded(
            ProviderPaymentRecorded(commandId: id("cmd-pay-0007"), payer: buyer, order: order,
                                    providerPaymentId: "wxpay-4200001234202611220001", amount: cny(1_234_56),
                                    status: .failed, failureReason: "余额不足 insufficient balance", match: nil,
                                    appliedTo: nil, applied: cny(0), excess: cny(0), remainingDue: nil,
                                    recordedAt: date("2026-11-22T04:05:00.000Z"), paidInFull: nil, replyKey: nil)),
            causation: "cmd-pay-0007", at: "2026-11-22T04:05:00.002Z")),
        ("payment.settlement-rules-set.v1.json", envelope("evt-pay-0010", .settlementRulesSet(SettlementRulesSet(
            commandId: id("cmd-pay-0010"), rules: rules, setBy: platform, user: id("u-fin-li"))),
            key: PaymentCommand.settlementRulesKey, causation: "cmd-pay-0010", at: "2026-11-01T00:00:00.004Z")),
        ("payment.command-rejected.v1.json", envelope("evt-pay-0021", .commandRejected(PaymentCommandRejected(
            commandId: id("cmd-pay-0021"), payer: buyer, order: order, command: "payment.refund",
            code: .refundExceedsCaptured, field: "amount",
            reason: "refund of 2000.00 CNY exceeds the 1134.56 CNY still refundable on order ORD-2026-0001 (captured 1234.56 CNY, refunded 100.00 CNY)",
            replyKey: replyKey)), causation: "cmd-pay-0021", at: "2026-12-04T00:00:00.000Z")),
        ("payment.command-rejected.v1.without-optionals.json", envelope("evt-pay-0022", .commandRejected(
            PaymentCommandRejected(commandId: id("cmd-pay-0022"), payer: nil, order: nil,
                                   command: "payment.set-settlement-rules", code: .forbidden, field: nil,
                                   reason: "settlement rules are set by platform finance (roles finance and platform-operator)",
                                   replyKey: nil)),
            key: PaymentCommand.settlementRulesKey, causation: "cmd-pay-0022", at: "2026-12-04T00:00:01.000Z")),
    ]
}
