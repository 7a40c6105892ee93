import Contracts
import Foundation

extension CatalogDecider {
    /// CSV import (批量导入). Only authorization and the file size can refuse the whole command; every
    /// other problem is a row error in the report, and the remaining rows are imported.
    ///
    /// Rows merge into products: a row's SKU is added or replaced, SKUs of the product that the
    /// file does not mention are kept (removing a SKU takes an `UpsertProduct`), and fields whose
    /// optional column is absent keep their current values. A row whose SKU belongs to another
    /// product fails alone; a problem of the product as a whole (another supplier's product, a status
    /// change that is not allowed, too many SKUs) fails all of its rows.
    func importProducts(_ command: ImportProducts, id: MessageID, current: CatalogRecords,
                        now: Date) throws(Refusal) -> CatalogDecision {
        try authorize(command.actor, toChange: "products", ownedBy: command.supplier, ownerField: "supplier")
        let size = command.csv.utf8.count
        if size > ImportProducts.maximumCSVBytes {
            throw Refusal(.limitExceeded, field: "csv", "csv must be at most \(ImportProducts.maximumCSVBytes) bytes, got \(size)")
        }
        let parsed = CatalogCSV.read(command.csv, limits: limits)
        var errors = parsed.errors
        var rowsAccepted = 0, productsChanged = 0
        var events: [CatalogEvent] = []

        var order: [ProductID] = []
        var groups: [ProductID: [ProductDraftRow]] = [:]
        for row in parsed.drafts {
            if groups[row.productId] == nil { order.append(row.productId) }
            groups[row.productId, default: []].append(row)
        }
        for productId in order {
            let rows = groups[productId] ?? []
            let existing = current.products[productId]
            if let existing, existing.recentCommandIds.contains(id) {  // a replay of this import
                rowsAccepted += rows.count
                productsChanged += 1
                continue
            }
            if let existing, existing.supplier != command.supplier {
                errors += rows.map { RowError(line: $0.line, field: "product_id",
                                              message: "product \(productId) belongs to supplier \(existing.supplier)") }
                continue
            }
            var usable: [ProductDraftRow] = []
            for row in rows {
                if let owner = current.productIDsBySKU[row.sku.sku], owner != productId {
                    errors.append(RowError(line: row.line, field: "sku",
                                           message: "SKU \(row.sku.sku) \(current.ownership(of: row.sku.sku, by: owner))"))
                } else if let lookalike = current.lookalike(of: row.sku.sku, outside: productId) {
                    errors.append(RowError(line: row.line, field: "sku",
                                           message: "SKU \(row.sku.sku) differs only in letter case from SKU \(lookalike.sku) of product \(lookalike.product)"))
                } else {
                    usable.append(row)
                }
            }
            guard !usable.isEmpty else { continue }
            switch importedProduct(productId, rows: usable, existing: existing, supplier: command.supplier,
                                   commandId: id, now: now) {
            case let .success(product):
                rowsAccepted += usable.count
                if let product {
                    events.append(.productChanged(product))
                    productsChanged += 1
                }
            case let .failure(refusal):
                let column = Self.csvColumn(for: refusal.field)
                errors += usable.map { RowError(line: $0.line, field: column, message: refusal.message) }
            }
        }

        errors.sort { ($0.line, $0.field) < ($1.line, $1.field) }
        let listed = Array(errors.prefix(ImportReport.maximumListedErrors))
        let report = ImportReport(commandId: id, actor: command.actor, supplier: command.supplier,
                                  rowsTotal: parsed.rowsTotal, rowsAccepted: rowsAccepted,
                                  productsChanged: productsChanged, errors: listed,
                                  errorsOmitted: errors.count - listed.count)
        return .accepted(events: events + [.productsImported(report)], outcome: .imported(report))
    }

    /// The product after merging `rows` into `existing` (or a new one); nil when nothing changes.
    private func importedProduct(_ productId: ProductID, rows: [ProductDraftRow], existing: Product?,
                                 supplier: CompanyID, commandId: MessageID,
                                 now: Date) -> Result<Product?, Refusal> {
        let first = rows[0]
        let columns = first.optionalColumns
        var skus = existing?.skus ?? []
        for row in rows {
            let index = skus.firstIndex { $0.sku == row.sku.sku }
            let previous = index.map { skus[$0] }
            let entry = ProductSKU(
                sku: row.sku.sku, attributes: row.sku.attributes, unit: row.sku.unit, packSize: row.sku.packSize,
                minimumOrderQuantity: row.sku.minimumOrderQuantity, basePrice: row.sku.basePrice,
                minimumResalePrice: columns.contains("min_resale_price") ? row.sku.minimumResalePrice : previous?.minimumResalePrice,
                barcode: columns.contains("barcode") ? row.sku.barcode : previous?.barcode)
            if let index { skus[index] = entry } else { skus.append(entry) }
        }
        let base = existing.map { $0.applyingDueSchedules(now: now) ?? $0 }
        do throws(Refusal) {
            var product = Product(
                id: productId, supplier: supplier, name: first.name,
                description: columns.contains("description") ? first.description : (base?.description ?? ""),
                brand: columns.contains("brand") ? first.brand : base?.brand, categoryPath: first.categoryPath,
                attributes: columns.contains("product_attributes") ? first.productAttributes : (base?.attributes ?? [:]),
                media: base?.media ?? [], skus: skus,
                discontinuedSKUs: Product.discontinuedSKUs(of: existing, sellingNow: skus,
                                                           limit: limits.maximumDiscontinuedSKUsPerProduct),
                status: base?.status ?? .draft,
                scheduledListAt: base?.scheduledListAt, scheduledDelistAt: base?.scheduledDelistAt,
                revision: (existing?.revision ?? 0) + 1, updatedAt: now,
                recentCommandIds: remembering(commandId, in: existing?.recentCommandIds ?? []))
            try ProductValidation.checkProductID(productId, field: "product_id")
            try ProductValidation.checkContent(
                name: product.name, description: product.description, brand: product.brand,
                categoryPath: product.categoryPath, attributes: product.attributes, media: product.media,
                skus: product.skus, limits: limits)
            if let status = first.status { product = try transitioning(product, to: status) }
            if let existing, existing.hasSameContent(as: product) { return .success(nil) }
            try checkEncodedSize(product, what: "product \(productId)")
            return .success(product)
        } catch {
            return .failure(error)
        }
    }

    /// The CSV column a product-level refusal is about.
    static func csvColumn(for field: String?) -> String {
        guard let field else { return "row" }
        let mapping: [(prefix: String, column: String)] = [
            ("categoryPath", "category"), ("attributes", "product_attributes"), ("description", "description"),
            ("brand", "brand"), ("name", "name"), ("status", "status"), ("product_id", "product_id"),
        ]
        return mapping.first { field.hasPrefix($0.prefix) }?.column ?? "row"
    }
}
