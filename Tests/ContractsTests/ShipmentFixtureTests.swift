import Foundation
import Testing
@testable import Contracts

/// The inbound shipment record carriers and WMSs write: frozen like every public message.
@Suite struct ShipmentFixtureTests {
    static let samples: [(String, Envelope<ShipmentUpdate>)] = [
        ("shipment.update.v1.json", envelope("wms-sf-000981-shipped", "corr-wms-000981", at: "2026-11-23T08:15:00.000Z",
                                             ShipmentUpdate(order: Samples.id("O-20261122-0001"), buyer: Samples.id("BUYER-ACME"),
                                                            subOrder: "O-20261122-0001-1", supplier: Samples.id("SUP-HANGZHOU-TEA"),
                                                            status: .shipped, carrier: "SF Express", trackingNumber: "SF1234567890"))),
        ("shipment.update.v1.delivered.json", envelope("wms-sf-000981-delivered", "corr-wms-000982", at: "2026-11-24T10:02:00.000Z",
                                                       ShipmentUpdate(order: Samples.id("O-20261122-0001"), buyer: Samples.id("BUYER-ACME"),
                                                                      subOrder: "O-20261122-0001-1", supplier: Samples.id("SUP-HANGZHOU-TEA"),
                                                                      status: .delivered))),
    ]

    static func envelope(_ id: String, _ correlation: String, at: String, _ update: ShipmentUpdate) -> Envelope<ShipmentUpdate> {
        Envelope(id: Samples.id(id), occurredAt: Samples.date(at), causationId: nil, correlationId: Samples.id(correlation),
                 tenant: "tradeflow", key: update.buyer.rawValue, payload: update)
    }

    @Test(arguments: samples.map(\.0))
    func encodesShipmentUpdate_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(Self.samples.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: ShipmentUpdate.self) == value)
    }
}
