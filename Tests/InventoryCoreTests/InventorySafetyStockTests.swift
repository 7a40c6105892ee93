import Testing
import Contracts
import InventoryCore

/// `low-stock` once per crossing below a safety stock, SKU-wide or per warehouse.
@Suite struct InventorySafetyStockTests {
    @Test func setsSafetyStock_reportingAvailableInScope() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 20), (Build.beijing, 5)])
        #expect(harness.handle(Build.safetyStock("s-1", 10)) == .accepted([.safetyStockSet(SafetyStockSet(
            commandId: Build.id("s-1"), sku: Build.sku, warehouse: nil, quantity: 10, available: 25))]))
        #expect(harness.handle(Build.safetyStock("s-2", 3, in: Build.beijing)).events.first
            == .safetyStockSet(SafetyStockSet(commandId: Build.id("s-2"), sku: Build.sku, warehouse: Build.beijing,
                                              quantity: 3, available: 5)))
        #expect(harness.state.safetyStock(of: Build.sku) == 10)
        #expect(harness.state.safetyStock(of: Build.sku, in: Build.beijing) == 3)
    }

    @Test func emitsLowStock_whenAReservationTakesAvailableBelowSafetyStock_onlyOncePerCrossing() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 12)])
        harness.handle(Build.safetyStock("s-1", 10))
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 2)).lowStockWarnings.isEmpty) // 10: not below
        let crossing = harness.handle(Build.reserve("r-2", "ORD-1-L2", 1))
        #expect(crossing.lowStockWarnings == [LowStock(commandId: Build.id("r-2"), sku: Build.sku, warehouse: nil,
                                                       available: 9, safetyStock: 10)])
        #expect(harness.handle(Build.reserve("r-3", "ORD-1-L3", 1)).lowStockWarnings.isEmpty) // still below
        harness.handle(Build.release("x-1", "ORD-1-L1")) // back to 10: no longer low
        #expect(harness.handle(Build.adjust("a-1", -1)).lowStockWarnings.count == 1) // crosses again
    }

    @Test func commit_doesNotChangeAvailable_soRaisesNoWarning() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 12)])
        harness.handle(Build.safetyStock("s-1", 10))
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 5))
        #expect(harness.handle(Build.commit("c-1", "ORD-1-L1")).lowStockWarnings.isEmpty)
    }

    @Test func settingASafetyStockAboveAvailable_isACrossing() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 4)])
        let decision = harness.handle(Build.safetyStock("s-1", 5))
        #expect(decision.lowStockWarnings == [LowStock(commandId: Build.id("s-1"), sku: Build.sku, warehouse: nil,
                                                       available: 4, safetyStock: 5)])
        #expect(harness.handle(Build.safetyStock("s-2", 6)).lowStockWarnings.isEmpty) // already low
    }

    @Test func perWarehouseSafetyStock_watchesThatWarehouseOnly() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 10), (Build.beijing, 10)])
        harness.handle(Build.safetyStock("s-1", 5, in: Build.shanghai))
        harness.handle(Build.safetyStock("s-2", 15))
        let decision = harness.handle(Build.adjust("a-1", -6))
        #expect(decision.lowStockWarnings == [
            LowStock(commandId: Build.id("a-1"), sku: Build.sku, warehouse: nil, available: 14, safetyStock: 15),
            LowStock(commandId: Build.id("a-1"), sku: Build.sku, warehouse: Build.shanghai, available: 4, safetyStock: 5),
        ])
        #expect(harness.handle(Build.adjust("a-2", -1, in: Build.beijing)).lowStockWarnings.isEmpty)
    }

    @Test func zeroSafetyStock_removesTheLevel() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 3)])
        harness.handle(Build.safetyStock("s-1", 5, in: Build.shanghai))
        harness.handle(Build.safetyStock("s-2", 0, in: Build.shanghai))
        #expect(harness.state.safetyStock(of: Build.sku, in: Build.shanghai) == 0)
        harness.handle(Build.safetyStock("s-3", 2, in: Build.shanghai))
        #expect(harness.handle(Build.adjust("a-1", -2)).lowStockWarnings.count == 1)
    }

    @Test(arguments: [Int64(-1), 1_000_000_001])
    func rejectsSafetyStock_outOfRange(_ quantity: Int64) {
        var harness = Harness()
        let rejection = harness.handle(Build.safetyStock("s-1", quantity)).rejection
        #expect(rejection?.code == .invalidQuantity)
        #expect(rejection?.field == "quantity")
    }

    @Test func lowStockEvents_arePublishedAfterTheirCause_withTheirOwnIds() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        harness.handle(Build.safetyStock("s-1", 5))
        let command = Build.reserve("r-1", "ORD-1-L1", 1)
        let envelopes = harness.handle(command).envelopes(causedBy: command, occurredAt: Build.now)
        #expect(envelopes.map(\.type) == ["inventory.stock-reserved", "inventory.low-stock"])
        #expect(envelopes[1].id == MessageID.derived(from: "r-1", "inventory.low-stock", "1"))
        #expect(envelopes.allSatisfy { $0.key == Build.sku.rawValue })
    }
}
