import Contracts
import OrderCore
import Testing

/// Carriers' updates become the order commands they stand for; broken ones are refused by field.
@Suite struct ShipmentRelayTests {
    func update(_ status: ShipmentUpdate.Status, carrier: String? = "SF Express", tracking: String? = "SF1",
                subOrder: String = "O-1-1") throws -> ShipmentUpdate {
        ShipmentUpdate(order: try OrderID("O-1"), buyer: try CompanyID("BUYER-1"), subOrder: subOrder,
                       supplier: try CompanyID("SUP-1"), status: status, carrier: carrier, trackingNumber: tracking)
    }

    @Test func shipped_becomesShip_bySupplier() throws {
        let command = try ShipmentRelay.command(for: update(.shipped))
        guard case let .ship(ship) = command else { Issue.record("\(command)"); return }
        #expect(ship.by.rawValue == "SUP-1" && ship.carrier == "SF Express" && ship.trackingNumber == "SF1" && ship.subOrder == "O-1-1")
        #expect(command.buyer?.rawValue == "BUYER-1")
    }

    @Test func delivered_becomesConfirmDelivery() throws {
        guard case let .confirmDelivery(confirm) = try ShipmentRelay.command(for: update(.delivered, carrier: nil, tracking: nil)) else {
            Issue.record("not a delivery confirmation"); return
        }
        #expect(confirm.subOrder == "O-1-1")
    }

    @Test func brokenUpdates_areRefusedNamingTheField() throws {
        let cases: [(ShipmentUpdate, String)] = [
            (try update(.shipped, carrier: nil), "carrier"), (try update(.shipped, tracking: nil), "trackingNumber"),
            (try update(.shipped, tracking: "  "), "trackingNumber"), (try update(.shipped, subOrder: ""), "subOrder"),
            (try update(.shipped, carrier: String(repeating: "x", count: 101)), "carrier"),
        ]
        for (broken, field) in cases {
            #expect(throws: Refusal.self) { try ShipmentRelay.command(for: broken) }
            do { _ = try ShipmentRelay.command(for: broken) } catch { #expect(error.field == field) }
        }
    }
}
