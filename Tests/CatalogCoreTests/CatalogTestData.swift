import CatalogCore
import Contracts
import Foundation

/// Builders for catalog tests. An invalid literal here is a bug in the test, so helpers stop
/// with the value instead of threading `try` through every test.
enum TestData {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }
    static func usd(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .usd) }

    /// 2026-11-01T00:00:00Z plus `days` (and `seconds`).
    static func day(_ days: Double, seconds: Double = 0) -> Date {
        Date(timeIntervalSince1970: 1_793_491_200 + days * 86_400 + seconds)
    }

    static let now = day(10)

    static let supplierA: CompanyID = id("SUP-A")
    static let supplierB: CompanyID = id("SUP-B")
    static let distributor: CompanyID = id("DIST-1")
    static let buyer: CompanyID = id("BUYER-1")
    static let platform: CompanyID = id("PLATFORM")

    static func actor(_ company: CompanyID, _ roles: [String] = [CatalogActor.catalogManagerRole]) -> CatalogActor {
        CatalogActor(company: company, roles: roles, user: id("user-1"))
    }

    static let operatorActor = CatalogActor(company: platform, roles: [CatalogActor.platformOperatorRole])

    static func sku(_ raw: String, price: Int64 = 10_00, pack: Int64 = 1, moq: Int64 = 1, floor: Int64? = nil,
                    currency: Currency = .cny, attributes: [String: String] = [:]) -> ProductSKU {
        ProductSKU(sku: id(raw), attributes: attributes, unit: "box", packSize: pack, minimumOrderQuantity: moq,
                   basePrice: Money(minorUnits: price, currency: currency),
                   minimumResalePrice: floor.map { Money(minorUnits: $0, currency: currency) })
    }

    static func product(_ raw: String, supplier: CompanyID = supplierA, name: String? = nil,
                        category: [String] = ["Beverages", "Tea", "Green tea"], skus: [ProductSKU]? = nil,
                        status: ProductStatus = .listed, revision: Int = 1, description: String = "",
                        brand: String? = nil, attributes: [String: String] = [:], listAt: Date? = nil,
                        delistAt: Date? = nil) -> Product {
        Product(id: id(raw), supplier: supplier, name: name ?? "Product \(raw)", description: description, brand: brand,
                categoryPath: category, attributes: attributes, skus: skus ?? [sku("\(raw)-S1")], status: status,
                scheduledListAt: listAt, scheduledDelistAt: delistAt, revision: revision, updatedAt: day(0))
    }

    static func priceList(_ raw: String, owner: CompanyID = supplierA, currency: Currency = .cny,
                          rules: [PriceRule]) -> PriceList {
        PriceList(id: id(raw), owner: owner, name: "List \(raw)", currency: currency, rules: rules, revision: 1,
                  updatedAt: day(0))
    }

    static func command(_ payload: CatalogCommand, id raw: String = "cmd-1") -> Envelope<CatalogCommand> {
        Envelope(id: id(raw), occurredAt: now, causationId: nil, correlationId: id("corr-1"), tenant: "tradeflow",
                 key: payload.partitionKey, payload: payload)
    }

    static func upsert(_ product: Product, actor: CatalogActor? = nil, skus: [ProductSKU]? = nil,
                       name: String? = nil, category: [String]? = nil,
                       expectedRevision: Int? = nil) -> CatalogCommand {
        .upsertProduct(UpsertProduct(
            actor: actor ?? TestData.actor(product.supplier), product: product.id, supplier: product.supplier,
            name: name ?? product.name, description: product.description, brand: product.brand,
            categoryPath: category ?? product.categoryPath, attributes: product.attributes, media: product.media,
            skus: skus ?? product.skus, expectedRevision: expectedRevision))
    }

    static let decider = CatalogDecider()

    static func decide(_ payload: CatalogCommand, _ records: CatalogRecords = CatalogRecords(), id: String = "cmd-1",
                       at now: Date = now) -> CatalogDecision {
        decider.decide(command(payload, id: id), current: records, now: now)
    }
}

extension CatalogDecision {
    /// The single product the decision publishes, if it does.
    var product: Product? {
        for case let .productChanged(product) in events { return product }
        return nil
    }

    var shop: Shop? {
        for case let .shopChanged(shop) in events { return shop }
        return nil
    }

    var priceList: PriceList? {
        for case let .priceListChanged(list) in events { return list }
        return nil
    }

    var report: ImportReport? {
        for case let .productsImported(report) in events { return report }
        return nil
    }

    var rejection: (code: RejectionCode, message: String, field: String?)? {
        if case let .rejected(code, message, field) = self { return (code, message, field) }
        return nil
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
