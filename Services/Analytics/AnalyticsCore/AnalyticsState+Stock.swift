import Contracts
import Foundation

extension AnalyticsState {
    /// Stock of the supplier's SKUs (those its order lines named) or of every SKU for the platform;
    /// nil for buyers and distributors.
    func stockView(of key: ScopeKey, asOf: Date) -> AnalyticsStock? {
        let skus: [SKU]
        switch key {
        case .platform: skus = Array(Set(stock.keys).union(skuSuppliers.keys))
        case let .supplier(company): skus = skuSuppliers.filter { $0.value.contains(company) }.map(\.key)
        case .buyer, .distributor: return nil
        }
        let sold = aggregates[.platform]?.skus ?? [:]
        let rows = skus.map { sku in
            let track = stock[sku] ?? SKUStockTrack()
            return AnalyticsSKUStock(sku: sku, unitsSold: sold[sku]?.units ?? 0, unitsReceived: track.received,
                                     unitsAdjusted: track.adjusted, unitsOut: track.out, onHand: track.onHand,
                                     turnoverHundredths: track.turnoverHundredths(asOf: asOf),
                                     stockSince: track.firstStockAt, lastMovementAt: track.lastMovementAt)
        }
        let bySales = rows.sorted { left, right in
            if left.unitsSold != right.unitsSold { return left.unitsSold > right.unitsSold }
            if (left.onHand ?? 0) != (right.onHand ?? 0) { return (left.onHand ?? 0) > (right.onHand ?? 0) }
            return left.sku < right.sku
        }
        let idleSince = asOf.addingTimeInterval(-TimeInterval(policy.windows.slowMoverDays) * 86_400)
        // Unknown on-hand counts as stock (a sold SKU whose inventory is kept elsewhere may still
        // sit in a warehouse); a SKU that never moved at all has nothing to be slow about.
        let slow = rows.filter { row in
            (row.onHand ?? 1) > 0 && row.lastMovementAt.map { $0 <= idleSince } == true
        }.sorted { left, right in
            if (left.onHand ?? 0) != (right.onHand ?? 0) { return (left.onHand ?? 0) > (right.onHand ?? 0) }
            let (leftAt, rightAt) = (left.lastMovementAt ?? .distantPast, right.lastMovementAt ?? .distantPast)
            if leftAt != rightAt { return leftAt < rightAt }
            return left.sku < right.sku
        }
        return AnalyticsStock(skuCount: rows.count, skus: Array(bySales.prefix(policy.listLimit)),
                              slowMoverCount: slow.count, slowMovers: Array(slow.prefix(policy.listLimit)))
    }
}
