/// Every size limit of the catalog, in one place (DESIGN principle 8). The counts are configurable
/// for tests and operators; the text lengths are fixed because the CSV format and the UI rely on them.
public struct CatalogLimits: Sendable, Equatable {
    public var maximumSKUsPerProduct = 200
    /// SKUs a product remembers after dropping them (see `Product.discontinuedSKUs`).
    public var maximumDiscontinuedSKUsPerProduct = 200
    /// Per product and per SKU.
    public var maximumAttributes = 50
    public var maximumMedia = 20
    public var maximumCategoryDepth = 6
    public var maximumRulesPerPriceList = 500
    public var maximumTiersPerRule = 20
    public var maximumListingsPerShop = 10_000
    /// Categories one shop follows (each a supplier and a path), and SKUs it takes out of them at
    /// most `maximumListingsPerShop`.
    public var maximumFollowedCategoriesPerShop = 100
    public var maximumImportRows = 10_000
    /// The largest encoded complete-state record (product, price list, shop). Kafka's 1 MiB message
    /// limit minus room for the envelope header; a record that would not fit is refused up front
    /// rather than failing at the producer.
    public var maximumRecordBytes = 1_000_000
    /// How many recent command ids a record remembers to recognise a replayed command.
    public var rememberedCommandIds = 16

    public static let nameLength = 1...200
    public static let maximumDescriptionLength = 5_000
    public static let maximumBrandLength = 100
    public static let categoryNameLength = 1...50
    public static let attributeKeyLength = 1...50
    public static let maximumAttributeValueLength = 200
    public static let unitLength = 1...20
    public static let mediaURLLength = 1...2_048
    public static let maximumMediaTitleLength = 200
    public static let maximumBarcodeLength = 64
    public static let regionLength = 1...64
    public static let packSize: ClosedRange<Int64> = 1...1_000_000
    public static let orderQuantity: ClosedRange<Int64> = 1...1_000_000_000

    public init() {}

    public static let standard = CatalogLimits()
}
