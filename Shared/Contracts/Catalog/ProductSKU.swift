/// One orderable variant of a product (SKU) with its unit, packing and base price.
public struct ProductSKU: Codable, Sendable, Hashable {
    public let sku: SKU
    /// What sets this SKU apart, e.g. ["spec": "500ml", "color": "red", "batch": "2026-11"].
    public let attributes: [String: String]
    /// The unit quantities count in, e.g. "box", "件", "kg".
    public let unit: String
    /// Units per pack: order quantities must be whole multiples of it.
    public let packSize: Int64
    /// The smallest quantity one order line may ask for (起订量); a multiple of `packSize`.
    public let minimumOrderQuantity: Int64
    /// The supplier's list price per unit, before any price-list rule.
    public let basePrice: Money
    /// The lowest price per unit a distributor may resell at (the supplier's price floor).
    public let minimumResalePrice: Money?
    public let barcode: String?

    public init(sku: SKU, attributes: [String: String] = [:], unit: String, packSize: Int64 = 1,
                minimumOrderQuantity: Int64 = 1, basePrice: Money, minimumResalePrice: Money? = nil,
                barcode: String? = nil) {
        self.sku = sku
        self.attributes = attributes
        self.unit = unit
        self.packSize = packSize
        self.minimumOrderQuantity = minimumOrderQuantity
        self.basePrice = basePrice
        self.minimumResalePrice = minimumResalePrice
        self.barcode = barcode
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", attributes = "attributes", unit = "unit", packSize = "packSize"
        case minimumOrderQuantity = "minimumOrderQuantity", basePrice = "basePrice"
        case minimumResalePrice = "minimumResalePrice", barcode = "barcode"
    }

    /// `attributes` may be left out (no attributes); everything else is required. Encoding always
    /// writes every field, so the wire format is unchanged.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sku = try container.decode(SKU.self, forKey: .sku)
        attributes = try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
        unit = try container.decode(String.self, forKey: .unit)
        packSize = try container.decode(Int64.self, forKey: .packSize)
        minimumOrderQuantity = try container.decode(Int64.self, forKey: .minimumOrderQuantity)
        basePrice = try container.decode(Money.self, forKey: .basePrice)
        minimumResalePrice = try container.decodeIfPresent(Money.self, forKey: .minimumResalePrice)
        barcode = try container.decodeIfPresent(String.self, forKey: .barcode)
    }
}
