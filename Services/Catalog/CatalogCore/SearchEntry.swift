import Contracts
import Foundation

/// One SKU in the search index, with everything a query reads precomputed. A class so that a
/// query touching an entry retains one reference rather than copying a dozen arrays.
final class SearchEntry: Sendable {
    let product: ProductID
    let sku: SKU
    let supplier: CompanyID
    let categoryPath: [String]
    let attributes: [String: String]
    let price: Int64
    let currency: String
    private let hitTemplate: SearchHit
    /// The recorded status, and the product itself when a schedule may change it.
    private let recordedStatusBit: UInt8
    private let scheduled: Product?

    private let name: ByteText
    private let skuText: ByteText
    private let brand: ByteText
    private let category: ByteText
    private let attributeText: ByteText
    private let description: ByteText

    init(product: Product, sku entry: ProductSKU) {
        var attributes = product.attributes
        for (key, value) in entry.attributes { attributes[key] = value }
        self.product = product.id
        self.sku = entry.sku
        self.supplier = product.supplier
        self.categoryPath = product.categoryPath
        self.attributes = attributes
        self.price = entry.basePrice.minorUnits
        self.currency = entry.basePrice.currency.code
        self.recordedStatusBit = Self.bit(for: product.status)
        self.scheduled = product.scheduledListAt != nil || product.scheduledDelistAt != nil ? product : nil
        self.hitTemplate = SearchHit(product: product.id, sku: entry.sku, supplier: product.supplier, name: product.name,
                                     categoryPath: product.categoryPath, basePrice: entry.basePrice, unit: entry.unit,
                                     minimumOrderQuantity: entry.minimumOrderQuantity, attributes: entry.attributes,
                                     score: 0)
        name = ByteText(product.name)
        skuText = ByteText(entry.sku.rawValue)
        brand = ByteText(product.brand ?? "")
        category = ByteText(product.categoryPath.joined(separator: " "))
        attributeText = ByteText(attributes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " "))
        description = ByteText(product.description)
    }

    /// One bit per status, so a query's status set is a mask test.
    static func bit(for status: ProductStatus) -> UInt8 {
        switch status {
        case .draft: 1
        case .listed: 2
        case .delisted: 4
        }
    }

    /// `bit(for:)` of the status in effect at `now`.
    func statusBit(at now: Date) -> UInt8 {
        if let scheduled { return Self.bit(for: scheduled.status(at: now)) }
        return recordedStatusBit
    }

    /// Relevance of the terms, 0 unless every term occurs somewhere. Per term: name 10 (+5 when the
    /// name starts with it), SKU id 8, brand 6, category 4, attributes 3, description 1.
    func score(_ terms: [ByteText]) -> Int {
        var total = 0
        for term in terms {
            var score = 0
            if name.contains(term) { score += name.hasPrefix(term) ? 15 : 10 }
            if skuText.contains(term) { score += 8 }
            if brand.contains(term) { score += 6 }
            if category.contains(term) { score += 4 }
            if attributeText.contains(term) { score += 3 }
            if description.contains(term) { score += 1 }
            if score == 0 { return 0 }
            total += score
        }
        return total
    }

    func hit(score: Int) -> SearchHit {
        guard score != 0 else { return hitTemplate }
        let template = hitTemplate
        return SearchHit(product: template.product, sku: template.sku, supplier: template.supplier, name: template.name,
                         categoryPath: template.categoryPath, basePrice: template.basePrice, unit: template.unit,
                         minimumOrderQuantity: template.minimumOrderQuantity, attributes: template.attributes,
                         score: score)
    }

    func sortsByName(before other: SearchEntry) -> Bool {
        if name.bytes != other.name.bytes { return name.bytes.lexicographicallyPrecedes(other.name.bytes) }
        return sku < other.sku
    }
}
