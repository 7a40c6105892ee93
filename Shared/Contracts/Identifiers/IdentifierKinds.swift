/// The tags of the platform's identifiers. Each is an uninhabited enum: it only labels a type.
public enum IdentifierKinds {
    public enum Company: IdentifierTag { public static var kindName: String { "company id" } }
    public enum User: IdentifierTag { public static var kindName: String { "user id" } }
    public enum Order: IdentifierTag { public static var kindName: String { "order id" } }
    public enum StockKeepingUnit: IdentifierTag { public static var kindName: String { "SKU" } }
    public enum Warehouse: IdentifierTag { public static var kindName: String { "warehouse id" } }
    public enum Message: IdentifierTag { public static var kindName: String { "message id" } }
    public enum Correlation: IdentifierTag { public static var kindName: String { "correlation id" } }
    public enum Product: IdentifierTag { public static var kindName: String { "product id" } }
}

public typealias CompanyID = Identifier<IdentifierKinds.Company>
public typealias UserID = Identifier<IdentifierKinds.User>
public typealias OrderID = Identifier<IdentifierKinds.Order>
public typealias SKU = Identifier<IdentifierKinds.StockKeepingUnit>
public typealias WarehouseID = Identifier<IdentifierKinds.Warehouse>
public typealias MessageID = Identifier<IdentifierKinds.Message>
public typealias CorrelationID = Identifier<IdentifierKinds.Correlation>
public typealias ProductID = Identifier<IdentifierKinds.Product>
