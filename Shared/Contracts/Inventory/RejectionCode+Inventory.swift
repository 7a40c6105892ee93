/// Rejection codes of inventory commands.
extension RejectionCode {
    /// `quantity` or `delta` is zero, negative where it must be positive, or too large.
    public static let invalidQuantity = RejectionCode(rawValue: "invalid-quantity")
    /// An adjustment names a warehouse that holds no stock record for the SKU.
    public static let unknownWarehouse = RejectionCode(rawValue: "unknown-warehouse")
    /// An adjustment would take on-hand below zero.
    public static let insufficientStock = RejectionCode(rawValue: "insufficient-stock")
    /// On-hand would exceed what 64 bits can count.
    public static let quantityOverflow = RejectionCode(rawValue: "quantity-overflow")
}
