/// The windows and policies the numbers of a snapshot were computed with, so a reader knows what
/// "active", "late" or "slow" means without asking the analytics service's configuration.
public struct AnalyticsWindows: Codable, Sendable, Hashable {
    /// A sub-order ships on time when it ships at most this many hours after the order was confirmed.
    public let onTimeShippingHours: Int
    /// A buyer is active when it placed an order on one of the last `activeDays` calendar days
    /// (today included).
    public let activeDays: Int
    /// A churn warning is raised for a buyer whose last order was at least `churnDays` days before `asOf`.
    public let churnDays: Int
    /// A SKU with stock is a slow mover when nothing moved it for at least `slowMoverDays` days.
    public let slowMoverDays: Int
    /// Offset from UTC of the calendar that day buckets and "today" follow, e.g. 28800 for UTC+8.
    public let utcOffsetSeconds: Int
    /// How many minute, hour and day buckets back from `asOf` a view shows at most.
    public let minuteBuckets: Int
    public let hourBuckets: Int
    public let dayBuckets: Int

    public init(onTimeShippingHours: Int, activeDays: Int, churnDays: Int, slowMoverDays: Int, utcOffsetSeconds: Int,
                minuteBuckets: Int, hourBuckets: Int, dayBuckets: Int) {
        self.onTimeShippingHours = onTimeShippingHours
        self.activeDays = activeDays
        self.churnDays = churnDays
        self.slowMoverDays = slowMoverDays
        self.utcOffsetSeconds = utcOffsetSeconds
        self.minuteBuckets = minuteBuckets
        self.hourBuckets = hourBuckets
        self.dayBuckets = dayBuckets
    }

    /// The defaults: 48 h shipping, 30-day activity, 60-day churn, 90-day slow movers, UTC,
    /// 120 minutes, 48 hours, 400 days.
    public static let standard = AnalyticsWindows(onTimeShippingHours: 48, activeDays: 30, churnDays: 60,
                                                  slowMoverDays: 90, utcOffsetSeconds: 0, minuteBuckets: 120,
                                                  hourBuckets: 48, dayBuckets: 400)

    private enum CodingKeys: String, CodingKey {
        case onTimeShippingHours = "onTimeShippingHours", activeDays = "activeDays", churnDays = "churnDays"
        case slowMoverDays = "slowMoverDays", utcOffsetSeconds = "utcOffsetSeconds"
        case minuteBuckets = "minuteBuckets", hourBuckets = "hourBuckets", dayBuckets = "dayBuckets"
    }
}
