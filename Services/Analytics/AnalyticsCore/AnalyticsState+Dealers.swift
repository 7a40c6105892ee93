import Contracts
import Foundation

extension AnalyticsState {
    /// Active buyers (an order on one of the last `activeDays` calendar days) and churn warnings
    /// (last order at least `churnDays` before `asOf`), or a buyer's own activity in its view.
    func dealers(of key: ScopeKey, _ aggregate: ScopeAggregate, asOf: Date) -> AnalyticsDealers {
        let windows = policy.windows
        let all = aggregate.dealers.map { buyer, track in
            let recent = track.days.window(endingAt: asOf, count: windows.activeDays)
                .reduce(Int64(0)) { Saturating.add($0, $1.tally.orders) }
            return AnalyticsDealer(buyer: buyer, lastOrderAt: track.lastOrderAt, ordersInWindow: recent)
        }
        if case let .buyer(company) = key {
            return AnalyticsDealers(activeCount: 0, active: [], churnWarningCount: 0, churnWarnings: [],
                                    own: all.first { $0.buyer == company })
        }
        let active = all.filter { $0.ordersInWindow > 0 }.sorted { left, right in
            if left.ordersInWindow != right.ordersInWindow { return left.ordersInWindow > right.ordersInWindow }
            if left.lastOrderAt != right.lastOrderAt { return left.lastOrderAt > right.lastOrderAt }
            return left.buyer < right.buyer
        }
        let churnBefore = asOf.addingTimeInterval(-TimeInterval(windows.churnDays) * 86_400)
        let lapsed = all.filter { $0.lastOrderAt <= churnBefore }.sorted { left, right in
            left.lastOrderAt != right.lastOrderAt ? left.lastOrderAt > right.lastOrderAt : left.buyer < right.buyer
        }
        return AnalyticsDealers(activeCount: active.count, active: Array(active.prefix(policy.listLimit)),
                                churnWarningCount: lapsed.count, churnWarnings: Array(lapsed.prefix(policy.listLimit)),
                                own: nil)
    }
}
