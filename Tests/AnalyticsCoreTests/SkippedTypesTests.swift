import AnalyticsCore
import Contracts
import Foundation
import Testing
import TestSupport

/// The analytics service passes over `AnalyticsSubscriptions.skippedMessageTypes` without parsing
/// them; that is only right while the fold would have ignored them anyway.
@Suite struct SkippedTypesTests {
    let subjects = BookkeepingSamples.Subjects(order: T.id("ORD-SKIP"), buyer: T.acme, sku: T.id("TEA-1"),
                                               warehouse: T.id("WH-1"), at: T.at(hours: 1))

    @Test func everySkippedType_isAnEventTypeOfTheReadTopics_withASample() {
        #expect(AnalyticsSubscriptions.skippedMessageTypes.isSubset(of: AnalyticsSubscriptions.handledMessageTypes))
        #expect(AnalyticsSubscriptions.skippedMessageTypes.isSubset(of: BookkeepingSamples.messageTypes(subjects)))
    }

    @Test func everySkippedType_movesNoNumber_evenForAKnownOrderAndSKU() {
        var state = AnalyticsState(policy: AnalyticsPolicy())
        let placed = state.apply(T.placed("ORD-SKIP", buyer: T.acme, at: T.at(), [
            T.Line(sku: "TEA-1", supplier: T.tea, quantity: 2, unitPrice: 1_000),
        ]), envelopeId: T.id("evt-placed"))
        #expect(placed)
        let skipped = AnalyticsSubscriptions.skippedMessageTypes
        var checked = 0
        for (index, event) in BookkeepingSamples.orderEvents(subjects).enumerated() where skipped.contains(event.messageType) {
            let changed = state.apply(event, envelopeId: T.id("evt-o-\(index)"))
            #expect(!changed, "\(event.messageType)")
            checked += 1
        }
        for (index, event) in BookkeepingSamples.inventoryEvents(subjects).enumerated() where skipped.contains(event.messageType) {
            let changed = state.apply(event, envelopeId: T.id("evt-i-\(index)"), occurredAt: T.at(hours: 1))
            #expect(!changed, "\(event.messageType)")
            checked += 1
        }
        for (index, event) in BookkeepingSamples.paymentEvents(subjects).enumerated() where skipped.contains(event.messageType) {
            let changed = state.apply(event, envelopeId: T.id("evt-p-\(index)"))
            #expect(!changed, "\(event.messageType)")
            checked += 1
        }
        #expect(checked == skipped.count)
    }
}
