/// Where an order is in its saga:
///
///     pending-approval → reserving-stock → awaiting-payment → confirmed → completed
///                                 ↘ rejected | cancelled | expired (each with a reason)
///
/// `confirmed` lasts while sub-orders ship and are delivered (see `SubOrderStatus`); the order is
/// `completed` when every sub-order is delivered.
public enum OrderStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    case pendingApproval = "pending-approval"
    case reservingStock = "reserving-stock"
    case awaitingPayment = "awaiting-payment"
    case confirmed = "confirmed"
    case completed = "completed"
    case rejected = "rejected"
    case cancelled = "cancelled"
    case expired = "expired"

    /// Nothing more will happen to the order (late replies are only compensated).
    public var isTerminal: Bool {
        switch self {
        case .completed, .rejected, .cancelled, .expired: true
        case .pendingApproval, .reservingStock, .awaitingPayment, .confirmed: false
        }
    }

    /// Ended without being fulfilled: reserved stock and authorized money were given back.
    public var isAbandoned: Bool {
        self == .rejected || self == .cancelled || self == .expired
    }
}
