import GatewayCore

/// OpenAPI schemas of the inventory API.
enum InventorySchemas {
    static let all: [String: Schema] = [
        "StockPosition": .object([
            .init("sku", .string), .init("onHand", .map(.integer)),
            .init("reserved", .integer), .init("available", .integer),
            .init("safetyStock", .integer(description: "the SKU-wide low-stock level"), required: false),
            .init("warehouseSafetyStock", .map(.integer), required: false),
        ]),
        "StockReceipt": .object([.init("warehouse", .string), .init("quantity", .integer(minimum: 1)), .init("reference", .string)]),
        "StockAdjustment": .object([.init("warehouse", .string), .init("delta", .integer), .init("reason", .string)]),
        "SafetyStock": .object([.init("warehouse", .string, required: false), .init("quantity", .integer(minimum: 0))]),
        "WarehouseRegion": .object([
            .init("region", .string),
            .init("supplier", .string(description: "whose stock the region steers; a supplier's own when left out, required of platform operators"),
                  required: false),
        ]),
        "StockCommandAccepted": .object([.init("command", .string), .init("status", .string)]),
        "StockCommandRecorded": .object([
            .init("command", .string), .init("status", .enumeration(["recorded", "already-handled"])), .init("sku", .string),
            .init("warehouse", .string, required: false),
            .init("onHand", .integer(description: "the warehouse's on hand after a receipt or adjustment"), required: false),
            .init("available", .integer(description: "the SKU's available units after it"), required: false),
        ]),
    ]
}
