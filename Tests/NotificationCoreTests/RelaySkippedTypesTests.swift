import Contracts
import Foundation
import NotificationCore
import Testing
import TestSupport

/// The relay passes over `NotificationSubscriptions.relaySkippedMessageTypes` without parsing
/// them; that is only right while the router would draft nothing for them and remember nothing.
@Suite struct RelaySkippedTypesTests {
    let subjects = BookkeepingSamples.Subjects(order: Fixture.order, buyer: Fixture.buyer, sku: Fixture.sku,
                                               warehouse: Fixture.id("WH-1"), at: Fixture.at(60))

    @Test func everySkippedType_isAnEventTypeOfTheRelayedTopics_withASample() {
        let skipped = NotificationSubscriptions.relaySkippedMessageTypes
        #expect(skipped.isSubset(of: NotificationSubscriptions.relayHandledMessageTypes))
        #expect(skipped.isSubset(of: BookkeepingSamples.messageTypes(subjects)))
    }

    @Test func everySkippedType_draftsNothing_andLeavesTheRouterAsItWas() {
        var router = NotificationRouter()
        var suppliers = SKUSuppliers()
        let placed = Fixture.envelope("evt-placed", OrderEvent.placed(Fixture.placed), key: Fixture.buyer.rawValue)
        _ = router.route(placed)
        suppliers.learn(placed.payload)
        let skipped = NotificationSubscriptions.relaySkippedMessageTypes
        let before = router
        var checked = 0
        for (index, event) in BookkeepingSamples.orderEvents(subjects).enumerated() where skipped.contains(event.messageType) {
            #expect(router.route(Fixture.envelope("evt-o-\(index)", event, key: Fixture.buyer.rawValue)).isEmpty)
            checked += 1
        }
        for (index, event) in BookkeepingSamples.inventoryEvents(subjects).enumerated() where skipped.contains(event.messageType) {
            #expect(suppliers.route(Fixture.envelope("evt-i-\(index)", event, key: Fixture.sku.rawValue)).isEmpty)
            checked += 1
        }
        for (index, event) in BookkeepingSamples.paymentEvents(subjects).enumerated() where skipped.contains(event.messageType) {
            #expect(router.route(Fixture.envelope("evt-p-\(index)", event, key: Fixture.buyer.rawValue)).isEmpty)
            checked += 1
        }
        #expect(checked == skipped.count)
        #expect(router == before)
    }
}
