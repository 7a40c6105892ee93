import Testing
import Contracts
import InventoryCore

/// Release gives units back (idempotently); commit takes them out of on-hand.
@Suite struct InventoryReleaseCommitTests {
    private func reserved(_ quantity: Int64 = 3, stock: [(WarehouseID, Int64)] = [(Build.shanghai, 10)]) -> Harness {
        var harness = Harness()
        harness.stock(stock)
        harness.handle(Build.reserve("r-1", "ORD-1-L1", quantity))
        return harness
    }

    @Test func release_returnsTheUnits() {
        var harness = reserved()
        let decision = harness.handle(Build.release("x-1", "ORD-1-L1"))
        #expect(decision == .accepted([.reservationReleased(ReservationReleased(
            commandId: Build.id("x-1"), reservation: "ORD-1-L1", order: Build.order, sku: Build.sku,
            allocations: [Build.allocation(Build.shanghai, 3)], reason: "order cancelled by buyer", available: 10))]))
        #expect(decision.replies.isEmpty)
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 0)
        #expect(harness.state.available(of: Build.sku) == 10)
        #expect(harness.state.reservation("ORD-1-L1", of: Build.sku)?.status == .released)
    }

    @Test func release_ofASplitReservation_returnsEveryWarehousesShare() {
        var harness = reserved(7, stock: [(Build.shanghai, 4), (Build.beijing, 5)])
        harness.handle(Build.release("x-1", "ORD-1-L1"))
        #expect(harness.state.available(of: Build.sku, in: Build.shanghai) == 4)
        #expect(harness.state.available(of: Build.sku, in: Build.beijing) == 5)
    }

    @Test func releasingTwice_isIdempotent_noSecondEvent() {
        var harness = reserved()
        harness.handle(Build.release("x-1", "ORD-1-L1"))
        let second = harness.handle(Build.release("x-2", "ORD-1-L1"))
        #expect(second == .unchanged())
        #expect(harness.state.available(of: Build.sku) == 10)
        // The same release command again is a duplicate.
        #expect(harness.handle(Build.release("x-1", "ORD-1-L1")) == .duplicate)
    }

    @Test func releasingAnUnknownReservation_changesNothing() {
        var harness = reserved()
        let before = harness.state
        #expect(harness.handle(Build.release("x-1", "ORD-9-L1", order: Build.id("ORD-9"))) == .unchanged())
        #expect(harness.handle(Build.release("x-2", "ORD-1-L1", sku: Build.id("SKU-OTHER"))) == .unchanged())
        #expect(harness.state == before)
    }

    @Test func releasingAnotherOrdersReservation_isRejected() {
        var harness = reserved()
        let rejection = harness.handle(Build.release("x-1", "ORD-1-L1", order: Build.id("ORD-2"))).rejection
        #expect(rejection?.code == .reservationConflict)
        #expect(rejection?.field == "order")
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 3)
    }

    @Test func commit_decreasesOnHandAndReserved_leavingAvailable() {
        var harness = reserved()
        let decision = harness.handle(Build.commit("c-1", "ORD-1-L1"))
        #expect(decision == .accepted([.reservationCommitted(ReservationCommitted(
            commandId: Build.id("c-1"), reservation: "ORD-1-L1", order: Build.order, sku: Build.sku,
            allocations: [Build.allocation(Build.shanghai, 3)], onHand: 7, available: 7))]))
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 7)
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 0)
        #expect(harness.state.available(of: Build.sku) == 7)
        #expect(harness.state.reservation("ORD-1-L1", of: Build.sku)?.status == .committed)
    }

    @Test func commit_ofASplitReservation_takesFromEachWarehouse() {
        var harness = reserved(7, stock: [(Build.shanghai, 4), (Build.beijing, 5)])
        harness.handle(Build.commit("c-1", "ORD-1-L1"))
        #expect(harness.state.warehouses(of: Build.sku) == [Build.shanghai: 2, Build.beijing: 0]) // Beijing (5) first, then 2 of Shanghai
        #expect(harness.state.available(of: Build.sku) == 2)
    }

    @Test func commitAfterRelease_isRejected() {
        var harness = reserved()
        harness.handle(Build.release("x-1", "ORD-1-L1"))
        let rejection = harness.handle(Build.commit("c-1", "ORD-1-L1")).rejection
        #expect(rejection == StockCommandRejected(
            commandId: Build.id("c-1"), sku: Build.sku, warehouse: nil, code: .reservationReleased,
            field: "reservation", reason: "reservation ORD-1-L1 was released: its units are no longer held"))
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 10)
    }

    @Test func releaseAfterCommit_isRejected() {
        var harness = reserved()
        harness.handle(Build.commit("c-1", "ORD-1-L1"))
        let rejection = harness.handle(Build.release("x-1", "ORD-1-L1")).rejection
        #expect(rejection?.code == .reservationCommitted)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 7)
        #expect(harness.state.available(of: Build.sku) == 7)
    }

    @Test func committingTwice_isIdempotent() {
        var harness = reserved()
        harness.handle(Build.commit("c-1", "ORD-1-L1"))
        #expect(harness.handle(Build.commit("c-2", "ORD-1-L1")) == .unchanged())
        #expect(harness.handle(Build.commit("c-1", "ORD-1-L1")) == .duplicate)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 7)
    }

    @Test func committingAnUnknownReservation_isRejected() {
        var harness = reserved()
        let rejection = harness.handle(Build.commit("c-1", "ORD-1-L9")).rejection
        #expect(rejection?.code == .unknownReservation)
        #expect(rejection?.field == "reservation")
    }

    @Test func committingAnotherOrdersReservation_isRejected() {
        var harness = reserved()
        #expect(harness.handle(Build.commit("c-1", "ORD-1-L1", order: Build.id("ORD-2"))).rejection?.code
            == .reservationConflict)
    }

    @Test func finishedReservations_areForgottenBeyondTheBound_openOnesNever() {
        var harness = Harness(state: InventoryState(rememberedCommandsPerSKU: 2))
        harness.stock([(Build.shanghai, 100)])
        for line in 1...4 { harness.handle(Build.reserve("r-\(line)", "ORD-1-L\(line)", 1)) }
        for line in 1...3 { harness.handle(Build.release("x-\(line)", "ORD-1-L\(line)")) }
        #expect(harness.state.reservation("ORD-1-L1", of: Build.sku) == nil)
        #expect(harness.state.reservation("ORD-1-L3", of: Build.sku)?.status == .released)
        #expect(harness.state.openReservations(of: Build.sku).map(\.id) == ["ORD-1-L4"])
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 1)
    }
}
