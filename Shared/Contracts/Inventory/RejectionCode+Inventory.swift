/// Rejection codes of inventory commands. (`unknown-sku` is `RejectionCode.unknownSKU`, shared with
/// the catalog.)
extension RejectionCode {
    /// `quantity` or `delta` is zero, negative where it must be positive, or too large.
    public static let invalidQuantity = RejectionCode(rawValue: "invalid-quantity")
    /// An adjustment names a warehouse that holds no stock record for the SKU.
    public static let unknownWarehouse = RejectionCode(rawValue: "unknown-warehouse")
    /// Not enough available units to reserve, or an adjustment would take on-hand below zero or
    /// below what is reserved.
    public static let insufficientStock = RejectionCode(rawValue: "insufficient-stock")
    /// On-hand would exceed what 64 bits can count.
    public static let quantityOverflow = RejectionCode(rawValue: "quantity-overflow")
    /// A commit names a reservation this SKU does not hold.
    public static let unknownReservation = RejectionCode(rawValue: "unknown-reservation")
    /// A commit names a reservation that was released.
    public static let reservationReleased = RejectionCode(rawValue: "reservation-released")
    /// A release names a reservation that was committed (its goods have left stock).
    public static let reservationCommitted = RejectionCode(rawValue: "reservation-committed")
    /// The reservation id exists for another order, quantity or state than the command says.
    public static let reservationConflict = RejectionCode(rawValue: "reservation-conflict")
}
