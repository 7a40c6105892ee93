import Contracts
import Packing

/// A payer's authorizations are kept packed (`PackedTable`): one per order, a couple of KB each as
/// values (settlement lines and rates per sub-order), read only when the order is captured, voided,
/// paid or refunded. Status and the credit held stay beside the bytes: credit in use is summed from
/// them.
extension PaymentAuthorization: TableValue {
    public struct Summary: Codable, Sendable, Equatable {
        public let status: Status
        /// The credit held (`creditHeld`): the amount, less what was released of it part by part.
        public let amount: Money
    }

    /// Always: from its first event on, an authorization waits (for delivery, for the buyer's money).
    public var isQuiet: Bool { true }

    public var tableSummary: Summary { Summary(status: status, amount: creditHeld) }

    /// The JSON of an authorization with its keys in sorted order and its recurring words, values
    /// left empty. Changing it refuses checkpoints packed with the old text (rebuilt from the topic).
    /// Written in lines for reading; the line breaks are not part of it.
    public static let packingDictionary = Array(#"""
        {"amount":{"amount":100,"currency":"CNY"},"capture":{"capturedAt":"2026-","commandId":"","invoiceDueAt":"2026-"},
        "method":"credit","order":"O-","rates":[{"distributorMarginBasisPoints":0,"platformCommissionBasisPoints":0,
        "rebateBasisPoints":0,"rule":"no settlement rule matched; the supplier keeps the whole amount","subOrder":"O--S-co-"},
        {"distributorMarginBasisPoints":0,"platformCommissionBasisPoints":0,"rebateBasisPoints":0,"rule":"","subOrder":"O--S-co-"}],
        "received":{"amount":0,"currency":"CNY"},"refunds":{},"replyKey":"co-","settlement":[{"amount":{"amount":100,"currency":"CNY"},
        "category":["",""],"distributor":"co-","subOrder":"O--S-co-","supplier":"co-"},{"amount":{"amount":100,"currency":"CNY"},
        "category":["",""],"subOrder":"O--S-co-","supplier":"co-"}],"shares":[{"amount":{"amount":100,"currency":"CNY"},
        "distributor":"co-","distributorMargin":{"amount":0,"currency":"CNY"},"platformCommission":{"amount":0,"currency":"CNY"},
        "rebate":{"amount":0,"currency":"CNY"},"subOrder":"O--S-co-","supplier":"co-","supplierPayable":{"amount":100,"currency":"CNY"}}],
        "status":"credit-reserved","voiding":{"commandId":"","received":{"amount":0,"currency":"CNY"},"voidedAt":"2026-"}}
        """#.split(separator: "\n").joined().utf8)
}
