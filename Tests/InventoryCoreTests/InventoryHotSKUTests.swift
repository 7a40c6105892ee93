import Testing
import Contracts
import InventoryCore

/// DESIGN principle 2: a flash sale on one SKU is one in-memory sequence of decisions on the SKU's
/// partition. However many orders race for it, they are decided one after another: no oversell.
@Suite struct InventoryHotSKUTests {
    @Test func twentyThousandSingleUnitOrders_forOneThousandUnits_reserveExactlyOneThousand() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 600), (Build.beijing, 400)])
        var granted = 0
        var rejected = 0
        for attempt in 1...20_000 {
            let order: OrderID = Build.id("ORD-\(attempt)")
            let decision = harness.handle(Build.reserve("r-\(attempt)", "ORD-\(attempt)-L1", 1, order: order,
                                                        replyKey: "BUYER-\(attempt % 97)"))
            #expect(decision.replies.count == 1)
            switch decision.outcome {
            case .accepted: granted += 1
            case .rejected:
                rejected += 1
                #expect(decision.reservationRejection?.code == .insufficientStock)
                #expect(decision.reservationRejection?.available == 0)
            default: Issue.record("unexpected \(decision.outcome)")
            }
        }
        #expect(granted == 1_000)
        #expect(rejected == 19_000)
        #expect(harness.state.available(of: Build.sku) == 0)
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 600)
        #expect(harness.state.reserved(of: Build.sku, in: Build.beijing) == 400)
        #expect(harness.state.openReservations(of: Build.sku).count == 1_000)
        // The first 1,000 in sequence got the units.
        #expect(harness.state.reservation("ORD-1000-L1", of: Build.sku)?.status == .reserved)
        #expect(harness.state.reservation("ORD-1001-L1", of: Build.sku) == nil)
    }
}
