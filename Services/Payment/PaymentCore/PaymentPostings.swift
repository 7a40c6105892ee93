import Contracts
import Foundation

/// The ledger postings of payment decisions. Each is a pure function of facts recorded in the
/// command's first event, so a posting lost in a crash is rebuilt identically (see
/// `PaymentDecider.resume`).
///
/// Accounts: cash; buyer-receivable, buyer-deposit, buyer-credit and rebate-payable of the payer;
/// supplier-payable and distributor-payable of the parties; platform-revenue.
enum PaymentPostings {
    /// The id of a command's posting: one per command.
    static func id(of commandId: MessageID) -> String { "\(commandId.rawValue)#0" }

    /// Capture: the buyer's debt (credit: receivable) or its deposit (prepaid) is split between
    /// platform commission, distributor margins, the buyer's rebate and supplier payables. On credit,
    /// `fromBalance` (money sent for the order before it was invoiced) pays part of the debt at once.
    static func capture(_ commandId: MessageID, payer: CompanyID, authorization: PaymentAuthorization,
                        shares: [SettlementShare], fromBalance: Money? = nil, at postedAt: Date) -> LedgerPosting {
        var builder = PostingBuilder()
        let source: LedgerAccount = authorization.method == .credit ? .buyerReceivable(payer) : .buyerDeposit(payer)
        builder.debit(source, authorization.amount)
        if let fromBalance, !fromBalance.isZero {
            builder.debit(.buyerCredit(payer), fromBalance)
            builder.credit(.buyerReceivable(payer), fromBalance)
        }
        for share in shares {
            builder.credit(.platformRevenue, share.platformCommission)
            if let distributor = share.distributor { builder.credit(.distributorPayable(distributor), share.distributorMargin) }
            builder.credit(.rebatePayable(payer), share.rebate)
            builder.credit(.supplierPayable(share.supplier), share.supplierPayable)
        }
        return builder.posting(id: id(of: commandId), postedAt: postedAt, kind: .capture, order: authorization.order,
                               memo: "capture of order \(authorization.order) (\(authorization.method.rawValue))")
    }

    /// Refund: each party gives back its reversed part; the buyer's invoice is reduced first and the
    /// rest is owed back to it (buyer-credit).
    static func refund(_ commandId: MessageID, payer: CompanyID, order: OrderID, refundId: String,
                       refund: PaymentAuthorization.Refund) -> LedgerPosting {
        var builder = PostingBuilder()
        for share in refund.reversed {
            builder.debit(.platformRevenue, share.platformCommission)
            if let distributor = share.distributor { builder.debit(.distributorPayable(distributor), share.distributorMargin) }
            builder.debit(.rebatePayable(payer), share.rebate)
            builder.debit(.supplierPayable(share.supplier), share.supplierPayable)
        }
        builder.credit(.buyerReceivable(payer), refund.creditedToInvoice)
        builder.credit(.buyerCredit(payer), refund.creditedToBalance)
        return builder.posting(id: id(of: commandId), postedAt: refund.refundedAt, kind: .refund, order: order,
                               memo: "refund \(refundId) of order \(order)")
    }

    /// Void of a (partly) paid order: what the buyer paid is no longer a deposit for the order but
    /// money owed back to it.
    static func void(_ commandId: MessageID, payer: CompanyID, order: OrderID,
                     voiding: PaymentAuthorization.Voiding) -> LedgerPosting {
        var builder = PostingBuilder()
        builder.debit(.buyerDeposit(payer), voiding.received)
        builder.credit(.buyerCredit(payer), voiding.received)
        return builder.posting(id: id(of: commandId), postedAt: voiding.voidedAt, kind: .void, order: order,
                               memo: "void of paid order \(order): paid amount owed back to the buyer")
    }

    /// Money received: cash in; the applied part pays the order (deposit) or the invoice
    /// (receivable); the excess is owed back to the buyer.
    static func receipt(payer: CompanyID, payment: ReceivedPayment) -> LedgerPosting {
        var builder = PostingBuilder()
        builder.debit(.cash, payment.amount)
        switch payment.appliedTo {
        case .authorization?: builder.credit(.buyerDeposit(payer), payment.applied)
        case .invoice?: builder.credit(.buyerReceivable(payer), payment.applied)
        case nil: break
        }
        builder.credit(.buyerCredit(payer), payment.excess)
        let what = payment.source == .bankTransfer ? "bank transfer" : "provider payment"
        return builder.posting(id: id(of: payment.commandId), postedAt: payment.recordedAt, kind: .paymentReceived,
                               order: payment.order,
                               memo: "\(what) \(payment.externalId) (\(payment.match.rawValue)), reference \(payment.reference)")
    }
}
