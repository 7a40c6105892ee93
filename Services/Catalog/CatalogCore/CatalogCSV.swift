import Contracts

/// Bulk product import and export as CSV (RFC 4180, UTF-8, header row required, one row per SKU;
/// rows with the same product_id form one product).
///
/// Required columns, in any order: `product_id, name, category, sku, unit, pack_size, moq,
/// base_price, currency, attributes, status`. Optional: `description, brand, product_attributes,
/// min_resale_price, barcode`. `category` is the path joined by " > " ("Beverages > Tea > Green tea");
/// prices are decimals in major units ("12.50") in `currency`; attributes are `k=v;k=v` with `\`
/// escaping `;`, `=` and `\`; `status` is draft, listed, delisted or empty.
///
/// Every bad row yields errors naming its line and column and does not stop the other rows. A bad
/// header stops everything (no column could be trusted). At most 10,000 data rows are read.
public enum CatalogCSV {
    public static let requiredColumns = [
        "product_id", "name", "category", "sku", "unit", "pack_size", "moq", "base_price", "currency",
        "attributes", "status",
    ]
    public static let optionalColumns = ["description", "brand", "product_attributes", "min_resale_price", "barcode"]
    public static let categorySeparator = " > "

    /// The valid rows and the errors of the others, in file order.
    public static func parse(_ text: String, limits: CatalogLimits = .standard) -> (drafts: [ProductDraftRow], errors: [RowError]) {
        let result = read(text, limits: limits)
        return (result.drafts, result.errors)
    }

    struct ReadResult {
        var drafts: [ProductDraftRow] = []
        var errors: [RowError] = []
        var rowsTotal = 0
    }

    static func read(_ text: String, limits: CatalogLimits) -> ReadResult {
        var result = ReadResult()
        let records = CSVReader.records(text)
        guard let header = records.first else {
            result.errors.append(RowError(line: 1, field: "header", message: "the file is empty; the first row must name the columns"))
            return result
        }
        guard let columns = readHeader(header, errors: &result.errors) else { return result }

        var dataRows = records.dropFirst()
        if dataRows.count > limits.maximumImportRows {
            let first = dataRows[dataRows.startIndex + limits.maximumImportRows]
            result.errors.append(RowError(line: first.line, field: "row",
                                          message: "the file has \(dataRows.count) rows; at most \(limits.maximumImportRows) are read, so rows from here on were skipped"))
            dataRows = dataRows.prefix(limits.maximumImportRows)
        }
        result.rowsTotal = dataRows.count

        var lineOfSKU: [SKU: Int] = [:]
        var firstRowOfProduct: [ProductID: ProductDraftRow] = [:]
        for record in dataRows {
            var parser = RowParser(record: record, columns: columns, limits: limits)
            guard let row = parser.parse() else {
                result.errors += parser.errors
                continue
            }
            var errors: [RowError] = []
            if let line = lineOfSKU[row.sku.sku] {
                errors.append(RowError(line: row.line, field: "sku", message: "SKU \(row.sku.sku) already appears on line \(line)"))
            }
            if let first = firstRowOfProduct[row.productId] {
                errors += inconsistencies(of: row, with: first)
            }
            if errors.isEmpty {
                lineOfSKU[row.sku.sku] = row.line
                if firstRowOfProduct[row.productId] == nil { firstRowOfProduct[row.productId] = row }
                result.drafts.append(row)
            } else {
                result.errors += errors
            }
        }
        result.errors.sort { ($0.line, $0.field) < ($1.line, $1.field) }
        return result
    }

    private static func readHeader(_ header: CSVRecord, errors: inout [RowError]) -> [String: Int]? {
        if let problem = header.problem {
            errors.append(RowError(line: header.line, field: "header", message: problem))
            return nil
        }
        var columns: [String: Int] = [:]
        var bad = false
        for (index, raw) in header.cells.enumerated() {
            let name = raw.lowercased()
            if !requiredColumns.contains(name) && !optionalColumns.contains(name) {
                errors.append(RowError(line: header.line, field: raw,
                                       message: "unknown column \"\(raw)\"; the columns are \((requiredColumns + optionalColumns).joined(separator: ", "))"))
                bad = true
            } else if columns.updateValue(index, forKey: name) != nil {
                errors.append(RowError(line: header.line, field: name, message: "column \"\(name)\" appears twice"))
                bad = true
            }
        }
        for name in requiredColumns where columns[name] == nil {
            errors.append(RowError(line: header.line, field: name, message: "missing column \"\(name)\""))
            bad = true
        }
        return bad ? nil : columns
    }

    /// Product-level fields of `row` that differ from the product's first row.
    private static func inconsistencies(of row: ProductDraftRow, with first: ProductDraftRow) -> [RowError] {
        var errors: [RowError] = []
        func differs(_ field: String, _ what: String) {
            errors.append(RowError(line: row.line, field: field,
                                   message: "\(what) of product \(row.productId) differs from line \(first.line)"))
        }
        if row.name != first.name { differs("name", "name") }
        if row.categoryPath != first.categoryPath { differs("category", "category") }
        if row.status != first.status { differs("status", "status") }
        if row.description != first.description { differs("description", "description") }
        if row.brand != first.brand { differs("brand", "brand") }
        if row.productAttributes != first.productAttributes { differs("product_attributes", "product_attributes") }
        return errors
    }
}
