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
    /// Sorted by SKU, one listing per SKU.
    public let listings: [ShopListing]
    public let revision: Int
    public let updatedAt: Date
    /// The last commands that changed this shop (oldest first, bounded), to recognise replays.
    public let recentCommandIds: [MessageID]

    public init(distributor: ShopID, name: String, listings: [ShopListing], revision: Int, updatedAt: Date,
                recentCommandIds: [MessageID] = []) {
        self.distributor = distributor
        self.name = name
        self.listings = listings
        self.revision = revision
        self.updatedAt = WireTimestamp.roundedToMilliseconds(updatedAt)
        self.recentCommandIds = recentCommandIds
    }

    public static func recordKey(for distributor: ShopID) -> String { keyPrefix + distributor.rawValue }
    public var recordKey: String { Self.recordKey(for: distributor) }

    public func listing(_ sku: SKU) -> ShopListing? {
        listings.first { $0.sku == sku }
    }

    private enum CodingKeys: String, CodingKey {
        case distributor = "distributor", name = "name", listings = "listings", revision = "revision"
        case updatedAt = "updatedAt", recentCommandIds = "recentCommandIds"
    }
}
