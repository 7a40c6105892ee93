/// Identifier tags of the catalog domain (kept apart from `IdentifierKinds`, which is shared).
public enum CatalogIdentifierKinds {
    public enum PriceList: IdentifierTag { public static var kindName: String { "price list id" } }
}

public typealias PriceListID = Identifier<CatalogIdentifierKinds.PriceList>

/// A distributor has exactly one shop, so a shop is named by the distributor's company id.
/// (An alias, not a new tag: "shop of company X" and "company X" are the same key.)
public typealias ShopID = CompanyID
