import Contracts

/// Turns a carrier's or WMS's shipment update into the order command it stands for. Pure: the
/// order service relays the result to the buyer's partition, where the order decides it like the
/// same action taken in the API (so a wrong supplier or an unknown sub-order is refused there, as
/// an event the sender can follow). What is wrong with the record itself is refused here.
public enum ShipmentRelay {
    public static func command(for update: ShipmentUpdate) throws(Refusal) -> OrderCommand {
        try TextRules.require(update.subOrder, field: "subOrder", maximum: TextRules.shortText)
        switch update.status {
        case .shipped:
            guard let carrier = update.carrier else { throw .invalid("carrier", "a shipped update needs the carrier") }
            guard let tracking = update.trackingNumber else {
                throw .invalid("trackingNumber", "a shipped update needs the tracking number")
            }
            try TextRules.require(carrier, field: "carrier", maximum: TextRules.shortText)
            try TextRules.require(tracking, field: "trackingNumber", maximum: TextRules.shortText)
            return .ship(ShipSubOrder(order: update.order, buyer: update.buyer, subOrder: update.subOrder, carrier: carrier,
                                      trackingNumber: tracking, by: update.supplier))
        case .delivered:
            return .confirmDelivery(ConfirmDelivery(order: update.order, buyer: update.buyer, subOrder: update.subOrder))
        }
    }
}
