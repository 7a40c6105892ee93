/// How a return's money reaches the buyer, as far as the order knows it (payment decides the
/// exact split and publishes it in `payment.refund-issued`: `creditedToInvoice` and
/// `creditedToBalance`).
public enum ReturnSettlement: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// Credit terms: the refund first reduces the open invoice of the order (a credit note); what
    /// the invoice no longer holds goes to the buyer's credit balance.
    case creditNote = "credit-note"
    /// Prepaid or bank transfer: the money is owed back to the buyer (its credit balance).
    case refund = "refund"

    /// What a refund of an order paid with `method` becomes in payment.
    public init(for method: PaymentMethod) {
        self = method == .credit ? .creditNote : .refund
    }
}
