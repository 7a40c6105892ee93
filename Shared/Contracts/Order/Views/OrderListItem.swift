import Foundation

/// One order in a list of a buyer's orders (GET /v1/orders): enough to show a row.
public struct OrderListItem: Codable, Sendable, Hashable {
    public let order: OrderID
    public let status: OrderStatus
    public let placedAt: Date
    public let placedBy: UserID
    public let poNumber: String?
    public let total: Money
    public let lineCount: Int
    public let subOrderCount: Int

    public init(order: OrderID, status: OrderStatus, placedAt: Date, placedBy: UserID, poNumber: String?,
                total: Money, lineCount: Int, subOrderCount: Int) {
        self.order = order
        self.status = status
        self.placedAt = WireTimestamp.roundedToMilliseconds(placedAt)
        self.placedBy = placedBy
        self.poNumber = poNumber
        self.total = total
        self.lineCount = lineCount
        self.subOrderCount = subOrderCount
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", status = "status", placedAt = "placedAt", placedBy = "placedBy"
        case poNumber = "poNumber", total = "total", lineCount = "lineCount", subOrderCount = "subOrderCount"
    }
}

/// A page of a buyer's orders, newest first. Ask for the next page with `before: nextBefore`.
public struct OrderPage: Codable, Sendable, Hashable {
    public let orders: [OrderListItem]
    /// Absent on the last page.
    public let nextBefore: OrderID?

    public init(orders: [OrderListItem], nextBefore: OrderID?) {
        self.orders = orders
        self.nextBefore = nextBefore
    }

    private enum CodingKeys: String, CodingKey {
        case orders = "orders", nextBefore = "nextBefore"
    }
}
