/// What an incoming payment was applied to.
public enum PaymentTarget: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// An authorization awaiting payment (prepayment or bank transfer).
    case authorization = "authorization"
    /// An invoice of a captured credit order.
    case invoice = "invoice"
}
