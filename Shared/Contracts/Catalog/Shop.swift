import Foundation

/// Event payload and record: the COMPLETE state of one distributor's shop. Key on
/// `catalog.events.v1`: `shop:<distributor company id>`.
public struct Shop: MessagePayload, Hashable {
    public static let messageType = "catalog.shop-changed"
    public static let messageVersion = 1

    /// Record keys of shops start with this, so they never collide with product ids.
    public static let keyPrefix = "shop:"

    public let distributor: ShopID
    public let name: String
    /// Sorted by SKU, one listing per SKU: the SKUs listed one by one, and those a category
    /// brought in when it was listed.
    public let listings: [ShopListing]
    /// Categories the shop follows, so SKUs the supplier lists there later are in the shop too
    /// (sorted by supplier, then path; at most one per supplier and path).
    public let followedCategories: [CategoryFollow]
    /// SKUs the distributor took out of the shop although a followed category covers them.
    /// Sorted; listing one again (or its category) brings it back.
    public let excludedSKUs: [SKU]
    public let revision: Int
    public let updatedAt: Date
    /// The last commands that changed this shop (oldest first, bounded), to recognise replays.
    public let recentCommandIds: [MessageID]

    public init(distributor: ShopID, name: String, listings: [ShopListing], followedCategories: [CategoryFollow] = [],
                excludedSKUs: [SKU] = [], revision: Int, updatedAt: Date, recentCommandIds: [MessageID] = []) {
        self.distributor = distributor
        self.name = name
        self.listings = listings
        self.followedCategories = followedCategories
        self.excludedSKUs = excludedSKUs
        self.revision = revision
        self.updatedAt = WireTimestamp.roundedToMilliseconds(updatedAt)
        self.recentCommandIds = recentCommandIds
    }

    public static func recordKey(for distributor: ShopID) -> String { keyPrefix + distributor.rawValue }
    public var recordKey: String { Self.recordKey(for: distributor) }

    /// The SKU's own listing (listed one by one or brought in by a category when it was listed);
    /// `ShopContents` also resolves the followed categories.
    public func listing(_ sku: SKU) -> ShopListing? {
        listings.first { $0.sku == sku }
    }

    private enum CodingKeys: String, CodingKey {
        case distributor = "distributor", name = "name", listings = "listings", followedCategories = "followedCategories"
        case excludedSKUs = "excludedSKUs", revision = "revision", updatedAt = "updatedAt", recentCommandIds = "recentCommandIds"
    }

    // Written by hand so that a shop following nothing reads and writes as it did before follows
    // existed: the two lists are left out when empty and read as empty when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        distributor = try container.decode(ShopID.self, forKey: .distributor)
        name = try container.decode(String.self, forKey: .name)
        listings = try container.decode([ShopListing].self, forKey: .listings)
        followedCategories = try container.decodeIfPresent([CategoryFollow].self, forKey: .followedCategories) ?? []
        excludedSKUs = try container.decodeIfPresent([SKU].self, forKey: .excludedSKUs) ?? []
        revision = try container.decode(Int.self, forKey: .revision)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        recentCommandIds = try container.decode([MessageID].self, forKey: .recentCommandIds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(distributor, forKey: .distributor)
        try container.encode(name, forKey: .name)
        try container.encode(listings, forKey: .listings)
        if !followedCategories.isEmpty { try container.encode(followedCategories, forKey: .followedCategories) }
        if !excludedSKUs.isEmpty { try container.encode(excludedSKUs, forKey: .excludedSKUs) }
        try container.encode(revision, forKey: .revision)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(recentCommandIds, forKey: .recentCommandIds)
    }
}
