/// Confirmed sales of a view split by one dimension: the top keys ranked like `AnalyticsTopSKUs`
/// by revenue, and the rest summed under `other` (key "other"), so the list stays bounded.
public struct AnalyticsBreakdown: Codable, Sendable, Hashable {
    public let entries: [AnalyticsFigures]
    /// The keys beyond `entries`, summed; absent when there are none.
    public let other: AnalyticsFigures?
    /// How many distinct keys there are in all (entries plus those in `other`).
    public let keyCount: Int

    public init(entries: [AnalyticsFigures], other: AnalyticsFigures?, keyCount: Int) {
        self.entries = entries
        self.other = other
        self.keyCount = keyCount
    }

    private enum CodingKeys: String, CodingKey {
        case entries = "entries", other = "other", keyCount = "keyCount"
    }
}

/// The breakdowns of a view.
public struct AnalyticsBreakdowns: Codable, Sendable, Hashable {
    /// By the delivery address's region code (e.g. "CN-EAST").
    public let region: AnalyticsBreakdown
    /// By the top-level category of the product (the first element of the line's category path);
    /// "uncategorized" when the path is empty.
    public let category: AnalyticsBreakdown
    /// By the supplier company of the line.
    public let supplier: AnalyticsBreakdown
    /// By the distributor of the line; "direct" for lines bought without a distributor.
    public let distributor: AnalyticsBreakdown
    /// By the buyer company of the order.
    public let buyer: AnalyticsBreakdown

    public init(region: AnalyticsBreakdown, category: AnalyticsBreakdown, supplier: AnalyticsBreakdown,
                distributor: AnalyticsBreakdown, buyer: AnalyticsBreakdown) {
        self.region = region
        self.category = category
        self.supplier = supplier
        self.distributor = distributor
        self.buyer = buyer
    }

    private enum CodingKeys: String, CodingKey {
        case region = "region", category = "category", supplier = "supplier", distributor = "distributor"
        case buyer = "buyer"
    }
}
