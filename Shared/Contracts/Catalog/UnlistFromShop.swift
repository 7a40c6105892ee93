/// Command: remove SKUs from a distributor's shop. Keyed by the distributor company.
public struct UnlistFromShop: MessagePayload {
    public static let messageType = "catalog.unlist-from-shop"
    public static let messageVersion = 1

    public let actor: CatalogActor
    public let distributor: ShopID
    public let skus: [SKU]
    public let replyTo: ReplyAddress?

    public init(actor: CatalogActor, distributor: ShopID, skus: [SKU], replyTo: ReplyAddress? = nil) {
        self.actor = actor
        self.distributor = distributor
        self.skus = skus
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case actor = "actor", distributor = "distributor", skus = "skus", replyTo = "replyTo"
    }
}
