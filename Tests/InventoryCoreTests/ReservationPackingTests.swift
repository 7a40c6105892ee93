import Contracts
import Foundation
@testable import InventoryCore
import Packing
import Testing

/// Finished reservations are kept packed; releasing, committing and checkpoints must not notice.
@Suite struct ReservationPackingTests {
    private func harness() -> Harness {
        var harness = Harness()
        harness.stock([(Build.shanghai, 100)])
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 10))
        harness.handle(Build.reserve("r-2", "ORD-2-L1", 20, order: Build.id("ORD-2")))
        return harness
    }

    @Test func finishedReservationsArePacked_openOnesAreNot() throws {
        var harness = harness()
        #expect(harness.state.skus[Build.sku]?.reservations.packedCount == 0)
        #expect(harness.state.openReservations(of: Build.sku).map(\.id) == ["ORD-1-L1", "ORD-2-L1"])
        #expect(harness.state.available(of: Build.sku, in: Build.shanghai) == 70)
        harness.handle(Build.release("x-1", "ORD-1-L1"))
        harness.handle(Build.commit("c-2", "ORD-2-L1", order: Build.id("ORD-2")))
        #expect(harness.state.reservation("ORD-1-L1", of: Build.sku)?.status == .released)
        #expect(harness.state.reservation("ORD-2-L1", of: Build.sku)?.status == .committed)
        #expect(harness.state.openReservations(of: Build.sku).isEmpty)
        #expect(harness.state.skus[Build.sku]?.reservations.packedCount == 2)
        #expect(harness.state.available(of: Build.sku, in: Build.shanghai) == 80) // 20 left with the commit
    }

    @Test func aCheckpointKeepsThemPacked_andRestoresTheSameState() throws {
        var harness = harness()
        harness.handle(Build.release("x-1", "ORD-1-L1"))
        let state = harness.state
        let read = try WireFormat.decodeValue(InventoryState.self, from: WireFormat.encodeValue(state))
        #expect(read == state)
        #expect(read.skus[Build.sku]?.reservations.packedCount == 1)
        #expect(read.reservation("ORD-2-L1", of: Build.sku)?.quantity == 20)
    }

    @Test func theDictionaryShrinksAPackedReservation() throws {
        let reservation = try #require(harness().state.reservation("ORD-1-L1", of: Build.sku))
        let withDictionary = try Packed(reservation).bytes.count
        let without = try Deflate.compress(WireFormat.encodeValue(reservation)).count
        #expect(withDictionary * 10 < without * 8, "\(withDictionary) bytes with the dictionary, \(without) without")
    }
}
