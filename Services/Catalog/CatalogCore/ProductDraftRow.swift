import Contracts

/// One valid data row of a product CSV: one SKU and the product it belongs to. Rows with the same
/// `productId` describe one product and agree on its product-level fields (the parser checks).
public struct ProductDraftRow: Sendable, Equatable {
    /// The file line the row starts on (the header is line 1).
    public let line: Int
    public let productId: ProductID
    public let name: String
    public let categoryPath: [String]
    /// nil when the cell is empty: an existing product keeps its status, a new one is a draft.
    public let status: ProductStatus?
    public let description: String
    public let brand: String?
    public let productAttributes: [String: String]
    public let sku: ProductSKU
    /// The optional columns the file has. On import, a field whose column is absent keeps the
    /// product's current value (so a short file cannot erase descriptions or price floors).
    public let optionalColumns: Set<String>

    public init(line: Int, productId: ProductID, name: String, categoryPath: [String], status: ProductStatus?,
                description: String = "", brand: String? = nil, productAttributes: [String: String] = [:],
                sku: ProductSKU, optionalColumns: Set<String> = Set(CatalogCSV.optionalColumns)) {
        self.line = line
        self.productId = productId
        self.name = name
        self.categoryPath = categoryPath
        self.status = status
        self.description = description
        self.brand = brand
        self.productAttributes = productAttributes
        self.sku = sku
        self.optionalColumns = optionalColumns
    }
}
