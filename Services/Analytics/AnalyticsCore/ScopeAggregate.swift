import Contracts
import Foundation

/// Everything one `ScopeKey` has counted. Only sums, maxima and bucketed sums, so the result does
/// not depend on the order in which partitions were read. Lists are cut to their bounds only when a
/// snapshot is built, never while folding (cutting early would depend on the order).
struct ScopeAggregate: Sendable, Hashable, Codable {
    var totals = Tally()
    /// Confirmed orders per currency: the divisor of the average order value.
    var ordersByCurrency: [Currency: Int64] = [:]
    var minutes: BucketSeries
    var hours: BucketSeries
    var days: BucketSeries
    var skus: [SKU: Tally] = [:]
    var regions: [String: Tally] = [:]
    var categories: [String: Tally] = [:]
    var suppliers: [String: Tally] = [:]
    var distributors: [String: Tally] = [:]
    var buyers: [String: Tally] = [:]
    var dealers: [CompanyID: DealerTrack] = [:]
    var shipping: [CompanyID: ShippingTally] = [:]
    var funnel = FunnelTally()
    var captured = MoneyBag()
    var refunded = MoneyBag()

    init(windows: AnalyticsWindows) {
        let offset = Int64(windows.utcOffsetSeconds)
        minutes = BucketSeries(width: 60, offset: offset, keep: windows.minuteBuckets)
        hours = BucketSeries(width: 3_600, offset: offset, keep: windows.hourBuckets)
        days = BucketSeries(width: 86_400, offset: offset, keep: windows.dayBuckets)
    }

    /// The currency with most confirmed orders (ties: the lower code): what rankings sort by.
    var mainCurrency: Currency? {
        ordersByCurrency.max { left, right in
            left.value != right.value ? left.value < right.value : left.key.code > right.key.code
        }?.key
    }
}

/// A buyer's ordering as one key sees it: latest placement and placements per day (recent days only).
struct DealerTrack: Sendable, Hashable, Codable {
    var lastOrderAt: Date
    var days: BucketSeries
}

struct ShippingTally: Sendable, Hashable, Codable {
    var shipped: Int64 = 0
    var onTime: Int64 = 0
}

struct FunnelTally: Sendable, Hashable, Codable {
    var placed: Int64 = 0
    var approved: Int64 = 0
    var confirmed: Int64 = 0
    var paid: Int64 = 0
    var completed: Int64 = 0
    var rejected: Int64 = 0
    var cancelled: Int64 = 0
    var expired: Int64 = 0

    var figures: AnalyticsFunnel {
        AnalyticsFunnel(placed: placed, approved: approved, confirmed: confirmed, paid: paid, completed: completed,
                        rejected: rejected, cancelled: cancelled, expired: expired)
    }
}
