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
            commandId: Build.id("g-1"), warehouse: Build.shanghai, region: "East China"))]))
        #expect(harness.state.warehouseRegions == [Build.shanghai: "East China"])
        let envelope = try #require(decision.envelopes(causedBy: command, occurredAt: Build.now).first)
        #expect(envelope.key == "broadcast-17")
    }

    @Test func replacesARegion() {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.shanghai, "East China"))
        harness.handle(Build.region("g-2", Build.shanghai, "华东"))
        #expect(harness.state.warehouseRegions[Build.shanghai] == "华东")
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
        #expect(harness.state.warehouseRegions.isEmpty)
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
}
