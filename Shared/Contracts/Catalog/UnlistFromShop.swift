/// Command: take SKUs out of a distributor's shop, or stop following a category: `skus`, or
/// `supplier` with `category` (the path the category was listed with) and `skus` empty. Keyed by
/// the distributor company.
public struct UnlistFromShop: MessagePayload {
    public static let messageType = "catalog.unlist-from-shop"
    public static let messageVersion = 1

    public let actor: CatalogActor
    public let distributor: ShopID
    public let skus: [SKU]
    /// With `category`: the supplier whose category the shop stops following.
    public let supplier: CompanyID?
    /// The followed category to drop, with every SKU of `supplier` listed under it.
    public let category: [String]?
    public let replyTo: ReplyAddress?

    public init(actor: CatalogActor, distributor: ShopID, skus: [SKU], supplier: CompanyID? = nil,
                category: [String]? = nil, replyTo: ReplyAddress? = nil) {
        self.actor = actor
        self.distributor = distributor
        self.skus = skus
        self.supplier = supplier
        self.category = category
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case actor = "actor", distributor = "distributor", skus = "skus", supplier = "supplier", category = "category"
        case replyTo = "replyTo"
    }
}
