import Contracts
import Foundation

extension AnalyticsState {
    /// The snapshot of `scope` as of `asOf` (the service's clock; windows are measured back from it).
    /// A company without numbers gets a snapshot with no views.
    public func snapshot(for scope: AnalyticsScope, asOf: Date) -> AnalyticsSnapshot {
        let views = ScopeKey.keys(of: scope).compactMap { key in
            aggregates[key].map { view(of: key, $0, asOf: asOf) }
        }
        return AnalyticsSnapshot(scope: scope, asOf: asOf, windows: policy.windows, views: views)
    }

    private func view(of key: ScopeKey, _ aggregate: ScopeAggregate, asOf: Date) -> AnalyticsView {
        let currency = aggregate.mainCurrency
        let limit = policy.topLimit
        return AnalyticsView(
            role: key.role,
            totals: totals(aggregate),
            buckets: AnalyticsBuckets(
                minute: buckets(aggregate.minutes, asOf: asOf, count: policy.windows.minuteBuckets),
                hour: buckets(aggregate.hours, asOf: asOf, count: policy.windows.hourBuckets),
                day: buckets(aggregate.days, asOf: asOf, count: policy.windows.dayBuckets)),
            topSkus: Ranking.topSKUs(aggregate.skus, currency: currency, limit: limit),
            breakdowns: AnalyticsBreakdowns(
                region: Ranking.breakdown(aggregate.regions, currency: currency, limit: limit),
                category: Ranking.breakdown(aggregate.categories, currency: currency, limit: limit),
                supplier: Ranking.breakdown(aggregate.suppliers, currency: currency, limit: limit),
                distributor: Ranking.breakdown(aggregate.distributors, currency: currency, limit: limit),
                buyer: Ranking.breakdown(aggregate.buyers, currency: currency, limit: limit)),
            dealers: dealers(of: key, aggregate, asOf: asOf),
            stock: stockView(of: key, asOf: asOf),
            shipping: shipping(aggregate),
            funnel: aggregate.funnel.figures)
    }

    private func totals(_ aggregate: ScopeAggregate) -> AnalyticsTotals {
        let averages = aggregate.totals.gmv.list.map { gmv in
            Money(minorUnits: Ranking.average(gmv.minorUnits, over: aggregate.ordersByCurrency[gmv.currency] ?? 0),
                  currency: gmv.currency)
        }
        return AnalyticsTotals(gmv: aggregate.totals.gmv.list, orders: aggregate.totals.orders,
                               units: aggregate.totals.units, averageOrderValue: averages,
                               captured: aggregate.captured.list, refunded: aggregate.refunded.list)
    }

    private func buckets(_ series: BucketSeries, asOf: Date, count: Int) -> [AnalyticsBucket] {
        series.window(endingAt: asOf, count: count).compactMap { series.bucket(start: $0.start) }
    }

    private func shipping(_ aggregate: ScopeAggregate) -> AnalyticsShipping {
        let suppliers = aggregate.shipping.sorted { left, right in
            left.value.shipped != right.value.shipped ? left.value.shipped > right.value.shipped : left.key < right.key
        }
        let shipped = suppliers.reduce(Int64(0)) { Saturating.add($0, $1.value.shipped) }
        let onTime = suppliers.reduce(Int64(0)) { Saturating.add($0, $1.value.onTime) }
        return AnalyticsShipping(
            shipped: shipped, onTime: onTime, onTimeBasisPoints: Ranking.basisPoints(onTime, of: shipped),
            suppliers: suppliers.prefix(policy.listLimit).map {
                AnalyticsSupplierShipping(supplier: $0.key, shipped: $0.value.shipped, onTime: $0.value.onTime,
                                          onTimeBasisPoints: Ranking.basisPoints($0.value.onTime, of: $0.value.shipped))
            })
    }
}
