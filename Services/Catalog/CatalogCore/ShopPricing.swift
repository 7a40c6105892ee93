import Contracts
import Foundation

/// A distributor's resale price for a listing, computed when read so that the supplier's changes
/// flow through (一键铺货 listings keep no copy of product data):
/// - a listing whose product is gone or not listed at `now`, or whose SKU was removed, is
///   `unavailable` with the reason;
/// - a markup is applied to the supplier's quote: `unit × (10,000 + bp) / 10,000`, rounded half up
///   to the minor unit;
/// - a fixed price is taken as is;
/// - either way the price never goes below the SKU's current `minimumResalePrice`: when the supplier
///   raises the floor above the distributor's price, the floor is charged and the status says so
///   (`raisedToFloor`) so the distributor can be told.
public enum ShopPricing {
    /// Whether the listing can be sold at `now`, and if so the supplier's SKU it stands for.
    public static func availability(of listing: ShopListing, product: Product?, now: Date) -> ListingAvailability {
        guard let product, product.id == listing.product else {
            return .unavailable(reason: "product \(listing.product) no longer exists")
        }
        guard let entry = product.sku(listing.sku) else {
            return .unavailable(reason: "SKU \(listing.sku) is no longer offered by product \(product.id)")
        }
        let status = product.status(at: now)
        guard status == .listed else {
            return .unavailable(reason: "product \(product.id) is \(status.rawValue) by its supplier")
        }
        return .available(entry)
    }

    /// The resale unit price and total for the quantity of `supplierQuote`, the supplier's quote
    /// the distributor buys at (normally `PriceEngine.quote` for the same SKU, quantity and buyer).
    public static func resalePrice(listing: ShopListing, product: Product?, supplierQuote: PriceQuote,
                                   now: Date) -> ResalePrice {
        let entry: ProductSKU
        switch availability(of: listing, product: product, now: now) {
        case let .unavailable(reason): return .unavailable(reason)
        case let .available(available): entry = available
        }
        let configured: Money
        switch listing.pricing {
        case let .markup(basisPoints):
            guard let marked = marked(up: supplierQuote.unitPrice, basisPoints: basisPoints) else {
                return .unavailable("the marked-up price of \(supplierQuote.unitPrice) is too large")
            }
            configured = marked
        case let .fixedPrice(price):
            configured = price
        }
        guard configured.currency == entry.basePrice.currency else {
            return .unavailable("the listing is priced in \(configured.currency) but SKU \(entry.sku) in \(entry.basePrice.currency)")
        }
        var unitPrice = configured
        var status = ResaleStatus.available
        if let floor = entry.minimumResalePrice, floor.currency == configured.currency,
           configured.minorUnits < floor.minorUnits {
            unitPrice = floor
            status = .raisedToFloor(configured: configured, floor: floor)
        }
        guard let total = try? unitPrice.multiplied(by: supplierQuote.quantity) else {
            return .unavailable("\(supplierQuote.quantity) × \(unitPrice) is too large to total")
        }
        return ResalePrice(unitPrice: unitPrice, total: total, quantity: supplierQuote.quantity, status: status)
    }

    /// Quotes the supplier's price with `PriceEngine` and applies the listing on top. Quantity
    /// problems (MOQ, pack size) are errors; an unavailable listing is a successful answer saying so.
    public static func quote(listing: ShopListing, quantity: Int64, buyer: BuyerProfile, product: Product?,
                             priceLists: [PriceList], now: Date) -> Result<ResalePrice, QuoteError> {
        if case let .unavailable(reason) = availability(of: listing, product: product, now: now) {
            return .success(.unavailable(reason))
        }
        guard let product else { return .success(.unavailable("product \(listing.product) no longer exists")) }
        return PriceEngine.quote(sku: listing.sku, quantity: quantity, buyer: buyer, product: product,
                                 priceLists: priceLists, now: now)
            .map { resalePrice(listing: listing, product: product, supplierQuote: $0, now: now) }
    }

    /// `price × (10,000 + basisPoints) / 10,000`, rounded half up (away from zero), in 128 bits.
    static func marked(up price: Money, basisPoints: Int64) -> Money? {
        let (factor, overflow) = Money.basisPointsPerWhole.addingReportingOverflow(basisPoints)
        guard !overflow, factor >= 0 else { return nil }
        let product = price.minorUnits.multipliedFullWidth(by: factor)
        let divisor = Money.basisPointsPerWhole
        // Add half the divisor (toward the sign) before dividing, without leaving 128 bits.
        let half = price.minorUnits < 0 ? -divisor / 2 : divisor / 2
        let (low, carry) = product.low.addingReportingOverflow(UInt64(bitPattern: half))
        let high = product.high &+ (half < 0 ? -1 : 0) &+ (carry ? 1 : 0)
        guard abs(high) < divisor / 2 else { return nil }  // the quotient would not fit in 64 bits
        let (quotient, _) = divisor.dividingFullWidth((high: high, low: low))
        return Money(minorUnits: quotient, currency: price.currency)
    }
}

/// Whether a shop listing can be sold.
public enum ListingAvailability: Sendable, Equatable {
    case available(ProductSKU)
    case unavailable(reason: String)
}

/// How a resale price came about.
public enum ResaleStatus: Sendable, Equatable {
    case available
    /// The listing's own price (`configured`) is below the supplier's floor, so the floor applies.
    case raisedToFloor(configured: Money, floor: Money)
    /// Cannot be sold now; the reason is for the distributor and its buyers.
    case unavailable(reason: String)
}

/// A distributor's price for a listing: unit price and total, or why there is none.
public struct ResalePrice: Sendable, Equatable {
    public let unitPrice: Money?
    public let total: Money?
    public let quantity: Int64
    public let status: ResaleStatus

    public init(unitPrice: Money?, total: Money?, quantity: Int64, status: ResaleStatus) {
        self.unitPrice = unitPrice
        self.total = total
        self.quantity = quantity
        self.status = status
    }

    static func unavailable(_ reason: String) -> ResalePrice {
        ResalePrice(unitPrice: nil, total: nil, quantity: 0, status: .unavailable(reason: reason))
    }
}
