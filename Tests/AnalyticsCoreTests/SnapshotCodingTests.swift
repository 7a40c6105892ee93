import AnalyticsCore
import Contracts
import Foundation
import Testing

@Suite struct SnapshotCodingTests {
    @Test func snapshotEnvelope_roundTripsThroughTheWire() throws {
        let state = Scenario.fold()
        for scope in Scenario.everyScope {
            let snapshot = state.snapshot(for: scope, asOf: T.at(days: 100))
            let envelope = Envelope(id: .derived(from: "analytics", snapshot.key, "1"), occurredAt: T.at(days: 100),
                                    causationId: nil, correlationId: T.id("analytics"), tenant: "tradeflow",
                                    key: snapshot.key, payload: snapshot)
            let bytes = try WireFormat.encode(envelope)
            #expect(try WireFormat.decode(bytes, as: AnalyticsSnapshot.self) == envelope)
            #expect(bytes.count < 64 * 1_024)
        }
    }

    @Test func aSnapshotAtItsBounds_staysFarBelowKafkasMessageLimit() throws {
        // 300 buyers, 300 SKUs, 300 regions and categories, a sale every minute and hour: every list at its bound.
        var state = AnalyticsState()
        for index in 0..<1_200 {
            let order = "O\(index)"
            let date = T.at(hours: Double(index) - 1_199 + 24 * 400, minutes: Double(index % 60))
            state.apply(T.placed(order, buyer: T.id("BUYER-\(index % 300)"), at: date, region: "REGION-\(index % 300)", [
                T.Line(sku: "SKU-\(index % 300)", supplier: T.id("SUP-\(index % 250)"), distributor: T.id("D-\(index % 250)"),
                       category: ["Category \(index % 300)"], quantity: 1, unitPrice: 1_000_00),
            ]), envelopeId: T.id("p\(index)"))
            state.apply(T.confirmed(order, buyer: T.id("BUYER-\(index % 300)"), at: date, amount: 1_000_00),
                        envelopeId: T.id("c\(index)"))
            state.apply(T.shipped(order, buyer: T.id("BUYER-\(index % 300)"), supplier: T.id("SUP-\(index % 250)"),
                                  at: date), envelopeId: T.id("s\(index)"))
        }
        let snapshot = state.snapshot(for: .platform, asOf: T.at(days: 400))
        let size = try WireFormat.encodeValue(snapshot).count
        #expect(size < WireFormat.maximumMessageBytes / 4, "\(size) bytes")
    }
}
