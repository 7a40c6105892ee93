import Contracts

extension CatalogCSV {
    /// Reads one data record into a draft row, collecting an error for every bad cell.
    struct RowParser {
        let record: CSVRecord
        let columns: [String: Int]
        let limits: CatalogLimits
        private(set) var errors: [RowError] = []

        init(record: CSVRecord, columns: [String: Int], limits: CatalogLimits) {
            self.record = record
            self.columns = columns
            self.limits = limits
        }

        mutating func parse() -> ProductDraftRow? {
            if let problem = record.problem {
                fail("row", problem)
                return nil
            }
            guard record.cells.count == columns.count else {
                fail("row", "expected \(columns.count) cells like the header, got \(record.cells.count)")
                return nil
            }
            let productId = identifier("product_id", as: ProductID.self)
            if let productId, productId.rawValue.contains(":") { fail("product_id", "product_id must not contain \":\"") }
            let name = text("name", length: CatalogLimits.nameLength)
            let category = categoryPath()
            let sku = identifier("sku", as: SKU.self)
            let unit = text("unit", length: CatalogLimits.unitLength)
            let packSize = number("pack_size", in: CatalogLimits.packSize)
            let moq = number("moq", in: CatalogLimits.orderQuantity)
            if let packSize, let moq, moq % packSize != 0 {
                fail("moq", "moq must be a multiple of pack_size \(packSize), got \(moq)")
            }
            let currency = self.currency()
            let basePrice = price("base_price", currency: currency, required: true)
            let attributes = attributeCell("attributes")
            let status = self.status()
            let description = optionalText("description", maximumLength: CatalogLimits.maximumDescriptionLength) ?? ""
            let brand = optionalText("brand", maximumLength: CatalogLimits.maximumBrandLength)
            let productAttributes = columns["product_attributes"] == nil ? [:] : attributeCell("product_attributes")
            let floor = columns["min_resale_price"] == nil ? nil : price("min_resale_price", currency: currency, required: false)
            let barcode = optionalText("barcode", maximumLength: CatalogLimits.maximumBarcodeLength)

            guard errors.isEmpty, let productId, let name, let category, let sku, let unit, let packSize, let moq,
                  let basePrice, let attributes, let status, let productAttributes
            else { return nil }
            return ProductDraftRow(
                line: record.line, productId: productId, name: name, categoryPath: category, status: status,
                description: description, brand: brand, productAttributes: productAttributes,
                sku: ProductSKU(sku: sku, attributes: attributes, unit: unit, packSize: packSize,
                                minimumOrderQuantity: moq, basePrice: basePrice, minimumResalePrice: floor,
                                barcode: barcode),
                optionalColumns: Set(CatalogCSV.optionalColumns.filter { columns[$0] != nil }))
        }

        // MARK: cells

        private func cell(_ column: String) -> String? {
            // Our own export guards formula-like text with a `'`; reading it back takes that off.
            columns[column].map { CSVWriter.withoutFormulaGuard(record.cells[$0]) }
        }

        private mutating func fail(_ column: String, _ message: String) {
            errors.append(RowError(line: record.line, field: column, message: message))
        }

        private mutating func identifier<Tag>(_ column: String, as type: Identifier<Tag>.Type) -> Identifier<Tag>? {
            let raw = cell(column) ?? ""
            do {
                return try Identifier<Tag>(raw)
            } catch {
                fail(column, "\(column) \"\(raw)\" is not a valid \(Tag.kindName): \(error.problem)")
                return nil
            }
        }

        private mutating func text(_ column: String, length: ClosedRange<Int>) -> String? {
            let value = cell(column) ?? ""
            if let problem = ProductValidation.textProblem(value, length: length) {
                fail(column, "\(column) \(problem)")
                return nil
            }
            return value
        }

        /// nil when the column is absent or the cell empty.
        private mutating func optionalText(_ column: String, maximumLength: Int) -> String? {
            guard let value = cell(column), !value.isEmpty else { return nil }
            return text(column, length: 1...maximumLength)
        }

        private mutating func number(_ column: String, in range: ClosedRange<Int64>) -> Int64? {
            let raw = cell(column) ?? ""
            guard let value = Int64(raw) else {
                fail(column, "\(column) must be a whole number, got \"\(raw)\"")
                return nil
            }
            if let problem = ProductValidation.rangeProblem(value, range) {
                fail(column, "\(column) \(problem)")
                return nil
            }
            return value
        }

        private mutating func currency() -> Currency? {
            let raw = cell("currency") ?? ""
            do {
                return try Currency(raw)
            } catch {
                fail("currency", "currency: \(error)")
                return nil
            }
        }

        /// A price cell; an empty optional cell is nil without an error.
        private mutating func price(_ column: String, currency: Currency?, required: Bool) -> Money? {
            let raw = cell(column) ?? ""
            if raw.isEmpty && !required { return nil }
            guard let currency else { return nil }  // the currency cell already has an error
            do {
                let amount = try Money(decimal: raw, currency: currency)
                if !amount.isPositive {
                    fail(column, "\(column) must be > 0, got \(raw)")
                    return nil
                }
                return amount
            } catch {
                fail(column, "\(column): \(error)")
                return nil
            }
        }

        private mutating func categoryPath() -> [String]? {
            let raw = cell("category") ?? ""
            let path = raw.isEmpty ? [] : raw.components(separatedBy: CatalogCSV.categorySeparator)
            do throws(Refusal) {
                try ProductValidation.checkCategoryPath(path, field: "category", limits: limits)
                return path
            } catch {
                fail("category", error.message)
                return nil
            }
        }

        private mutating func attributeCell(_ column: String) -> [String: String]? {
            switch AttributeCell.parse(cell(column) ?? "") {
            case let .success(attributes):
                do throws(Refusal) {
                    try ProductValidation.checkAttributes(attributes, field: column, limits: limits)
                    return attributes
                } catch {
                    fail(column, error.message)
                    return nil
                }
            case let .failure(error):
                fail(column, "\(column): \(error)")
                return nil
            }
        }

        /// `.some(nil)` for an empty cell, nil (with an error) for an unknown status.
        private mutating func status() -> ProductStatus?? {
            let raw = (cell("status") ?? "").lowercased()
            if raw.isEmpty { return .some(nil) }
            guard let status = ProductStatus(rawValue: raw) else {
                fail("status", "status must be draft, listed, delisted or empty, got \"\(raw)\"")
                return nil
            }
            return .some(status)
        }
    }
}
