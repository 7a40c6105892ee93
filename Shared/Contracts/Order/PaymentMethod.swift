/// How a buyer pays for an order. Shared by the order saga (`PlaceOrder`, `PaymentResult`) and the
/// payment service (`payment.authorize`), which decides what each method means for its ledger.
///
/// An enum, so a new method is a wire change: roll out every reader (order, payment, gateway)
/// before any writer uses it.
public enum PaymentMethod: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// On account (账期): the payer's credit line is reserved at authorization, money moves later.
    case credit = "credit"
    /// Paid online before the goods ship; the order waits for the money (`awaiting-payment`).
    case prepayment = "prepayment"
    /// 对公转账: the buyer transfers to the platform's account quoting a reference; the order
    /// waits for the transfer to be matched.
    case bankTransfer = "bank-transfer"
}
