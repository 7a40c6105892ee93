import Foundation

/// One buyer's ordering activity as seen by a view (orders it placed that hold lines of the view).
public struct AnalyticsDealer: Codable, Sendable, Hashable {
    public let buyer: CompanyID
    /// When it last placed such an order.
    public let lastOrderAt: Date
    /// Orders it placed on the last `AnalyticsWindows.activeDays` calendar days, today included.
    public let ordersInWindow: Int64

    public init(buyer: CompanyID, lastOrderAt: Date, ordersInWindow: Int64) {
        self.buyer = buyer
        self.lastOrderAt = WireTimestamp.roundedToMilliseconds(lastOrderAt)
        self.ordersInWindow = ordersInWindow
    }

    private enum CodingKeys: String, CodingKey {
        case buyer = "buyer", lastOrderAt = "lastOrderAt", ordersInWindow = "ordersInWindow"
    }
}

/// Dealer activity (活跃度) and churn warnings (流失预警), by placement time (an order that was
/// later rejected still shows the dealer trying to buy).
///
/// Supplier, distributor and platform views list the buyers; a buyer's view has only `own`.
public struct AnalyticsDealers: Codable, Sendable, Hashable {
    /// Buyers with at least one order in the window.
    public let activeCount: Int
    /// The most active of them (most orders in the window, then latest order, then id), bounded.
    public let active: [AnalyticsDealer]
    /// Buyers whose last order is at least `AnalyticsWindows.churnDays` before `asOf`.
    public let churnWarningCount: Int
    /// The most recently lapsed of them first (latest last order, then id), bounded.
    public let churnWarnings: [AnalyticsDealer]
    /// In a buyer's view: its own activity; absent before its first order and in other views.
    public let own: AnalyticsDealer?

    public init(activeCount: Int, active: [AnalyticsDealer], churnWarningCount: Int,
                churnWarnings: [AnalyticsDealer], own: AnalyticsDealer?) {
        self.activeCount = activeCount
        self.active = active
        self.churnWarningCount = churnWarningCount
        self.churnWarnings = churnWarnings
        self.own = own
    }

    private enum CodingKeys: String, CodingKey {
        case activeCount = "activeCount", active = "active", churnWarningCount = "churnWarningCount"
        case churnWarnings = "churnWarnings", own = "own"
    }
}
