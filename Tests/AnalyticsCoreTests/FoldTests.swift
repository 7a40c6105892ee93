import AnalyticsCore
import Contracts
import Foundation
import Testing

/// The scripted scenario folded once, checked number by number (see `Scenario` for the story).
@Suite struct FoldTests {
    let state = Scenario.fold()
    let asOf = T.at(days: 70, hours: 1)

    func view(_ scope: AnalyticsScope, _ role: AnalyticsRole) throws -> AnalyticsView {
        try #require(state.snapshot(for: scope, asOf: asOf).view(role))
    }

    @Test func countsGMV_ofConfirmedOrders_perRole() throws {
        let platform = try view(.platform, .platform).totals
        #expect(platform.gmv == [T.cny(1_350_00)])
        #expect(platform.orders == 3 && platform.units == 19)
        #expect(platform.averageOrderValue == [T.cny(450_00)])
        #expect(platform.captured == [T.cny(1_100_00)])

        let tea = try view(.company(T.tea), .supplier).totals
        #expect(tea.gmv == [T.cny(1_250_00)] && tea.orders == 3 && tea.units == 14)
        #expect(tea.averageOrderValue == [T.cny(416_67)], "1250.00 / 3 rounds half up to 416.67")
        let cup = try view(.company(T.cup), .supplier).totals
        #expect(cup.gmv == [T.cny(100_00)] && cup.orders == 1 && cup.units == 5, "rejected O3 is not GMV")
        let east = try view(.company(T.east), .distributor).totals
        #expect(east.gmv == [T.cny(1_100_00)] && east.orders == 2 && east.units == 11)
        let acme = try view(.company(T.acme), .buyer).totals
        #expect(acme.gmv == [T.cny(1_100_00)] && acme.orders == 1 && acme.units == 15)
        #expect(acme.captured == [T.cny(1_100_00)])
        let beta = try view(.company(T.beta), .buyer).totals
        #expect(beta.gmv == [T.cny(250_00)] && beta.orders == 2 && beta.captured.isEmpty)
    }

    @Test func funnel_countsEveryStageOncePerOrder() throws {
        #expect(try view(.platform, .platform).funnel == AnalyticsFunnel(
            placed: 4, approved: 4, confirmed: 3, paid: 2, completed: 2, rejected: 1, cancelled: 0, expired: 0))
        #expect(try view(.company(T.cup), .supplier).funnel == AnalyticsFunnel(
            placed: 2, approved: 2, confirmed: 1, paid: 1, completed: 1, rejected: 1, cancelled: 0, expired: 0))
        #expect(try view(.company(T.beta), .buyer).funnel == AnalyticsFunnel(
            placed: 2, approved: 2, confirmed: 2, paid: 1, completed: 1, rejected: 0, cancelled: 0, expired: 0))
    }

    @Test func partialApproval_doesNotCountAsApproved() {
        var state = AnalyticsState()
        state.apply(T.placed("O9", buyer: T.beta, at: T.at(), needsApproval: true,
                             [T.Line(sku: "TEA-2", supplier: T.tea, quantity: 1, unitPrice: 1)]), envelopeId: T.id("e1"))
        state.apply(T.approved("O9", buyer: T.beta, at: T.at(minutes: 1), remaining: ["cfo"]), envelopeId: T.id("e2"))
        #expect(state.snapshot(for: .platform, asOf: T.at(days: 1)).view(.platform)?.funnel.approved == 0)
    }

    @Test func ranksTopSKUs_byRevenueAndByUnits() throws {
        let top = try view(.platform, .platform).topSkus
        #expect(top.byRevenue.map(\.key) == ["TEA-1", "TEA-2", "CUP-1"])
        #expect(top.byUnits.map(\.key) == ["TEA-1", "CUP-1", "TEA-2"])
        #expect(top.byRevenue.first == AnalyticsFigures(key: "TEA-1", gmv: [T.cny(1_100_00)], orders: 2, units: 11))
    }

    @Test func breaksDownByRegionCategorySupplierDistributorAndBuyer() throws {
        let breakdowns = try view(.platform, .platform).breakdowns
        #expect(breakdowns.region.entries == [
            AnalyticsFigures(key: "CN-EAST", gmv: [T.cny(1_100_00)], orders: 1, units: 15),
            AnalyticsFigures(key: "CN-NORTH", gmv: [T.cny(250_00)], orders: 2, units: 4),
        ])
        #expect(breakdowns.category.entries.map(\.key) == ["Beverages", "Tableware"])
        #expect(breakdowns.category.entries.first?.orders == 3)
        #expect(breakdowns.supplier.entries.map(\.key) == ["SUP-TEA", "SUP-CUP"])
        #expect(breakdowns.distributor.entries == [
            AnalyticsFigures(key: "DIST-EAST", gmv: [T.cny(1_100_00)], orders: 2, units: 11),
            AnalyticsFigures(key: "direct", gmv: [T.cny(250_00)], orders: 2, units: 8),
        ])
        #expect(breakdowns.buyer.entries.map(\.key) == ["BUYER-ACME", "BUYER-BETA"])
        #expect(breakdowns.buyer.other == nil && breakdowns.buyer.keyCount == 2)
    }

    @Test func breakdownBeyondTheLimit_sumsTheRestUnderOther() throws {
        let state = Scenario.fold(policy: AnalyticsPolicy(topLimit: 1))
        let view = try #require(state.snapshot(for: .platform, asOf: asOf).view(.platform))
        #expect(view.breakdowns.region.entries.map(\.key) == ["CN-EAST"])
        #expect(view.breakdowns.region.other == AnalyticsFigures(key: "other", gmv: [T.cny(250_00)], orders: 2, units: 4))
        #expect(view.breakdowns.region.keyCount == 2)
        #expect(view.topSkus.byRevenue.count == 1)
    }

    @Test func onTimeShipping_isMeasuredFromConfirmation_withinTheWindow() throws {
        let platform = try view(.platform, .platform).shipping
        #expect(platform.shipped == 3 && platform.onTime == 2 && platform.onTimeBasisPoints == 6_666)
        #expect(platform.suppliers == [
            AnalyticsSupplierShipping(supplier: T.tea, shipped: 2, onTime: 2, onTimeBasisPoints: 10_000),
            AnalyticsSupplierShipping(supplier: T.cup, shipped: 1, onTime: 0, onTimeBasisPoints: 0),
        ])
        #expect(try view(.company(T.cup), .supplier).shipping.onTimeBasisPoints == 0)
        #expect(try view(.company(T.east), .distributor).shipping.shipped == 1, "only the sub-order with its line")
        #expect(try view(.company(T.acme), .buyer).shipping.onTime == 1)

        let strict = Scenario.fold(policy: AnalyticsPolicy(windows: windows(onTimeHours: 47)))
        #expect(strict.snapshot(for: .platform, asOf: asOf).view(.platform)?.shipping.onTime == 1,
                "O2 shipped 47 h 55 min after confirmation: late under a 47 h window")
    }

    @Test func dealerActivity_andChurn_areMeasuredFromAsOf() throws {
        let dealers = try view(.platform, .platform).dealers
        #expect(dealers.active == [AnalyticsDealer(buyer: T.beta, lastOrderAt: T.at(days: 70), ordersInWindow: 1)])
        #expect(dealers.churnWarnings == [AnalyticsDealer(buyer: T.acme, lastOrderAt: T.at(days: 1), ordersInWindow: 0)])
        #expect(dealers.own == nil)
        #expect(try view(.company(T.acme), .buyer).dealers.own?.lastOrderAt == T.at(days: 1))

        let earlier = state.snapshot(for: .platform, asOf: T.at(days: 60, seconds: -1)).view(.platform)?.dealers
        #expect(earlier?.churnWarningCount == 0, "59 days since ACME's last order: no warning yet")
        #expect(earlier?.activeCount == 0)
        let exactly = state.snapshot(for: .platform, asOf: T.at(days: 61)).view(.platform)?.dealers
        #expect(exactly?.churnWarnings.map(\.buyer) == [T.acme], "60 days to the millisecond: warned")
        let tea = try view(.company(T.tea), .supplier).dealers
        #expect(tea.active.map(\.buyer) == [T.beta])
        #expect(tea.churnWarnings.map(\.buyer) == [T.acme], "ACME's last tea order is O1 on day 0")
    }

    @Test func stock_reportsMovementTurnoverAndSlowMovers() throws {
        let asOf = T.at(days: 100)
        let stock = try #require(state.snapshot(for: .company(T.tea), asOf: asOf).view(.supplier)?.stock)
        #expect(stock.skus.map(\.sku.rawValue) == ["TEA-1", "TEA-2"])
        let tea1 = try #require(stock.skus.first)
        #expect(tea1.unitsSold == 11 && tea1.unitsReceived == 100 && tea1.unitsOut == 11 && tea1.onHand == 89)
        #expect(tea1.lastMovementAt == T.at(days: 70, minutes: 2))
        // TEA-2: 50 on hand for 10 d 2 h 5 min, then 47 until day 100; 3 out over 110 days.
        let integral: Int64 = 50 * 871_500 + 47 * 8_632_500
        #expect(stock.skus.last?.turnoverHundredths == 3 * 100 * 9_504_000 / integral)
        #expect(stock.slowMovers.map(\.sku.rawValue) == ["TEA-2"], "idle since day 0; TEA-1 moved on day 70")

        let platform = try #require(state.snapshot(for: .platform, asOf: asOf).view(.platform)?.stock)
        #expect(platform.skuCount == 4)
        #expect(platform.slowMovers.map(\.sku.rawValue) == ["TEA-2", "MUG-9", "CUP-1"], "most stock first")
        #expect(state.snapshot(for: .company(T.acme), asOf: asOf).view(.buyer)?.stock == nil)
    }

    func windows(onTimeHours: Int) -> AnalyticsWindows {
        let standard = AnalyticsWindows.standard
        return AnalyticsWindows(onTimeShippingHours: onTimeHours, activeDays: standard.activeDays,
                                churnDays: standard.churnDays, slowMoverDays: standard.slowMoverDays,
                                utcOffsetSeconds: standard.utcOffsetSeconds, minuteBuckets: standard.minuteBuckets,
                                hourBuckets: standard.hourBuckets, dayBuckets: standard.dayBuckets)
    }
}
