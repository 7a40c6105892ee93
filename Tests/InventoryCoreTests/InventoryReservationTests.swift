import Testing
import Contracts
import InventoryCore

/// Reserve: all or nothing, boundaries, unknown SKU, validation, reuse of a reservation id.
@Suite struct InventoryReservationTests {
    @Test func reservesStock_whenExactlyEnoughIsAvailable() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        let decision = harness.handle(Build.reserve("r-1", "ORD-1-L1", 5))
        #expect(decision == .accepted(
            [.stockReserved(StockReserved(commandId: Build.id("r-1"), reservation: "ORD-1-L1", order: Build.order,
                                          sku: Build.sku, allocations: [Build.allocation(Build.shanghai, 5)],
                                          available: 0))],
            replies: [InventoryReply(key: "COMPANY-ACME", payload: StockReservationResult(
                reservation: "ORD-1-L1", order: Build.order, sku: Build.sku,
                outcome: .reserved(allocations: [Build.allocation(Build.shanghai, 5)])))]))
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 5)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 5)
        #expect(harness.state.available(of: Build.sku) == 0)
        #expect(harness.state.reservation("ORD-1-L1", of: Build.sku)?.status == .reserved)
    }

    @Test func rejectsReservation_whenStockInsufficient_byOneUnit_reportingAvailable() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 3), (Build.beijing, 1)])
        let decision = harness.handle(Build.reserve("r-1", "ORD-1-L1", 5))
        let reason = "requested 5 of SKU-RED-42 but only 4 available"
        #expect(decision.reservationRejection == ReservationRejected(
            commandId: Build.id("r-1"), reservation: "ORD-1-L1", order: Build.order, sku: Build.sku,
            code: .insufficientStock, field: "quantity", available: 4, reason: reason))
        #expect(decision.replyOutcome == .rejected(code: .insufficientStock, available: 4, reason: reason))
        #expect(decision.replies.first?.key == "COMPANY-ACME")
        // Nothing is held: never a partial reservation.
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 0)
        #expect(harness.state.reserved(of: Build.sku, in: Build.beijing) == 0)
        #expect(harness.state.available(of: Build.sku) == 4)
        #expect(harness.state.reservation("ORD-1-L1", of: Build.sku) == nil)
    }

    @Test func rejectsReservation_ofSKUNeverStocked_asUnknownSKU() {
        var harness = Harness()
        let decision = harness.handle(Build.reserve("r-1", "ORD-1-L1", 1))
        #expect(decision.reservationRejection?.code == .unknownSKU)
        #expect(decision.reservationRejection?.field == "sku")
        #expect(decision.replyOutcome == .rejected(code: .unknownSKU, available: 0,
                                                   reason: "SKU-RED-42 is not stocked in any warehouse"))
    }

    @Test func rejectsReservation_whenStockWasReceivedButIsAllReservedOrGone() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 2)])
        harness.handle(Build.adjust("a-1", -2))
        let decision = harness.handle(Build.reserve("r-1", "ORD-1-L1", 1))
        #expect(decision.reservationRejection?.code == .insufficientStock)
        #expect(decision.reservationRejection?.available == 0)
    }

    @Test(arguments: [Int64(0), -1, .min, 1_000_000_001])
    func rejectsReservation_whenQuantityIsOutOfRange(_ quantity: Int64) {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        let decision = harness.handle(Build.reserve("r-1", "ORD-1-L1", quantity))
        #expect(decision.reservationRejection?.code == .invalidQuantity)
        #expect(decision.reservationRejection?.field == "quantity")
        #expect(decision.replies.count == 1)
        #expect(harness.state.available(of: Build.sku) == 5)
    }

    @Test func rejectsReservation_withBlankReservationId_stillAnsweringTheBuyer() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        let decision = harness.handle(Build.reserve("r-1", " ", 1))
        #expect(decision.reservationRejection?.field == "reservation")
        #expect(decision.replies.first?.key == "COMPANY-ACME")
    }

    @Test func rejectsReservation_withBlankReplyKey_answeringTheBuyerPartitionInstead() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        let decision = harness.handle(Build.reserve("r-1", "ORD-1-L1", 1, replyKey: ""))
        #expect(decision.reservationRejection?.field == "replyKey")
        #expect(decision.replies.first?.key == Build.buyer.rawValue)
    }

    @Test func reAskingForAHeldReservation_reSendsItsAllocations_withoutReservingTwice() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 3))
        let again = harness.handle(Build.reserve("r-2", "ORD-1-L1", 3))
        #expect(again.outcome == .unchanged)
        #expect(again.events.isEmpty)
        #expect(again.replyOutcome == .reserved(allocations: [Build.allocation(Build.shanghai, 3)]))
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 3)
    }

    @Test func reusingAReservationId_forAnotherQuantityOrOrder_isAConflict() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 10)])
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 3))
        let otherQuantity = harness.handle(Build.reserve("r-2", "ORD-1-L1", 4))
        let otherOrder = harness.handle(Build.reserve("r-3", "ORD-1-L1", 3, order: Build.id("ORD-2")))
        #expect(otherQuantity.reservationRejection?.code == .reservationConflict)
        #expect(otherOrder.reservationRejection?.code == .reservationConflict)
        #expect(otherOrder.replyOutcome.map { if case .rejected = $0 { true } else { false } } == true)
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 3)
    }

    @Test func reservingAReleasedReservationAgain_isAConflict_notASecondHold() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 10)])
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 3))
        harness.handle(Build.release("x-1", "ORD-1-L1"))
        let decision = harness.handle(Build.reserve("r-2", "ORD-1-L1", 3))
        #expect(decision.reservationRejection?.code == .reservationConflict)
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 0)
    }

    @Test func reservationsOfDifferentSKUs_areIndependent() {
        var harness = Harness()
        let other: SKU = Build.id("SKU-BLUE-7")
        harness.stock([(Build.shanghai, 2)])
        harness.stock([(Build.shanghai, 9)], sku: other)
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 3)).reservationRejection?.code == .insufficientStock)
        #expect(harness.handle(Build.reserve("r-2", "ORD-1-L2", 3, sku: other)).reserved != nil)
        #expect(harness.state.available(of: other) == 6)
        #expect(harness.state.available(of: Build.sku) == 2)
    }
}
