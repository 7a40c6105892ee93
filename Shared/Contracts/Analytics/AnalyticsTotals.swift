/// All-time totals of a view (since the beginning of the topics).
///
/// GMV counts confirmed orders (stock reserved and money secured) at their confirmation, gross: a
/// later cancellation or refund does not take it back (refunds are reported beside it). Placed but
/// never confirmed orders are in the funnel only.
public struct AnalyticsTotals: Codable, Sendable, Hashable {
    /// Sum of the counted line totals, one `Money` per currency.
    public let gmv: [Money]
    /// Confirmed orders holding at least one counted line.
    public let orders: Int64
    /// Units over the counted lines.
    public let units: Int64
    /// GMV per currency divided by the confirmed orders in that currency, rounded half away from
    /// zero to the minor unit.
    public let averageOrderValue: [Money]
    /// Captured by payment for the buyer (buyer and platform views; empty otherwise).
    public let captured: [Money]
    /// Refunded by payment to the buyer (buyer and platform views; empty otherwise).
    public let refunded: [Money]

    public init(gmv: [Money], orders: Int64, units: Int64, averageOrderValue: [Money], captured: [Money],
                refunded: [Money]) {
        self.gmv = gmv
        self.orders = orders
        self.units = units
        self.averageOrderValue = averageOrderValue
        self.captured = captured
        self.refunded = refunded
    }

    private enum CodingKeys: String, CodingKey {
        case gmv = "gmv", orders = "orders", units = "units", averageOrderValue = "averageOrderValue"
        case captured = "captured", refunded = "refunded"
    }
}
