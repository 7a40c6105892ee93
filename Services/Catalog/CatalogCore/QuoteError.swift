import Contracts

/// Why no price can be quoted. `field` names the input at fault; `message` is for people.
public enum QuoteError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownSKU(SKU, product: ProductID)
    /// The product is not listed at the quote's instant.
    case notAvailable(SKU, status: ProductStatus)
    /// Zero or negative.
    case invalidQuantity(Int64)
    case belowMinimumOrderQuantity(quantity: Int64, minimum: Int64)
    case notMultipleOfPackSize(quantity: Int64, packSize: Int64)
    /// An applicable rule is priced in another currency than the SKU's base price. Refused rather
    /// than skipped: the rule might be a binding contract.
    case currencyMismatch(priceList: PriceListID, expected: Currency, found: Currency)
    /// unitPrice × quantity does not fit in 64 bits of minor units.
    case totalOverflow(quantity: Int64, unitPrice: Money)

    public var field: String {
        switch self {
        case .unknownSKU, .notAvailable: "sku"
        case .invalidQuantity, .belowMinimumOrderQuantity, .notMultipleOfPackSize, .totalOverflow: "quantity"
        case .currencyMismatch: "currency"
        }
    }

    public var code: RejectionCode {
        switch self {
        case .unknownSKU: .unknownSKU
        case .notAvailable: .skuNotListed
        case .invalidQuantity, .belowMinimumOrderQuantity, .notMultipleOfPackSize, .totalOverflow: .invalidQuantity
        case .currencyMismatch: .invalidField
        }
    }

    public var message: String {
        switch self {
        case let .unknownSKU(sku, product): "product \(product) has no SKU \(sku)"
        case let .notAvailable(sku, status): "SKU \(sku) is not available: its product is \(status.rawValue)"
        case let .invalidQuantity(quantity): "quantity must be > 0, got \(quantity)"
        case let .belowMinimumOrderQuantity(quantity, minimum):
            "quantity \(quantity) is below the minimum order quantity \(minimum)"
        case let .notMultipleOfPackSize(quantity, packSize):
            "quantity \(quantity) must be a multiple of the pack size \(packSize)"
        case let .currencyMismatch(priceList, expected, found):
            "price list \(priceList) prices this SKU in \(found.code) but its base price is in \(expected.code)"
        case let .totalOverflow(quantity, unitPrice): "\(quantity) × \(unitPrice) is too large to total"
        }
    }

    public var description: String { "\(field): \(message)" }
}
