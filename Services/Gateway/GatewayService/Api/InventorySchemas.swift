import GatewayCore

/// OpenAPI schemas of the inventory API.
enum InventorySchemas {
    static let all: [String: Schema] = [
        "StockPosition": .object([
            .init("sku", .string), .init("onHand", .map(.integer)),
            .init("reserved", .integer), .init("available", .integer),
        ]),
        "StockReceipt": .object([.init("warehouse", .string), .init("quantity", .integer(minimum: 1)), .init("reference", .string)]),
        "StockAdjustment": .object([.init("warehouse", .string), .init("delta", .integer), .init("reason", .string)]),
        "SafetyStock": .object([.init("warehouse", .string, required: false), .init("quantity", .integer(minimum: 0))]),
        "WarehouseRegion": .object([.init("region", .string)]),
        "StockCommandAccepted": .object([.init("command", .string), .init("status", .string)]),
    ]
}
