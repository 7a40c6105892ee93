/// On-time shipping of one supplier's sub-orders.
public struct AnalyticsSupplierShipping: Codable, Sendable, Hashable {
    public let supplier: CompanyID
    /// Sub-orders shipped.
    public let shipped: Int64
    /// Of those, shipped within `AnalyticsWindows.onTimeShippingHours` after the order's confirmation.
    public let onTime: Int64
    /// `onTime / shipped` in basis points (10000 = 100 %), rounded down; absent when nothing shipped.
    public let onTimeBasisPoints: Int64?

    public init(supplier: CompanyID, shipped: Int64, onTime: Int64, onTimeBasisPoints: Int64?) {
        self.supplier = supplier
        self.shipped = shipped
        self.onTime = onTime
        self.onTimeBasisPoints = onTimeBasisPoints
    }

    private enum CodingKeys: String, CodingKey {
        case supplier = "supplier", shipped = "shipped", onTime = "onTime", onTimeBasisPoints = "onTimeBasisPoints"
    }
}

/// On-time shipping rate of the sub-orders a view can see: a supplier its own, a distributor those
/// holding its lines, a buyer those of its orders, the platform all.
public struct AnalyticsShipping: Codable, Sendable, Hashable {
    public let shipped: Int64
    public let onTime: Int64
    public let onTimeBasisPoints: Int64?
    /// Per supplier, most sub-orders shipped first (then id), bounded.
    public let suppliers: [AnalyticsSupplierShipping]

    public init(shipped: Int64, onTime: Int64, onTimeBasisPoints: Int64?, suppliers: [AnalyticsSupplierShipping]) {
        self.shipped = shipped
        self.onTime = onTime
        self.onTimeBasisPoints = onTimeBasisPoints
        self.suppliers = suppliers
    }

    private enum CodingKeys: String, CodingKey {
        case shipped = "shipped", onTime = "onTime", onTimeBasisPoints = "onTimeBasisPoints", suppliers = "suppliers"
    }
}
