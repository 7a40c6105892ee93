import Contracts

/// The catalog records a decision reads: products, price lists and shops, with the indexes the
/// rules need (which product owns a SKU, which lists a supplier owns). The service passes
/// `CatalogState.records` (copy-on-write, so passing it copies nothing); tests build one from arrays.
///
/// A catalog instance writes only the keys of its partitions but reads every record, because a
/// shop lists SKUs of suppliers on other partitions: it folds all of `catalog.events.v1`.
public struct CatalogRecords: Sendable, Equatable {
    public private(set) var products: [ProductID: Product] = [:]
    public private(set) var priceLists: [PriceListID: PriceList] = [:]
    public private(set) var shops: [ShopID: Shop] = [:]
    /// SKU → the product that has it, selling or discontinued. SKUs are unique platform-wide.
    public private(set) var productIDsBySKU: [SKU: ProductID] = [:]
    /// A SKU code in lower case → that SKU, so a new code differing from another product's only
    /// in letter case is refused (people read and type `p0003-1` and `P0003-1` as one code).
    private var skusByFoldedCode: [String: SKU] = [:]
    /// Supplier → the ids of the price lists it owns, sorted.
    public private(set) var priceListIDsByOwner: [CompanyID: [PriceListID]] = [:]

    public init(products: [Product] = [], priceLists: [PriceList] = [], shops: [Shop] = []) {
        for product in products { put(product) }
        for priceList in priceLists { put(priceList) }
        for shop in shops { put(shop) }
    }

    /// The product that sells `sku`, with that SKU's data.
    public func product(owning sku: SKU) -> (product: Product, sku: ProductSKU)? {
        guard let id = productIDsBySKU[sku], let product = products[id], let entry = product.sku(sku) else {
            return nil
        }
        return (product, entry)
    }

    /// The product `sku` belongs to, also when it no longer sells it (its stock is still the
    /// supplier's to manage).
    public func product(holding sku: SKU) -> Product? {
        productIDsBySKU[sku].flatMap { products[$0] }
    }

    /// Another product's SKU whose code differs from `sku` only in letter case, with its product.
    func lookalike(of sku: SKU, outside product: ProductID) -> (sku: SKU, product: ProductID)? {
        guard let other = skusByFoldedCode[sku.rawValue.lowercased()], other != sku,
              let owner = productIDsBySKU[other], owner != product else { return nil }
        return (other, owner)
    }

    /// How `sku` belongs to product `owner`, for refusing the code to another product.
    func ownership(of sku: SKU, by owner: ProductID) -> String {
        let discontinued = products[owner].map { $0.sku(sku) == nil } ?? false
        return discontinued ? "was a SKU of product \(owner) (discontinued; SKU codes are not reused)"
                            : "already belongs to product \(owner)"
    }

    /// The price lists `supplier` owns, by id.
    public func priceLists(ownedBy supplier: CompanyID) -> [PriceList] {
        (priceListIDsByOwner[supplier] ?? []).compactMap { priceLists[$0] }
    }

    /// Replaces the product and keeps the SKU index in step. Returns the previous version.
    @discardableResult
    mutating func put(_ product: Product) -> Product? {
        let previous = products.updateValue(product, forKey: product.id)
        let oldSKUs = (previous?.skus.map(\.sku) ?? []) + (previous?.discontinuedSKUs ?? [])
        for old in oldSKUs where productIDsBySKU[old] == product.id {
            productIDsBySKU[old] = nil
            if skusByFoldedCode[old.rawValue.lowercased()] == old { skusByFoldedCode[old.rawValue.lowercased()] = nil }
        }
        for sku in product.discontinuedSKUs + product.skus.map(\.sku) {
            productIDsBySKU[sku] = product.id
            skusByFoldedCode[sku.rawValue.lowercased()] = sku
        }
        return previous
    }

    mutating func put(_ priceList: PriceList) {
        if let previous = priceLists.updateValue(priceList, forKey: priceList.id), previous.owner != priceList.owner {
            priceListIDsByOwner[previous.owner]?.removeAll { $0 == priceList.id }
        }
        var owned = priceListIDsByOwner[priceList.owner] ?? []
        if !owned.contains(priceList.id) {
            owned.append(priceList.id)
            owned.sort()
        }
        priceListIDsByOwner[priceList.owner] = owned
    }

    mutating func put(_ shop: Shop) {
        shops[shop.distributor] = shop
    }
}
