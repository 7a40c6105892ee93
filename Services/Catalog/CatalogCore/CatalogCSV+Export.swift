import Contracts

extension CatalogCSV {
    /// Every product as CSV with all columns (required then optional), one row per SKU, lines ended
    /// by CRLF. `parse` reads it back to the same products and SKUs. A product without SKUs has no
    /// row to stand on and is left out.
    public static func export(_ products: [Product]) -> String {
        var lines = [CSVWriter.row(requiredColumns + optionalColumns)]
        for product in products {
            let category = product.categoryPath.joined(separator: categorySeparator)
            let productAttributes = AttributeCell.format(product.attributes)
            for entry in product.skus {
                lines.append(CSVWriter.row([
                    product.id.rawValue, product.name, category, entry.sku.rawValue, entry.unit,
                    String(entry.packSize), String(entry.minimumOrderQuantity), entry.basePrice.decimalString,
                    entry.basePrice.currency.code, AttributeCell.format(entry.attributes), product.status.rawValue,
                    product.description, product.brand ?? "", productAttributes,
                    entry.minimumResalePrice?.decimalString ?? "", entry.barcode ?? "",
                ]))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
