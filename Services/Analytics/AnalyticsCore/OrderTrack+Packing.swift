import Contracts
import Packing

/// Open orders are tracked until they end; once confirmed, one waits for its shipments (days) and is
/// read only when a shipment, payment or end arrives, so it is kept packed (`PackedTable`).
extension OrderTrack: TableValue {
    var isQuiet: Bool { confirmedAt != nil }

    /// Nothing is read across orders without unpacking; whether it is confirmed, for completeness.
    var tableSummary: Bool { confirmedAt != nil }

    /// The JSON of a track with its keys in sorted order, values left empty. Changing it makes
    /// the analytics checkpoint's packed tracks refused (see `Packed`): that start reads the
    /// topics from their beginning instead.
    static let packingDictionary = Array(#"""
        {"approved":true,"buyer":"co-","confirmedAt":"2026-","currency":"CNY","lines":[{"amount":100,"category":"",
        "distributor":"co-","quantity":10,"sku":"","subOrder":"O--S-co-","supplier":"co-"},{"amount":100,"category":"",
        "quantity":10,"sku":"","subOrder":"O--S-co-","supplier":"co-"}],"paid":false,"placedAt":"2026-","region":"",
        "scopes":[{"platform":{}},{"buyer":{"_0":"co-"}},{"supplier":{"_0":"co-"}},{"distributor":{"_0":"co-"}}],"shipped":[]}
        """#.split(separator: "\n").joined().utf8)
}
