/// Fulfilment of one supplier's part of an order.
public enum SubOrderStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// Not shipped yet (before confirmation it cannot be).
    case open = "open"
    case shipped = "shipped"
    case delivered = "delivered"
}
