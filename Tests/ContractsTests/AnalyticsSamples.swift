import Foundation
@testable import Contracts

/// The typed values the analytics golden fixtures hold: a company with two roles and every field
/// present, and the platform before any event.
enum AnalyticsSamples {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> { Samples.id(raw) }
    static func date(_ text: String) -> Date { Samples.date(text) }
    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    static let supplier: CompanyID = id("SUP-HANGZHOU-TEA")
    static let buyer: CompanyID = id("BUYER-ACME")
    static let asOf = date("2026-11-22T04:00:00.000Z")

    static func figures(_ key: String, _ gmv: Int64, orders: Int64, units: Int64) -> AnalyticsFigures {
        AnalyticsFigures(key: key, gmv: [cny(gmv)], orders: orders, units: units)
    }

    static func breakdown(_ key: String) -> AnalyticsBreakdown {
        AnalyticsBreakdown(entries: [figures(key, 1_180_000, orders: 3, units: 100)],
                           other: figures("other", 20_000, orders: 1, units: 5), keyCount: 4)
    }

    static let tea = AnalyticsSKUStock(sku: id("LJ-250G"), unitsSold: 105, unitsReceived: 500, unitsAdjusted: -2,
                                       unitsOut: 100, onHand: 398, turnoverHundredths: 25,
                                       stockSince: date("2026-09-01T00:00:00.000Z"),
                                       lastMovementAt: date("2026-11-21T09:30:00.000Z"))

    static let supplierView = AnalyticsView(
        role: .supplier,
        totals: AnalyticsTotals(gmv: [cny(1_200_000)], orders: 4, units: 105, averageOrderValue: [cny(300_000)],
                                captured: [], refunded: []),
        buckets: AnalyticsBuckets(
            minute: [AnalyticsBucket(start: date("2026-11-22T03:59:00.000Z"), gmv: [cny(118_00)], orders: 1, units: 1)],
            hour: [AnalyticsBucket(start: date("2026-11-22T03:00:00.000Z"), gmv: [cny(118_00)], orders: 1, units: 1)],
            day: [AnalyticsBucket(start: date("2026-11-22T00:00:00.000Z"), gmv: [cny(118_00)], orders: 1, units: 1)]),
        topSkus: AnalyticsTopSKUs(byRevenue: [figures("LJ-250G", 1_200_000, orders: 4, units: 105)],
                                  byUnits: [figures("LJ-250G", 1_200_000, orders: 4, units: 105)]),
        breakdowns: AnalyticsBreakdowns(region: breakdown("CN-EAST"), category: breakdown("Beverages"),
                                        supplier: breakdown("SUP-HANGZHOU-TEA"), distributor: breakdown("direct"),
                                        buyer: breakdown("BUYER-ACME")),
        dealers: AnalyticsDealers(
            activeCount: 1, active: [AnalyticsDealer(buyer: buyer, lastOrderAt: date("2026-11-21T08:00:00.000Z"),
                                                     ordersInWindow: 3)],
            churnWarningCount: 1, churnWarnings: [AnalyticsDealer(buyer: id("BUYER-OLD"),
                                                                  lastOrderAt: date("2026-08-01T08:00:00.000Z"),
                                                                  ordersInWindow: 0)],
            own: nil),
        stock: AnalyticsStock(skuCount: 2, skus: [tea], slowMoverCount: 1, slowMovers: [
            AnalyticsSKUStock(sku: id("BJ-100G"), unitsSold: 0, unitsReceived: 50, unitsAdjusted: 0, unitsOut: 0,
                              onHand: 50, turnoverHundredths: nil, stockSince: date("2026-06-01T00:00:00.000Z"),
                              lastMovementAt: date("2026-06-01T00:00:00.000Z")),
        ]),
        shipping: AnalyticsShipping(shipped: 3, onTime: 2, onTimeBasisPoints: 6_666, suppliers: [
            AnalyticsSupplierShipping(supplier: supplier, shipped: 3, onTime: 2, onTimeBasisPoints: 6_666),
        ]),
        funnel: AnalyticsFunnel(placed: 6, approved: 5, confirmed: 4, paid: 3, completed: 2, rejected: 1, cancelled: 0,
                                expired: 1))

    static let buyerView = AnalyticsView(
        role: .buyer,
        totals: AnalyticsTotals(gmv: [cny(500_00)], orders: 1, units: 10, averageOrderValue: [cny(500_00)],
                                captured: [cny(500_00)], refunded: [cny(50_00)]),
        buckets: AnalyticsBuckets(minute: [], hour: [], day: []),
        topSkus: AnalyticsTopSKUs(byRevenue: [], byUnits: []),
        breakdowns: AnalyticsBreakdowns(
            region: AnalyticsBreakdown(entries: [], other: nil, keyCount: 0),
            category: AnalyticsBreakdown(entries: [], other: nil, keyCount: 0),
            supplier: AnalyticsBreakdown(entries: [], other: nil, keyCount: 0),
            distributor: AnalyticsBreakdown(entries: [], other: nil, keyCount: 0),
            buyer: AnalyticsBreakdown(entries: [], other: nil, keyCount: 0)),
        dealers: AnalyticsDealers(activeCount: 0, active: [], churnWarningCount: 0, churnWarnings: [],
                                  own: AnalyticsDealer(buyer: supplier, lastOrderAt: date("2026-10-02T01:00:00.000Z"),
                                                       ordersInWindow: 1)),
        stock: nil,
        shipping: AnalyticsShipping(shipped: 0, onTime: 0, onTimeBasisPoints: nil, suppliers: []),
        funnel: .zero)

    static func envelope(_ snapshot: AnalyticsSnapshot, id raw: String) -> Envelope<AnalyticsSnapshot> {
        Envelope(id: id(raw), occurredAt: asOf, causationId: nil, correlationId: id("analytics-publisher"),
                 tenant: "tradeflow", key: snapshot.key, payload: snapshot)
    }

    static let snapshots: [(String, Envelope<AnalyticsSnapshot>)] = [
        ("analytics.snapshot.v1.json", envelope(
            AnalyticsSnapshot(scope: .company(supplier), asOf: asOf, windows: .standard,
                              views: [buyerView, supplierView]),
            id: "snap-SUP-HANGZHOU-TEA-0001")),
        ("analytics.snapshot.v1.platform-empty.json", envelope(
            AnalyticsSnapshot(scope: .platform, asOf: asOf, windows: .standard, views: []),
            id: "snap-platform-0001")),
    ]
}
