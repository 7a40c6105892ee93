/// The stock reservation of one order line (its reservation id is the line id).
public enum LineReservationStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// Not asked for yet (the order waits for approval).
    case unrequested = "unrequested"
    /// `inventory.reserve-stock` sent; no answer yet.
    case requested = "requested"
    case reserved = "reserved"
    /// Inventory could not reserve it (insufficient stock, unknown SKU).
    case unavailable = "unavailable"
    /// Given back to stock (the order was rejected, cancelled or expired).
    case released = "released"
    /// Taken out of on-hand for the order (at confirmation, or at shipment; see the order policy).
    case committed = "committed"
}
