/// Rejection codes of catalog commands (validation failures use `invalidField`).
extension RejectionCode {
    /// The actor lacks the role, or the data belongs to another company.
    public static let forbidden = RejectionCode(rawValue: "forbidden")
    /// The command names a product the catalog does not have.
    public static let unknownProduct = RejectionCode(rawValue: "unknown-product")
    /// The command names a SKU the catalog (or the shop) does not have.
    public static let unknownSKU = RejectionCode(rawValue: "unknown-sku")
    /// A SKU id is already used by another product (SKUs are unique platform-wide).
    public static let duplicateSKU = RejectionCode(rawValue: "duplicate-sku")
    /// A distributor tried to list a SKU whose product is not `listed`.
    public static let skuNotListed = RejectionCode(rawValue: "sku-not-listed")
    /// A fixed resale price under the supplier's `minimumResalePrice`.
    public static let belowMinimumResalePrice = RejectionCode(rawValue: "below-minimum-resale-price")
    /// `expectedRevision` does not match: someone else changed the record first.
    public static let revisionConflict = RejectionCode(rawValue: "revision-conflict")
    /// The status change is not allowed from the current status (e.g. listed → draft).
    public static let invalidStatusTransition = RejectionCode(rawValue: "invalid-status-transition")
    /// A count or size limit (SKUs per product, listings per shop, record bytes) would be exceeded.
    public static let limitExceeded = RejectionCode(rawValue: "limit-exceeded")
}
