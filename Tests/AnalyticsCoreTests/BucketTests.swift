import AnalyticsCore
import Contracts
import Foundation
import Testing

/// Minute, hour and day buckets: boundaries, the calendar offset, and the window back from asOf.
@Suite struct BucketTests {
    /// One single-line order per confirmation time, 1.00 CNY per unit, `units` units.
    func fold(_ confirmations: [(Date, Int64)], policy: AnalyticsPolicy = .standard) -> AnalyticsState {
        var state = AnalyticsState(policy: policy)
        for (index, (date, units)) in confirmations.enumerated() {
            let order = "B\(index)"
            state.apply(T.placed(order, buyer: T.acme, at: date,
                                 [T.Line(sku: "TEA-1", supplier: T.tea, quantity: units, unitPrice: 1_00)]),
                        envelopeId: T.id("p-\(order)"))
            state.apply(T.confirmed(order, buyer: T.acme, at: date, amount: units * 1_00), envelopeId: T.id("c-\(order)"))
        }
        return state
    }

    func series(_ state: AnalyticsState, asOf: Date) -> AnalyticsBuckets? {
        state.snapshot(for: .platform, asOf: asOf).view(.platform)?.buckets
    }

    @Test func splitsMinutesHoursAndDays_atTheirBoundaries() throws {
        let state = fold([
            (T.at(hours: 23, minutes: 59, seconds: 59.999), 1),
            (T.at(days: 1), 2),
            (T.at(days: 1, minutes: 0, seconds: 59), 4),
            (T.at(days: 1, minutes: 1), 8),
        ])
        let buckets = try #require(series(state, asOf: T.at(days: 1, minutes: 30)))
        #expect(buckets.minute.map(\.start) == [T.at(hours: 23, minutes: 59), T.at(days: 1), T.at(days: 1, minutes: 1)])
        #expect(buckets.minute.map(\.units) == [1, 6, 8])
        #expect(buckets.hour.map(\.units) == [1, 14])
        #expect(buckets.day.map(\.start) == [T.at(), T.at(days: 1)])
        #expect(buckets.day.map(\.orders) == [1, 3])
        #expect(buckets.day.last?.gmv == [T.cny(14_00)])
    }

    @Test func showsOnlyTheLastNBuckets_endingWithTheOneHoldingAsOf() throws {
        let state = fold([(T.at(), 1), (T.at(hours: 1, minutes: 59), 2), (T.at(hours: 2), 4), (T.at(days: 3), 8)])
        let buckets = try #require(series(state, asOf: T.at(hours: 2, minutes: 30)))
        #expect(buckets.minute.map(\.units) == [2, 4], "120 minutes back from 02:30 start at 00:31")
        #expect(buckets.hour.map(\.units) == [1, 2, 4])
        #expect(buckets.day.map(\.units) == [7], "day 3 is after asOf")
    }

    @Test func dayBuckets_followTheConfiguredCalendar() throws {
        let standard = AnalyticsWindows.standard
        let beijing = AnalyticsWindows(onTimeShippingHours: 48, activeDays: 30, churnDays: 60, slowMoverDays: 90,
                                       utcOffsetSeconds: 8 * 3_600, minuteBuckets: standard.minuteBuckets,
                                       hourBuckets: standard.hourBuckets, dayBuckets: standard.dayBuckets)
        let state = fold([(T.at(hours: 15, minutes: 59), 1), (T.at(hours: 16), 2)],
                         policy: AnalyticsPolicy(windows: beijing))
        let buckets = try #require(series(state, asOf: T.at(days: 1)))
        #expect(buckets.day.map(\.start) == [T.at(hours: -8), T.at(hours: 16)], "midnight in UTC+8 is 16:00Z")
        #expect(buckets.day.map(\.units) == [1, 2])
    }

    @Test func pruningOldBuckets_neverChangesWhatASnapshotShows() throws {
        // 600 days of daily sales: the fold keeps about 400 days, the snapshot shows exactly 400.
        let confirmations = (0..<600).map { (T.at(days: Double($0)), Int64(1)) }
        let state = fold(confirmations)
        let day = try #require(series(state, asOf: T.at(days: 599, hours: 12))?.day)
        #expect(day.count == 400)
        #expect(day.first?.start == T.at(days: 200))
        let reversed = fold(confirmations.reversed())
        #expect(series(reversed, asOf: T.at(days: 599, hours: 12)) == series(state, asOf: T.at(days: 599, hours: 12)))
    }
}
