/// Where a return (RMA) is:
///
///     requested → approved → refunded
///              ↘ rejected    ↘ refund-failed (payment refused the refund; the goods are back)
public enum ReturnStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// The buyer asked; waiting for the supplier.
    case requested = "requested"
    /// The supplier refused (with a comment). The units can be asked for again.
    case rejected = "rejected"
    /// The supplier accepted: stock is being put back and `payment.refund` was sent.
    case approved = "approved"
    /// Payment refunded the return's value (or it had no value to refund).
    case refunded = "refunded"
    /// Payment refused the refund; the reason is on the return.
    case refundFailed = "refund-failed"

    /// The return's units count against what can still be returned (everything but `rejected`).
    public var claimsUnits: Bool { self != .rejected }
}
