/// Confirmed sales of one key (a SKU, a region, a category, a company) within a view.
public struct AnalyticsFigures: Codable, Sendable, Hashable {
    public let key: String
    public let gmv: [Money]
    /// Confirmed orders with at least one line under this key. An order with lines under two keys
    /// counts for both, so the orders of a breakdown can add up to more than the view's total.
    public let orders: Int64
    public let units: Int64

    public init(key: String, gmv: [Money], orders: Int64, units: Int64) {
        self.key = key
        self.gmv = gmv
        self.orders = orders
        self.units = units
    }

    private enum CodingKeys: String, CodingKey {
        case key = "key", gmv = "gmv", orders = "orders", units = "units"
    }
}

/// The best-selling SKUs of a view (key: the SKU), at most `limit` each.
///
/// "Revenue" ranks by GMV in the view's main currency (the one with most confirmed orders; ties go
/// to the lower code), then units, then key; "units" ranks by units, then that GMV, then key.
public struct AnalyticsTopSKUs: Codable, Sendable, Hashable {
    public let byRevenue: [AnalyticsFigures]
    public let byUnits: [AnalyticsFigures]

    public init(byRevenue: [AnalyticsFigures], byUnits: [AnalyticsFigures]) {
        self.byRevenue = byRevenue
        self.byUnits = byUnits
    }

    private enum CodingKeys: String, CodingKey {
        case byRevenue = "byRevenue", byUnits = "byUnits"
    }
}
