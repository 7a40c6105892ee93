import Foundation

/// Event payload and record: the COMPLETE state of one product (SPU) with its SKUs.
///
/// `catalog.events.v1` is compacted by key (the product id), so each record must carry everything:
/// a partial record would erase the rest when Kafka compacts. Consumers replace their copy with
/// the record whose `revision` is higher and ignore older or equal ones (replays).
public struct Product: MessagePayload, Hashable {
    public static let messageType = "catalog.product-changed"
    public static let messageVersion = 1

    public let id: ProductID
    /// The supplier company that owns the product; only it (or a platform operator) changes it.
    public let supplier: CompanyID
    public let name: String
    public let description: String
    public let brand: String?
    /// Category from root to leaf, e.g. ["Beverages", "Tea", "Green tea"]; 1...6 levels.
    public let categoryPath: [String]
    /// Product-wide attributes (origin, material, certification); SKUs carry their own.
    public let attributes: [String: String]
    public let media: [MediaReference]
    public let skus: [ProductSKU]
    /// SKUs this product had and no longer sells (dropped when the product was replaced), oldest
    /// first. They stay the product's: their remaining stock and open orders are still its
    /// supplier's to manage, and no other product may take the code. Left out of the JSON when empty.
    public let discontinuedSKUs: [SKU]
    public let status: ProductStatus
    /// When the product becomes `listed` by itself (定时上架); nil when nothing is scheduled.
    public let scheduledListAt: Date?
    /// When the product becomes `delisted` by itself (定时下架); nil when nothing is scheduled.
    public let scheduledDelistAt: Date?
    /// 1 for a new product, +1 for every change. Orders records of one product.
    public let revision: Int
    public let updatedAt: Date
    /// The last commands that changed this product (oldest first, a bounded window), so that a
    /// command replayed after a crash is recognised as already handled.
    public let recentCommandIds: [MessageID]

    /// Dates are rounded to whole milliseconds (the wire's precision) so a decoded record equals the
    /// one that was encoded.
    public init(id: ProductID, supplier: CompanyID, name: String, description: String = "", brand: String? = nil,
                categoryPath: [String], attributes: [String: String] = [:], media: [MediaReference] = [],
                skus: [ProductSKU], discontinuedSKUs: [SKU] = [], status: ProductStatus, scheduledListAt: Date? = nil,
                scheduledDelistAt: Date? = nil, revision: Int, updatedAt: Date, recentCommandIds: [MessageID] = []) {
        self.id = id
        self.supplier = supplier
        self.name = name
        self.description = description
        self.brand = brand
        self.categoryPath = categoryPath
        self.attributes = attributes
        self.media = media
        self.skus = skus
        self.discontinuedSKUs = discontinuedSKUs
        self.status = status
        self.scheduledListAt = scheduledListAt.map(WireTimestamp.roundedToMilliseconds)
        self.scheduledDelistAt = scheduledDelistAt.map(WireTimestamp.roundedToMilliseconds)
        self.revision = revision
        self.updatedAt = WireTimestamp.roundedToMilliseconds(updatedAt)
        self.recentCommandIds = recentCommandIds
    }

    /// The Kafka key of this record on `catalog.events.v1`: the bare product id.
    public var recordKey: String { id.rawValue }

    /// The SKU called `sku`, if this product has it.
    public func sku(_ sku: SKU) -> ProductSKU? {
        skus.first { $0.sku == sku }
    }

    /// The status in effect at `now`, counting schedules that are due but not yet recorded by the
    /// catalog's timer, so that readers (gateway, pricing) never lag behind a schedule.
    /// Due schedules take effect in time order; listing needs at least one SKU.
    public func status(at now: Date) -> ProductStatus {
        var status = self.status
        var due: [(Date, ProductStatus)] = []
        if let listAt = scheduledListAt, listAt <= now { due.append((listAt, .listed)) }
        if let delistAt = scheduledDelistAt, delistAt <= now { due.append((delistAt, .delisted)) }
        for (_, target) in due.sorted(by: { $0.0 < $1.0 }) {
            switch (status, target) {
            case (.draft, .listed), (.delisted, .listed): if !skus.isEmpty { status = .listed }
            case (.listed, .delisted): status = .delisted
            default: break
            }
        }
        return status
    }

    private enum CodingKeys: String, CodingKey {
        case id = "id", supplier = "supplier", name = "name", description = "description", brand = "brand"
        case categoryPath = "categoryPath", attributes = "attributes", media = "media", skus = "skus"
        case discontinuedSKUs = "discontinuedSKUs", status = "status", scheduledListAt = "scheduledListAt", scheduledDelistAt = "scheduledDelistAt"
        case revision = "revision", updatedAt = "updatedAt", recentCommandIds = "recentCommandIds"
    }
}

extension Product {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ProductID.self, forKey: .id)
        supplier = try container.decode(CompanyID.self, forKey: .supplier)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        brand = try container.decodeIfPresent(String.self, forKey: .brand)
        categoryPath = try container.decode([String].self, forKey: .categoryPath)
        attributes = try container.decode([String: String].self, forKey: .attributes)
        media = try container.decode([MediaReference].self, forKey: .media)
        skus = try container.decode([ProductSKU].self, forKey: .skus)
        discontinuedSKUs = try container.decodeIfPresent([SKU].self, forKey: .discontinuedSKUs) ?? []
        status = try container.decode(ProductStatus.self, forKey: .status)
        scheduledListAt = try container.decodeIfPresent(Date.self, forKey: .scheduledListAt)
        scheduledDelistAt = try container.decodeIfPresent(Date.self, forKey: .scheduledDelistAt)
        revision = try container.decode(Int.self, forKey: .revision)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        recentCommandIds = try container.decode([MessageID].self, forKey: .recentCommandIds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(supplier, forKey: .supplier)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encodeIfPresent(brand, forKey: .brand)
        try container.encode(categoryPath, forKey: .categoryPath)
        try container.encode(attributes, forKey: .attributes)
        try container.encode(media, forKey: .media)
        try container.encode(skus, forKey: .skus)
        // Omitted when empty, so records of products that never dropped a SKU read as before.
        if !discontinuedSKUs.isEmpty { try container.encode(discontinuedSKUs, forKey: .discontinuedSKUs) }
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(scheduledListAt, forKey: .scheduledListAt)
        try container.encodeIfPresent(scheduledDelistAt, forKey: .scheduledDelistAt)
        try container.encode(revision, forKey: .revision)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(recentCommandIds, forKey: .recentCommandIds)
    }
}
