/// Command: one-click listing (一键铺货). A distributor puts supplier SKUs into its own shop: the
/// SKUs named in `skus`, or every listed SKU of the supplier under `category` (a path prefix).
/// Exactly one of the two is given. SKUs already in the shop get the new pricing. A category is
/// followed from then on: SKUs the supplier lists under it later are in the shop too (see
/// `CategoryFollow`). Keyed by the distributor company.
public struct ListInShop: MessagePayload {
    public static let messageType = "catalog.list-in-shop"
    public static let messageVersion = 1

    public let actor: CatalogActor
    public let distributor: ShopID
    /// Names (or renames) the shop; a new shop without a name is called after the distributor id.
    public let shopName: String?
    public let supplier: CompanyID
    public let skus: [SKU]?
    public let category: [String]?
    public let pricing: ListingPricing
    public let replyTo: ReplyAddress?

    public init(actor: CatalogActor, distributor: ShopID, shopName: String? = nil, supplier: CompanyID,
                skus: [SKU]? = nil, category: [String]? = nil, pricing: ListingPricing,
                replyTo: ReplyAddress? = nil) {
        self.actor = actor
        self.distributor = distributor
        self.shopName = shopName
        self.supplier = supplier
        self.skus = skus
        self.category = category
        self.pricing = pricing
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case actor = "actor", distributor = "distributor", shopName = "shopName", supplier = "supplier"
        case skus = "skus", category = "category", pricing = "pricing", replyTo = "replyTo"
    }
}
