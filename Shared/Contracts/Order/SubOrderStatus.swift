/// Fulfilment of one supplier's part of an order.
public enum SubOrderStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// Not shipped yet (before confirmation it cannot be).
    case open = "open"
    case shipped = "shipped"
    case delivered = "delivered"
    /// Cancelled before it shipped, on its own (by its supplier or the buyer) or with the whole order.
    case cancelled = "cancelled"
}
