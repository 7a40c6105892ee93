import Contracts
import Packing

/// A SKU's finished reservations are kept packed (`PackedTable`): the last 1,000 per SKU, read only
/// when a reserve, release or commit for them is repeated; the status stays beside the bytes.
///
/// Open ones stay values: reserving is the flash sale's hot path, and packing each new reservation
/// cost ~5-10% of the decided attempts/s there (measured); open reservations are also bounded by
/// the stock they hold, while finished ones pile up to the limit on every SKU.
extension Reservation: TableValue {
    public var isQuiet: Bool { status != .reserved }

    public var tableSummary: Status { status }

    /// The JSON of a reservation with its keys in sorted order, values left empty. Changing it
    /// refuses checkpoints packed with the old text (the SKUs are then folded from the topic).
    public static let packingDictionary = Array(#"""
        {"allocations":[{"quantity":1,"warehouse":"WH-"}],"id":"O--L1","order":"O-","reservedBy":"","sku":"",
        "status":"reserved"}
        """#.split(separator: "\n").joined().utf8)
}
