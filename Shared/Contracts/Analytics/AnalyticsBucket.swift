import Foundation

/// Confirmed sales in one minute, hour or day, by confirmation time.
public struct AnalyticsBucket: Codable, Sendable, Hashable {
    /// Start of the bucket (inclusive); a day starts at midnight of `AnalyticsWindows.utcOffsetSeconds`.
    public let start: Date
    public let gmv: [Money]
    public let orders: Int64
    public let units: Int64

    public init(start: Date, gmv: [Money], orders: Int64, units: Int64) {
        self.start = WireTimestamp.roundedToMilliseconds(start)
        self.gmv = gmv
        self.orders = orders
        self.units = units
    }

    private enum CodingKeys: String, CodingKey {
        case start = "start", gmv = "gmv", orders = "orders", units = "units"
    }
}

/// The time series of a view, oldest first. Sparse: a bucket without confirmed sales is left out,
/// so a chart fills the gaps with zeros. At most `AnalyticsWindows.minuteBuckets` (hour, day) buckets
/// back from the bucket holding `asOf`, that one included.
public struct AnalyticsBuckets: Codable, Sendable, Hashable {
    public let minute: [AnalyticsBucket]
    public let hour: [AnalyticsBucket]
    public let day: [AnalyticsBucket]

    public init(minute: [AnalyticsBucket], hour: [AnalyticsBucket], day: [AnalyticsBucket]) {
        self.minute = minute
        self.hour = hour
        self.day = day
    }

    private enum CodingKeys: String, CodingKey {
        case minute = "minute", hour = "hour", day = "day"
    }
}
