import Testing
import Contracts
import InventoryCore

/// Which warehouses a reservation is held in: region first, then most available, split only when
/// no warehouse can fill the line alone.
@Suite struct InventoryAllocationTests {
    @Test func reservesFromTheWarehouseWithMostAvailable_whenNoRegionIsGiven() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5), (Build.beijing, 8)])
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 4)).reserved == [Build.allocation(Build.beijing, 4)])
    }

    @Test func breaksTiesByWarehouseId() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5), (Build.beijing, 5)])
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 2)).reserved == [Build.allocation(Build.beijing, 2)])
    }

    @Test func splitsAcrossWarehouses_whenNoneHasEnoughAlone_mostAvailableFirst() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 4), (Build.beijing, 3), (Build.guangzhou, 6)])
        let decision = harness.handle(Build.reserve("r-1", "ORD-1-L1", 12))
        #expect(decision.reserved == [Build.allocation(Build.guangzhou, 6), Build.allocation(Build.shanghai, 4),
                                      Build.allocation(Build.beijing, 2)])
        #expect(decision.replyOutcome == .reserved(allocations: decision.reserved ?? []))
        #expect(harness.state.available(of: Build.sku, in: Build.guangzhou) == 0)
        #expect(harness.state.available(of: Build.sku, in: Build.shanghai) == 0)
        #expect(harness.state.available(of: Build.sku, in: Build.beijing) == 1)
        #expect(harness.state.available(of: Build.sku) == 1)
    }

    @Test func splitUsesEveryLastUnit_whenExactlyEnoughAcrossWarehouses() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 4), (Build.beijing, 3)])
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 7)).reserved
            == [Build.allocation(Build.shanghai, 4), Build.allocation(Build.beijing, 3)])
        #expect(harness.handle(Build.reserve("r-2", "ORD-1-L2", 1)).reservationRejection?.available == 0)
    }

    @Test func skipsWarehousesWithNothingAvailable() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 4), (Build.beijing, 3)])
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 4))
        #expect(harness.handle(Build.reserve("r-2", "ORD-2-L1", 2, order: Build.id("ORD-2"))).reserved
            == [Build.allocation(Build.beijing, 2)])
    }

    @Test func prefersAWarehouseInTheBuyersRegion_overOneWithMoreAvailable() {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.shanghai, "East China"))
        harness.handle(Build.region("g-2", Build.beijing, "North China"))
        harness.stock([(Build.shanghai, 5), (Build.beijing, 50)])
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 5, region: " east china ")).reserved
            == [Build.allocation(Build.shanghai, 5)])
        #expect(harness.handle(Build.reserve("r-2", "ORD-2-L1", 5, order: Build.id("ORD-2"), region: "North China")).reserved
            == [Build.allocation(Build.beijing, 5)])
    }

    @Test func prefersASingleRemoteShipment_overARegionalSplit() {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.shanghai, "East China"))
        harness.stock([(Build.shanghai, 3), (Build.beijing, 50)])
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 10, region: "East China")).reserved
            == [Build.allocation(Build.beijing, 10)])
    }

    @Test func splitTakesTheBuyersRegionFirst() {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.shanghai, "East China"))
        harness.handle(Build.region("g-2", Build.guangzhou, "East China"))
        harness.stock([(Build.shanghai, 3), (Build.guangzhou, 2), (Build.beijing, 6)])
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 9, region: "East China")).reserved
            == [Build.allocation(Build.shanghai, 3), Build.allocation(Build.guangzhou, 2),
                Build.allocation(Build.beijing, 4)])
    }

    @Test func unknownOrBlankBuyerRegion_fallsBackToMostAvailable() {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.shanghai, "East China"))
        harness.stock([(Build.shanghai, 5), (Build.beijing, 8)])
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 1, region: "Tibet")).reserved
            == [Build.allocation(Build.beijing, 1)])
        #expect(harness.handle(Build.reserve("r-2", "ORD-1-L2", 1, region: "  ")).reserved
            == [Build.allocation(Build.beijing, 1)])
    }
}
