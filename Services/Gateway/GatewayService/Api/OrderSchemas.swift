import Contracts
import GatewayCore

/// OpenAPI schemas of the order API: every field an answer carries (the end-to-end test holds
/// real answers to them, extra fields included).
enum OrderSchemas {
    static let status = Schema.values(of: OrderStatus.self)
    static let address = Schema.object([
        .init("name", .string), .init("phone", .string), .init("region", .string), .init("city", .string),
        .init("street", .string), .init("postcode", .string, required: false),
    ])

    static let paymentMethod = Schema.values(of: PaymentMethod.self)
    static let totals = Schema.object([.init("lineCount", .integer), .init("quantity", .integer), .init("amount", .money)])
    static let line = Schema.object([
        .init("line", .string), .init("sku", .string), .init("product", .string), .init("supplier", .string),
        .init("distributor", .string(description: "the shop the line was bought through"), required: false),
        .init("category", .array(.string)), .init("quantity", .integer), .init("unitPrice", .money), .init("lineTotal", .money),
        .init("rule", CatalogSchemas.appliedRule), .init("subOrder", .string),
        .init("reservation", .values(of: LineReservationStatus.self)),
        .init("allocations", .array(.object([.init("warehouse", .string), .init("quantity", .integer)]))),
    ])
    static let subOrder = Schema.object([
        .init("subOrder", .string), .init("supplier", .string), .init("lines", .array(.string)), .init("totals", totals),
        .init("status", .values(of: SubOrderStatus.self)),
        .init("shipment", .object([.init("carrier", .string), .init("trackingNumber", .string),
                                   .init("shippedAt", .string(format: "date-time"))]), required: false),
        .init("deliveredAt", .string(format: "date-time"), required: false),
        .init("cancellation", .object([.init("by", .string), .init("user", .string), .init("reason", .string),
                                           .init("at", .string(format: "date-time"))]), required: false),
    ])
    static let returnView = Schema.object([
        .init("returnId", .string), .init("status", .values(of: ReturnStatus.self)),
        .init("supplier", .string),
        .init("lines", .array(.object([.init("line", .string), .init("sku", .string), .init("quantity", .integer),
                                       .init("reason", .string), .init("unitPrice", .money), .init("amount", .money)]))),
        .init("requestedBy", .string), .init("requestedAt", .string(format: "date-time")),
        .init("decidedBy", .string, required: false), .init("decidedAt", .string(format: "date-time"), required: false),
        .init("comment", .string, required: false), .init("amount", .money), .init("refund", .string, required: false),
        .init("settlement", .values(of: ReturnSettlement.self), required: false),
        .init("refundedAt", .string(format: "date-time"), required: false), .init("failure", .string, required: false),
        .init("restock", .array(.object([.init("line", .string), .init("sku", .string), .init("warehouse", .string),
                                         .init("quantity", .integer)]))),
    ])

    static let all: [String: Schema] = [
        "PlaceOrderRequest": .object([
            .init("lines", .array(.object([
                .init("sku", .string), .init("quantity", .integer(minimum: 1)),
                .init("shop", .string(description: "a distributor's shop to buy the line from, at its resale price"), required: false),
            ]), maxItems: 1_000)),
            .init("deliveryAddress", address),
            .init("paymentMethod", paymentMethod),
            .init("poNumber", .string, required: false), .init("note", .string, required: false),
        ]),
        "Order": .object([
            .init("order", .string), .init("buyer", .string), .init("status", status),
            .init("statusReason", .string, required: false), .init("placedBy", .string),
            .init("placedAt", .string(format: "date-time")), .init("updatedAt", .string(format: "date-time")),
            .init("idempotencyKey", .string, required: false), .init("poNumber", .string, required: false),
            .init("note", .string, required: false), .init("deliveryAddress", address),
            .init("payment", .object([
                .init("method", paymentMethod),
                .init("status", .values(of: OrderPaymentStatus.self)),
                .init("reference", .string(description: "how to pay (bank transfer, prepayment)"), required: false),
                .init("amount", .money),
            ])),
            .init("lines", .array(line)), .init("subOrders", .array(subOrder)), .init("totals", totals),
            .init("approval", .array(.object([
                .init("role", .string), .init("rules", .array(.string)),
                .init("decision", .values(of: OrderSummary.ApprovalProgress.Decision.self)),
                .init("by", .string, required: false), .init("at", .string(format: "date-time"), required: false),
                .init("comment", .string, required: false),
            ]))),
            .init("deadline", .string(format: "date-time", description: "when a waiting order expires"), required: false),
            .init("history", .array(.object([
                .init("at", .string(format: "date-time")), .init("status", status), .init("reason", .string),
            ]))),
            .init("returns", .array(returnView), required: false),
        ]),
        "SubOrder": .object([
            .init("order", .string), .init("buyer", .string), .init("orderStatus", status),
            .init("placedAt", .string(format: "date-time")), .init("poNumber", .string, required: false),
            .init("note", .string, required: false), .init("deliveryAddress", address), .init("subOrder", .string),
            .init("supplier", .string), .init("status", .values(of: SubOrderStatus.self)),
            .init("lines", .array(line)), .init("totals", totals),
            .init("shipment", .object([.init("carrier", .string), .init("trackingNumber", .string),
                                       .init("shippedAt", .string(format: "date-time"))]), required: false),
            .init("deliveredAt", .string(format: "date-time"), required: false),
            .init("cancellation", .object([.init("by", .string), .init("user", .string), .init("reason", .string),
                                           .init("at", .string(format: "date-time"))]), required: false),
            .init("returns", .array(returnView)),
        ], description: "one supplier's part of an order: what the supplier (or a distributor of its lines) sees"),
        "ShipmentResults": .object([
            .init("shipped", .integer), .init("failed", .integer),
            .init("results", .array(.object([
                .init("order", .string), .init("subOrder", .string),
                .init("status", .integer(description: "what the single ship request would have answered")),
                .init("shipped", .ref("SubOrder"), required: false),
                .init("error", .object([.init("code", .string), .init("message", .string), .init("field", .string, required: false)]),
                      required: false),
            ]))),
        ], description: "each shipment of a batch in request order: the shipped sub-order, or why it was refused"),
        "SubOrderPage": .object([
            .init("subOrders", .array(.object([
                .init("order", .string), .init("buyer", .string), .init("subOrder", .string), .init("supplier", .string),
                .init("orderStatus", status), .init("status", .values(of: SubOrderStatus.self)),
                .init("placedAt", .string(format: "date-time")), .init("confirmedAt", .string(format: "date-time")),
                .init("poNumber", .string, required: false), .init("deliveryAddress", address), .init("totals", totals),
                .init("shipment", .object([.init("carrier", .string), .init("trackingNumber", .string),
                                           .init("shippedAt", .string(format: "date-time"))]), required: false),
                .init("deliveredAt", .string(format: "date-time"), required: false),
                .init("lines", .array(.object([
                    .init("line", .string), .init("sku", .string), .init("product", .string),
                    .init("distributor", .string, required: false), .init("quantity", .integer), .init("unitPrice", .money),
                    .init("lineTotal", .money),
                    .init("allocations", .array(.object([.init("warehouse", .string), .init("quantity", .integer)]))),
                ], description: "with lines=true: the lines the caller takes part in")), required: false),
            ]))),
            .init("nextBefore", .string(description: "the cursor of the next page; absent on the last"), required: false),
            .init("resumeBefore", .string(description: "sort=oldest, on the last page: the cursor to ask with later for only the sub-orders confirmed since"),
                  required: false),
        ], description: "a page of a supplier's or distributor's order desk, newest confirmed first"),
        "OrderPage": .object([
            .init("orders", .array(.object([
                .init("order", .string), .init("status", status), .init("placedAt", .string(format: "date-time")),
                .init("placedBy", .string), .init("poNumber", .string, required: false), .init("total", .money),
                .init("lineCount", .integer), .init("subOrderCount", .integer),
            ]))),
            .init("nextBefore", .string, required: false),
        ]),
        "ReturnRequest": .object([
            .init("lines", .array(.object([.init("sku", .string), .init("quantity", .integer(minimum: 1)),
                                           .init("reason", .string(description: "why, at most 500 characters"))]), maxItems: 1_000)),
        ]),
        "QuickOrderRequest": .object([
            .init("csv", .string(description: "one 'SKU,quantity' or 'SKU,quantity,shop' per line")), .init("deliveryAddress", address),
            .init("paymentMethod", paymentMethod),
            .init("poNumber", .string, required: false), .init("note", .string, required: false),
        ]),
        "ApprovalRule": .object([
            .init("name", .string), .init("minimumTotal", .money, required: false),
            .init("category", .array(.string), required: false), .init("roles", .array(.string)),
        ]),
        "CreditLineRequest": .object([.init("limit", .money), .init("termDays", .integer(minimum: 0))]),
    ]
}
