/// Command: create a price list or replace its name, currency and rules. Keyed by the owner.
public struct UpsertPriceList: MessagePayload {
    public static let messageType = "catalog.upsert-price-list"
    public static let messageVersion = 1

    public let actor: CatalogActor
    public let priceList: PriceListID
    /// The supplier that owns the list; must be the actor's company unless a platform operator acts.
    public let owner: CompanyID
    public let name: String
    public let currency: Currency
    public let rules: [PriceRule]
    /// Optimistic concurrency as in `UpsertProduct.expectedRevision`.
    public let expectedRevision: Int?
    public let replyTo: ReplyAddress?

    public init(actor: CatalogActor, priceList: PriceListID, owner: CompanyID, name: String, currency: Currency,
                rules: [PriceRule], expectedRevision: Int? = nil, replyTo: ReplyAddress? = nil) {
        self.actor = actor
        self.priceList = priceList
        self.owner = owner
        self.name = name
        self.currency = currency
        self.rules = rules
        self.expectedRevision = expectedRevision
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case actor = "actor", priceList = "priceList", owner = "owner", name = "name", currency = "currency"
        case rules = "rules", expectedRevision = "expectedRevision", replyTo = "replyTo"
    }
}
