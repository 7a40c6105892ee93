/// One role's dashboards in a snapshot. Which lines and orders count depends on the role:
/// a supplier's view counts only its own lines (and orders holding at least one of them), a
/// distributor's only lines sold from its shops, a buyer's only its own orders, the platform's all.
public struct AnalyticsView: Codable, Sendable, Hashable {
    public let role: AnalyticsRole
    public let totals: AnalyticsTotals
    public let buckets: AnalyticsBuckets
    public let topSkus: AnalyticsTopSKUs
    public let breakdowns: AnalyticsBreakdowns
    public let dealers: AnalyticsDealers
    /// Stock movement of the SKUs the company owns (supplier) or of every SKU (platform); absent for
    /// buyers and distributors, who hold no stock on the platform.
    public let stock: AnalyticsStock?
    public let shipping: AnalyticsShipping
    public let funnel: AnalyticsFunnel

    public init(role: AnalyticsRole, totals: AnalyticsTotals, buckets: AnalyticsBuckets, topSkus: AnalyticsTopSKUs,
                breakdowns: AnalyticsBreakdowns, dealers: AnalyticsDealers, stock: AnalyticsStock?,
                shipping: AnalyticsShipping, funnel: AnalyticsFunnel) {
        self.role = role
        self.totals = totals
        self.buckets = buckets
        self.topSkus = topSkus
        self.breakdowns = breakdowns
        self.dealers = dealers
        self.stock = stock
        self.shipping = shipping
        self.funnel = funnel
    }

    private enum CodingKeys: String, CodingKey {
        case role = "role", totals = "totals", buckets = "buckets", topSkus = "topSkus", breakdowns = "breakdowns"
        case dealers = "dealers", stock = "stock", shipping = "shipping", funnel = "funnel"
    }
}
