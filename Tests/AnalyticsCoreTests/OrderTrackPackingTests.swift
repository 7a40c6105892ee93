import Contracts
import Foundation
@testable import AnalyticsCore
import Testing

/// Confirmed orders wait for their shipments packed; the numbers must not notice (the whole
/// scenario's expectations run on packed tracks: O1 and O2 ship and end after being packed).
@Suite struct OrderTrackPackingTests {
    @Test func aConfirmedOrderWaitingForShipmentIsPacked_andEndedOnesAreGone() {
        let state = Scenario.fold()
        // Only O4 is still open (confirmed, not shipped): held packed.
        #expect(state.openOrders.count == 1)
        #expect(state.openOrders.packedCount == 1)
        #expect(state.openOrders[T.id("O4")]?.lines.map(\.sku.rawValue) == ["TEA-1"])
    }
}
