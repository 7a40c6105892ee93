import GatewayCore

/// OpenAPI schemas of the order API (the fields clients rely on; the read model may carry more).
enum OrderSchemas {
    static let status = Schema.enumeration(["pending-approval", "reserving-stock", "awaiting-payment", "confirmed",
                                             "completed", "rejected", "cancelled", "expired"])
    static let address = Schema.object([
        .init("name", .string), .init("phone", .string), .init("region", .string), .init("city", .string),
        .init("street", .string), .init("postcode", .string, required: false),
    ])

    static let all: [String: Schema] = [
        "PlaceOrderRequest": .object([
            .init("lines", .array(.object([.init("sku", .string), .init("quantity", .integer(minimum: 1))]), maxItems: 1_000)),
            .init("deliveryAddress", address),
            .init("paymentMethod", .enumeration(["credit", "prepayment", "bank-transfer"])),
            .init("poNumber", .string, required: false), .init("note", .string, required: false),
        ]),
        "Order": .object([
            .init("order", .string), .init("buyer", .string), .init("status", status),
            .init("statusReason", .string, required: false), .init("placedBy", .string),
            .init("placedAt", .string(format: "date-time")), .init("updatedAt", .string(format: "date-time")),
            .init("deliveryAddress", address), .init("lines", .array(.object([
                .init("sku", .string), .init("quantity", .integer), .init("unitPrice", .money),
            ]))), .init("subOrders", .array(.object([.init("subOrder", .string), .init("supplier", .string), .init("status", .string)]))),
            .init("history", .array(.object([.init("at", .string(format: "date-time"))]))),
        ]),
        "OrderPage": .object([
            .init("orders", .array(.object([.init("order", .string), .init("status", status), .init("total", .money),
                                            .init("placedAt", .string(format: "date-time"))]))),
            .init("nextBefore", .string, required: false),
        ]),
        "ReturnRequest": .object([
            .init("lines", .array(.object([.init("sku", .string), .init("quantity", .integer(minimum: 1)),
                                           .init("reason", .string(description: "why, at most 500 characters"))]), maxItems: 1_000)),
        ]),
        "QuickOrderRequest": .object([
            .init("csv", .string(description: "one 'SKU,quantity' per line")), .init("deliveryAddress", address),
            .init("paymentMethod", .enumeration(["credit", "prepayment", "bank-transfer"])),
            .init("poNumber", .string, required: false), .init("note", .string, required: false),
        ]),
        "ApprovalRule": .object([
            .init("name", .string), .init("minimumTotal", .money, required: false),
            .init("category", .array(.string), required: false), .init("roles", .array(.string)),
        ]),
        "CreditLineRequest": .object([.init("limit", .money), .init("termDays", .integer(minimum: 0))]),
    ]
}
