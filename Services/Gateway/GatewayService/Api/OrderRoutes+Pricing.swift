import CatalogCore
import Contracts
import Foundation
import GatewayCore
import HTTP

/// Pricing an order's lines at the gateway, from its catalog replica: the price and the rule that
/// produced it are stored on the order.
extension OrderRoutes {
    /// Prices each line for the buyer from the replica: per line its price or its problem (naming
    /// `lines[i]`), so a quick order can report every bad line at once.
    static func pricedEach(_ lines: [LineRequest], for principal: Principal,
                           context: ApiContext) throws -> [Result<PricedLine, any Error>] {
        guard !lines.isEmpty else { throw ApiError.invalid("lines", "an order needs at least one line") }
        guard lines.count <= maximumLines else { throw ApiError.invalid("lines", "at most \(maximumLines) lines per order") }
        let snapshot = context.state.catalogSnapshot()
        let buyer = context.buyerProfile(principal.company)
        let now = Date()
        return lines.enumerated().map { index, line in Result {
            let field = "lines[\(index)]"
            guard let sku = try? SKU(line.sku), let found = snapshot.state.records.product(owning: sku),
                  found.product.status(at: now) == .listed else {
                if let sku = try? SKU(line.sku), let product = snapshot.state.records.product(holding: sku),
                   product.status(at: now) == .listed {
                    throw CatalogRoutes.discontinued(line.sku, of: product, status: .unprocessableEntity, field: "\(field).sku")
                }
                throw ApiError(.unprocessableEntity, "unknown-sku", "SKU \(line.sku) is not in the catalog or not listed", field: "\(field).sku")
            }
            // Sold out (秒杀 over): answer at once from the stock replica instead of queueing an order
            // that inventory can only refuse. Stock released later shows here again within moments;
            // a replica that lags the other way only lets an order through that inventory decides.
            if let available = context.state.onHand(sku), available <= 0 {
                throw ApiError(.conflict, "sold-out", "SKU \(sku) is sold out", field: "\(field).sku")
            }
            let rules = snapshot.prices.rules(for: sku, supplier: found.product.supplier)
            switch PriceEngine.quote(sku: sku, quantity: line.quantity, buyer: buyer, product: found.product, rules: rules, now: now) {
            case let .success(quote):
                guard let shop = line.shop else {
                    return PricedLine(sku: sku, product: found.product.id, supplier: found.product.supplier,
                                      category: found.product.categoryPath, quantity: line.quantity, unitPrice: quote.unitPrice, rule: quote.rule)
                }
                let offer = try shopOffer(shop, sku: sku, product: found.product, quote: quote, snapshot: snapshot, field: field)
                return PricedLine(sku: sku, product: found.product.id, supplier: found.product.supplier, distributor: offer.distributor,
                                  category: found.product.categoryPath, quantity: line.quantity, unitPrice: offer.unitPrice, rule: offer.rule)
            case let .failure(error):
                throw ApiError(rejection: error.code, message: "\(field): \(error.message)", field: "\(field).\(error.field)")
            }
        } }
    }

    /// A line bought from a distributor's shop (S2B2B): the shop's resale price, as
    /// `GET /v1/products/{sku}/price?shop=` quotes it, and the distributor, who shares in the
    /// order's settlement (its margin). The supplier still ships it.
    static func shopOffer(_ shop: String, sku: SKU, product: Product, quote: PriceQuote, snapshot: CatalogView.Snapshot,
                          field: String) throws -> (distributor: CompanyID, unitPrice: Money, rule: AppliedRule) {
        guard !shop.isEmpty else { throw ApiError.invalid("\(field).shop", "name the distributor's shop (its company id), or leave shop out") }
        let offer: QuoteView.ShopQuote
        do {
            offer = try CatalogRoutes.resale(shop: shop, sku: sku, product: product, quote: quote, snapshot: snapshot)
        } catch let error as ApiError {
            // In an order the shop is a field of the body, not the resource asked for: a shop that
            // does not exist or does not list the SKU is 422, as an unknown SKU is (and as the
            // quick order answers), where the price lookup answers 404.
            let status: HTTPStatus = error.status == .notFound ? .unprocessableEntity : error.status
            throw ApiError(status, error.code, "\(field): \(error.message)", field: "\(field).shop")
        }
        guard let unitPrice = offer.unitPrice else {
            throw ApiError(.unprocessableEntity, "not-available-in-shop",
                           "\(field): SKU \(sku) is not available in shop \(shop): \(offer.note ?? offer.status)", field: "\(field).shop")
        }
        // The line names the distributor; the description says how the price came about, kept
        // within the order's 256 characters for a rule description.
        let floor = offer.status == "raised-to-floor" ? ", raised to the supplier's minimum resale price" : ""
        let rule = AppliedRule(kind: quote.rule.kind, priceListId: quote.rule.priceListId,
                               description: "shop resale price\(floor) (on \(quote.rule.description.prefix(180)))")
        return (offer.distributor, unitPrice, rule)
    }
}
