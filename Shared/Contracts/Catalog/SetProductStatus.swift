import Foundation

/// Command: list (上架), delist (下架) or return a product to draft, now or at `scheduledAt`.
/// A `scheduledAt` in the future records a schedule (定时上架/下架) instead of changing the status.
/// Keyed by the supplier company.
public struct SetProductStatus: MessagePayload {
    public static let messageType = "catalog.set-product-status"
    public static let messageVersion = 1

    public let actor: CatalogActor
    public let product: ProductID
    /// The product's supplier (the partition key); must match the product.
    public let supplier: CompanyID
    public let status: ProductStatus
    public let scheduledAt: Date?
    public let replyTo: ReplyAddress?

    public init(actor: CatalogActor, product: ProductID, supplier: CompanyID, status: ProductStatus,
                scheduledAt: Date? = nil, replyTo: ReplyAddress? = nil) {
        self.actor = actor
        self.product = product
        self.supplier = supplier
        self.status = status
        self.scheduledAt = scheduledAt.map(WireTimestamp.roundedToMilliseconds)
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case actor = "actor", product = "product", supplier = "supplier", status = "status"
        case scheduledAt = "scheduledAt", replyTo = "replyTo"
    }
}
