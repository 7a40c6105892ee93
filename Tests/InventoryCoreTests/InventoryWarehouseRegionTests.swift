import Testing
import Contracts
import InventoryCore

/// Warehouse regions: state of the whole partition, set by a command each partition gets a copy of.
@Suite struct InventoryWarehouseRegionTests {
    @Test func setsTheRegion_trimmed_keyedLikeTheCommandCopy() throws {
        var harness = Harness()
        let command = Build.region("g-1", Build.shanghai, "  East China ", key: "broadcast-17")
        let decision = harness.handle(command)
        #expect(decision == .accepted([.warehouseRegionSet(WarehouseRegionSet(
            commandId: Build.id("g-1"), warehouse: Build.shanghai, supplier: Build.supplier, region: "East China"))]))
        #expect(harness.state.warehouseRegions(of: Build.supplier) == [Build.shanghai: "East China"])
        let envelope = try #require(decision.envelopes(causedBy: command, occurredAt: Build.now).first)
        #expect(envelope.key == "broadcast-17")
    }

    @Test func replacesARegion() {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.shanghai, "East China"))
        harness.handle(Build.region("g-2", Build.shanghai, "华东"))
        #expect(harness.state.warehouseRegions(of: Build.supplier)[Build.shanghai] == "华东")
    }

    @Test(arguments: ["", "   ", String(repeating: "r", count: 65)])
    func rejectsBlankOrOverlongRegion(_ region: String) {
        var harness = Harness()
        let decision = harness.handle(Build.region("g-1", Build.shanghai, region))
        guard case let .warehouseCommandRejected(rejection)? = decision.events.first else {
            Issue.record("expected a warehouse-command-rejected, got \(decision)")
            return
        }
        #expect(decision.outcome == .rejected)
        #expect(rejection.code == .invalidField)
        #expect(rejection.field == "region")
        #expect(harness.state.supplierWarehouseRegions.isEmpty)
    }

    @Test func repeatedRegionCommand_isADuplicate_includingARejectedOne() {
        var harness = Harness()
        let command = Build.region("g-1", Build.shanghai, "East China")
        harness.handle(command)
        #expect(harness.handle(command) == .duplicate)
        let bad = Build.region("g-2", Build.beijing, " ")
        harness.handle(bad)
        #expect(harness.handle(bad) == .duplicate)
        #expect(harness.state.hasHandledWarehouseCommand(Build.id("g-2")))
    }

    // A warehouse id is nobody's: suppliers sharing a third-party warehouse each keep their own region
    // for it, and one setting it cannot reroute another's reservations.
    @Test func aRegionSteersOnlyTheStockOfTheSupplierThatSetIt() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 10), (Build.beijing, 50)])
        harness.handle(Build.region("g-1", Build.beijing, "East China", supplier: Build.otherSupplier))
        #expect(harness.state.warehouseRegions(of: Build.supplier).isEmpty)
        #expect(harness.state.warehouseRegions(of: Build.otherSupplier) == [Build.beijing: "East China"])

        harness.handle(Build.region("g-2", Build.shanghai, "East China"))
        // Had the other supplier's setting counted, both would be in the region and the fuller won.
        #expect(harness.handle(Build.reserve("r-1", "ORD-1-L1", 5, region: "East China")).reserved
            == [Build.allocation(Build.shanghai, 5)])
    }

    @Test func aRegionSetForEverySupplier_appliesUntilASupplierSetsItsOwn() {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.shanghai, "East China", supplier: nil))
        #expect(harness.state.warehouseRegions(of: Build.otherSupplier) == [Build.shanghai: "East China"])
        #expect(harness.state.warehouseRegions(of: nil) == [Build.shanghai: "East China"])

        harness.handle(Build.region("g-2", Build.shanghai, "North China", supplier: Build.otherSupplier))
        #expect(harness.state.warehouseRegions(of: Build.otherSupplier) == [Build.shanghai: "North China"])
        #expect(harness.state.warehouseRegions(of: Build.supplier) == [Build.shanghai: "East China"])
    }
}
