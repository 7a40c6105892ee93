import Contracts

/// Field-by-field checks of product content, shared by `UpsertProduct` and the CSV import. Each
/// check throws the first problem with the field path (e.g. "skus[2].packSize") in its message.
enum ProductValidation {
    /// Product ids are bare record keys on `catalog.events.v1`, next to "price-list:" and "shop:"
    /// keys, so they may not contain ":".
    static func checkProductID(_ id: ProductID, field: String = "product") throws(Refusal) {
        if id.rawValue.contains(":") {
            throw .invalid(field, "\(field) must not contain \":\" (reserved for record-key prefixes), got \"\(id)\"")
        }
    }

    static func checkContent(name: String, description: String, brand: String?, categoryPath: [String],
                             attributes: [String: String], media: [MediaReference], skus: [ProductSKU],
                             limits: CatalogLimits) throws(Refusal) {
        try checkName(name, field: "name")
        if description.count > CatalogLimits.maximumDescriptionLength {
            throw .invalid("description", "description must be at most \(CatalogLimits.maximumDescriptionLength) characters, got \(description.count)")
        }
        if let brand, let problem = textProblem(brand, length: 1...CatalogLimits.maximumBrandLength) {
            throw .invalid("brand", "brand \(problem)")
        }
        try checkCategoryPath(categoryPath, field: "categoryPath", limits: limits)
        try checkAttributes(attributes, field: "attributes", limits: limits)
        if media.count > limits.maximumMedia {
            throw Refusal(.limitExceeded, field: "media", "media must hold at most \(limits.maximumMedia) entries, got \(media.count)")
        }
        for (index, item) in media.enumerated() {
            if let problem = textProblem(item.url, length: CatalogLimits.mediaURLLength) {
                throw .invalid("media[\(index)].url", "media[\(index)].url \(problem)")
            }
            if let title = item.title, title.count > CatalogLimits.maximumMediaTitleLength {
                throw .invalid("media[\(index)].title", "media[\(index)].title must be at most \(CatalogLimits.maximumMediaTitleLength) characters, got \(title.count)")
            }
        }
        if skus.count > limits.maximumSKUsPerProduct {
            throw Refusal(.limitExceeded, field: "skus", "a product may have at most \(limits.maximumSKUsPerProduct) SKUs, got \(skus.count)")
        }
        var seen: [SKU: Int] = [:]
        for (index, entry) in skus.enumerated() {
            if let first = seen.updateValue(index, forKey: entry.sku) {
                throw Refusal(.duplicateSKU, field: "skus[\(index)].sku", "skus[\(index)].sku \(entry.sku) repeats skus[\(first)]")
            }
            try checkSKU(entry, field: "skus[\(index)]", limits: limits)
        }
    }

    static func checkName(_ name: String, field: String) throws(Refusal) {
        if let problem = textProblem(name, length: CatalogLimits.nameLength) {
            throw .invalid(field, "\(field) \(problem)")
        }
    }

    static func checkCategoryPath(_ path: [String], field: String, limits: CatalogLimits) throws(Refusal) {
        guard (1...limits.maximumCategoryDepth).contains(path.count) else {
            throw .invalid(field, "\(field) must have 1...\(limits.maximumCategoryDepth) levels, got \(path.count)")
        }
        for (index, segment) in path.enumerated() {
            if let problem = textProblem(segment, length: CatalogLimits.categoryNameLength) {
                throw .invalid("\(field)[\(index)]", "\(field)[\(index)] \(problem)")
            }
            if segment.contains(CatalogCSV.categorySeparator) {
                throw .invalid("\(field)[\(index)]", "\(field)[\(index)] must not contain \"\(CatalogCSV.categorySeparator)\"")
            }
        }
    }

    static func checkAttributes(_ attributes: [String: String], field: String, limits: CatalogLimits) throws(Refusal) {
        if attributes.count > limits.maximumAttributes {
            throw Refusal(.limitExceeded, field: field, "\(field) must hold at most \(limits.maximumAttributes) entries, got \(attributes.count)")
        }
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if let problem = textProblem(key, length: CatalogLimits.attributeKeyLength) {
                throw .invalid(field, "\(field) key \"\(key)\" \(problem)")
            }
            if value.count > CatalogLimits.maximumAttributeValueLength {
                throw .invalid("\(field)[\(key)]", "\(field)[\(key)] must be at most \(CatalogLimits.maximumAttributeValueLength) characters, got \(value.count)")
            }
        }
    }

    static func checkSKU(_ entry: ProductSKU, field: String, limits: CatalogLimits) throws(Refusal) {
        try checkAttributes(entry.attributes, field: "\(field).attributes", limits: limits)
        if let problem = textProblem(entry.unit, length: CatalogLimits.unitLength) {
            throw .invalid("\(field).unit", "\(field).unit \(problem)")
        }
        if let problem = rangeProblem(entry.packSize, CatalogLimits.packSize) {
            throw .invalid("\(field).packSize", "\(field).packSize \(problem)")
        }
        if let problem = rangeProblem(entry.minimumOrderQuantity, CatalogLimits.orderQuantity) {
            throw .invalid("\(field).minimumOrderQuantity", "\(field).minimumOrderQuantity \(problem)")
        }
        if entry.minimumOrderQuantity % entry.packSize != 0 {
            throw .invalid("\(field).minimumOrderQuantity",
                           "\(field).minimumOrderQuantity must be a multiple of packSize \(entry.packSize), got \(entry.minimumOrderQuantity)")
        }
        if !entry.basePrice.isPositive {
            throw .invalid("\(field).basePrice", "\(field).basePrice must be > 0, got \(entry.basePrice)")
        }
        if let floor = entry.minimumResalePrice {
            if floor.currency != entry.basePrice.currency {
                throw .invalid("\(field).minimumResalePrice",
                               "\(field).minimumResalePrice must be in \(entry.basePrice.currency) like basePrice, got \(floor.currency)")
            }
            if !floor.isPositive {
                throw .invalid("\(field).minimumResalePrice", "\(field).minimumResalePrice must be > 0, got \(floor)")
            }
        }
        if let barcode = entry.barcode, let problem = textProblem(barcode, length: 1...CatalogLimits.maximumBarcodeLength) {
            throw .invalid("\(field).barcode", "\(field).barcode \(problem)")
        }
    }

    /// Why `text` is unacceptable as a trimmed text of `length` characters, or nil:
    /// "must be 1...200 characters, got 0", "must not be blank", "must not start or end with blanks".
    static func textProblem(_ text: String, length: ClosedRange<Int>) -> String? {
        let count = text.count
        if !length.contains(count) {
            return "must be \(length.lowerBound)...\(length.upperBound) characters, got \(count)"
        }
        if count > 0 && text.allSatisfy(\.isWhitespace) { return "must not be blank" }
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true {
            return "must not start or end with blanks"
        }
        return nil
    }

    /// Why `value` is outside `range`, phrased for people ("must be > 0, got 0"), or nil.
    static func rangeProblem(_ value: Int64, _ range: ClosedRange<Int64>) -> String? {
        if value < range.lowerBound {
            return range.lowerBound == 1 ? "must be > 0, got \(value)" : "must be at least \(range.lowerBound), got \(value)"
        }
        if value > range.upperBound { return "must be at most \(range.upperBound), got \(value)" }
        return nil
    }
}
