/// Units of an approved return put back into one warehouse (`inventory.receive-stock`): a returned
/// line goes back to the warehouses its reservation was allocated from.
public struct ReturnRestock: Codable, Sendable, Hashable {
    /// The order line id ("<order>-L<n>").
    public let line: String
    public let sku: SKU
    public let warehouse: WarehouseID
    public let quantity: Int64

    public init(line: String, sku: SKU, warehouse: WarehouseID, quantity: Int64) {
        self.line = line
        self.sku = sku
        self.warehouse = warehouse
        self.quantity = quantity
    }

    private enum CodingKeys: String, CodingKey {
        case line = "line", sku = "sku", warehouse = "warehouse", quantity = "quantity"
    }
}
