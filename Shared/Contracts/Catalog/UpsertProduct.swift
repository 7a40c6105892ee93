/// Command: create a product or replace its editable content (name, category, attributes, media,
/// SKUs). Status and schedules are left as they are (a new product starts as `draft`); change them
/// with `SetProductStatus`. Keyed by the supplier company.
public struct UpsertProduct: MessagePayload {
    public static let messageType = "catalog.upsert-product"
    public static let messageVersion = 1

    public let actor: CatalogActor
    public let product: ProductID
    public let supplier: CompanyID
    public let name: String
    public let description: String
    public let brand: String?
    public let categoryPath: [String]
    public let attributes: [String: String]
    public let media: [MediaReference]
    /// The complete SKU list: SKUs missing here are removed from the product.
    public let skus: [ProductSKU]
    /// Optimistic concurrency: when set, the command is refused unless the product is at exactly
    /// this revision (0 = must not exist yet). Editors send the revision they loaded.
    public let expectedRevision: Int?
    public let replyTo: ReplyAddress?

    public init(actor: CatalogActor, product: ProductID, supplier: CompanyID, name: String, description: String = "",
                brand: String? = nil, categoryPath: [String], attributes: [String: String] = [:],
                media: [MediaReference] = [], skus: [ProductSKU], expectedRevision: Int? = nil,
                replyTo: ReplyAddress? = nil) {
        self.actor = actor
        self.product = product
        self.supplier = supplier
        self.name = name
        self.description = description
        self.brand = brand
        self.categoryPath = categoryPath
        self.attributes = attributes
        self.media = media
        self.skus = skus
        self.expectedRevision = expectedRevision
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case actor = "actor", product = "product", supplier = "supplier", name = "name"
        case description = "description", brand = "brand", categoryPath = "categoryPath"
        case attributes = "attributes", media = "media", skus = "skus", expectedRevision = "expectedRevision"
        case replyTo = "replyTo"
    }
}
