import Testing
import Contracts
import InventoryCore

@Suite struct InventoryDeciderTests {
    @Test func receivesStock_intoNewWarehouse_creatingIt() {
        var harness = Harness()
        let decision = harness.handle(Build.receive("cmd-1", 120))
        #expect(decision == .accepted([.stockReceived(StockReceived(
            commandId: Build.id("cmd-1"), sku: Build.sku, warehouse: Build.shanghai, quantity: 120,
            reference: "ASN-1", onHand: 120))]))
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 120)
    }

    @Test func receivesStock_addingToExistingOnHand_perWarehouse() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 120))
        harness.handle(Build.receive("cmd-2", 30))
        harness.handle(Build.receive("cmd-3", 5, into: Build.beijing))
        #expect(harness.state.warehouses(of: Build.sku) == [Build.shanghai: 150, Build.beijing: 5])
    }

    @Test func adjustsStock_upAndDown_reportingResultingOnHand() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 10))
        #expect(harness.handle(Build.adjust("cmd-2", -4)).events.first
            == .stockAdjusted(StockAdjusted(commandId: Build.id("cmd-2"), sku: Build.sku, warehouse: Build.shanghai,
                                            delta: -4, reason: "cycle count", onHand: 6)))
        harness.handle(Build.adjust("cmd-3", 2))
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 8)
    }

    @Test func allowsAdjustment_toExactlyZero() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 10))
        #expect(harness.handle(Build.adjust("cmd-2", -10)).rejection == nil)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 0)
    }

    @Test func rejectsAdjustment_whenOnHandWouldGoNegative() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 3))
        let rejection = harness.handle(Build.adjust("cmd-2", -5)).rejection
        #expect(rejection == StockCommandRejected(
            commandId: Build.id("cmd-2"), sku: Build.sku, warehouse: Build.shanghai, code: .insufficientStock,
            field: "delta", reason: "delta -5 would leave on-hand at -2 in warehouse WH-SH-01 (on hand 3)"))
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 3)
    }

    @Test func rejectsAdjustment_thatWouldTakeOnHandBelowReserved_namingDelta() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 10))
        harness.handle(Build.reserve("cmd-2", "ORD-1-L1", 6))
        let rejection = harness.handle(Build.adjust("cmd-3", -5)).rejection
        #expect(rejection == StockCommandRejected(
            commandId: Build.id("cmd-3"), sku: Build.sku, warehouse: Build.shanghai, code: .insufficientStock,
            field: "delta",
            reason: "delta -5 would leave on-hand at 5 in warehouse WH-SH-01, below the 6 units reserved there (on hand 10); release reservations first"))
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 10)
    }

    @Test func allowsAdjustment_downToExactlyWhatIsReserved() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 10))
        harness.handle(Build.reserve("cmd-2", "ORD-1-L1", 6))
        #expect(harness.handle(Build.adjust("cmd-3", -4)).outcome == .accepted)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 6)
        #expect(harness.state.available(of: Build.sku, in: Build.shanghai) == 0)
    }

    @Test func rejectsAdjustment_inWarehouseWithoutStockRecord() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 3))
        let rejection = harness.handle(Build.adjust("cmd-2", 1, in: Build.beijing)).rejection
        #expect(rejection?.code == .unknownWarehouse)
        #expect(rejection?.field == "warehouse")
        #expect(harness.state.onHand(of: Build.sku, in: Build.beijing) == nil)
    }

    @Test(arguments: [Int64(0), -1, .min, 1_000_000_001, .max])
    func rejectsReceipt_whenQuantityIsOutOfRange(_ quantity: Int64) {
        var harness = Harness()
        let rejection = harness.handle(Build.receive("cmd-1", quantity)).rejection
        #expect(rejection?.code == .invalidQuantity)
        #expect(rejection?.field == "quantity")
        #expect(rejection?.reason == "quantity must be between 1 and 1000000000, got \(quantity)")
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == nil)
    }

    @Test func acceptsReceipt_atTheQuantityLimit() {
        var harness = Harness()
        #expect(harness.handle(Build.receive("cmd-1", 1_000_000_000)).rejection == nil)
    }

    @Test(arguments: [Int64(0), -1_000_000_001, 1_000_000_001, .min])
    func rejectsAdjustment_whenDeltaIsZeroOrTooLarge(_ delta: Int64) {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 10))
        let rejection = harness.handle(Build.adjust("cmd-2", delta)).rejection
        #expect(rejection?.code == .invalidQuantity)
        #expect(rejection?.field == "delta")
    }

    @Test(arguments: ["", "   ", String(repeating: "x", count: 257)])
    func rejectsReceipt_whenReferenceIsBlankOrTooLong(_ reference: String) {
        var harness = Harness()
        let rejection = harness.handle(Build.receive("cmd-1", 5, reference: reference)).rejection
        #expect(rejection?.code == .invalidField)
        #expect(rejection?.field == "reference")
    }

    @Test func rejectsAdjustment_whenReasonIsBlank() {
        var harness = Harness()
        harness.handle(Build.receive("cmd-1", 5))
        #expect(harness.handle(Build.adjust("cmd-2", 1, reason: " ")).rejection?.field == "reason")
    }

    @Test func rejectsReceipt_thatWouldOverflowOnHand() {
        var state = InventoryState()
        state.apply(.stockReceived(StockReceived(commandId: Build.id("seed"), sku: Build.sku, warehouse: Build.shanghai,
                                                 quantity: 1, reference: "seed", onHand: .max - 5)))
        let rejection = InventoryDecider().decide(Build.receive("cmd-1", 6), state: state).rejection
        #expect(rejection?.code == .quantityOverflow)
        #expect(rejection?.field == "quantity")
    }

    @Test func maximumQuantity_isConfigurable() {
        let decider = InventoryDecider(maximumQuantity: 100)
        #expect(decider.decide(Build.receive("cmd-1", 101), state: InventoryState()).rejection?.field == "quantity")
        #expect(decider.decide(Build.receive("cmd-1", 100), state: InventoryState()).rejection == nil)
    }
}
