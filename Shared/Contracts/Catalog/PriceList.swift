import Foundation

/// Event payload and record: the COMPLETE state of one supplier price list. Key on
/// `catalog.events.v1`: `price-list:<id>`. Only lists owned by a product's supplier price that
/// product; every price in the list is in `currency`.
public struct PriceList: MessagePayload, Hashable {
    public static let messageType = "catalog.price-list-changed"
    public static let messageVersion = 1

    /// Record keys of price lists start with this, so they never collide with product ids.
    public static let keyPrefix = "price-list:"

    public let id: PriceListID
    /// The supplier company whose SKUs the list prices.
    public let owner: CompanyID
    public let name: String
    public let currency: Currency
    /// At most 500 rules.
    public let rules: [PriceRule]
    public let revision: Int
    public let updatedAt: Date
    /// The last commands that changed this list (oldest first, bounded), to recognise replays.
    public let recentCommandIds: [MessageID]

    public init(id: PriceListID, owner: CompanyID, name: String, currency: Currency, rules: [PriceRule],
                revision: Int, updatedAt: Date, recentCommandIds: [MessageID] = []) {
        self.id = id
        self.owner = owner
        self.name = name
        self.currency = currency
        self.rules = rules
        self.revision = revision
        self.updatedAt = WireTimestamp.roundedToMilliseconds(updatedAt)
        self.recentCommandIds = recentCommandIds
    }

    public static func recordKey(for id: PriceListID) -> String { keyPrefix + id.rawValue }
    public var recordKey: String { Self.recordKey(for: id) }

    private enum CodingKeys: String, CodingKey {
        case id = "id", owner = "owner", name = "name", currency = "currency", rules = "rules"
        case revision = "revision", updatedAt = "updatedAt", recentCommandIds = "recentCommandIds"
    }
}
