import Contracts
import Foundation

/// One return (RMA) of an order as the order service keeps it. Changed only by
/// `OrderRecord.applyReturn`, from the `order.return-*` events.
struct ReturnRecord: Sendable, Equatable, Codable {
    let returnId: String
    let supplier: CompanyID
    let lines: [OrderReturnLine]
    let requestedBy: UserID
    let requestedAt: Date
    /// The value of the lines at the order's unit prices.
    let amount: Money
    var status: ReturnStatus = .requested
    var decidedBy: UserID?
    var decidedAt: Date?
    var comment: String?
    var restock: [ReturnRestock] = []
    var refund: String?
    var settlement: ReturnSettlement?
    var refundedAt: Date?
    var failure: String?

    init(requested event: OrderReturnRequested) {
        returnId = event.returnId
        supplier = event.supplier
        lines = event.lines
        requestedBy = event.requestedBy
        requestedAt = event.at
        amount = event.amount
    }

    /// Units of order line `line` this return claims (0 once rejected).
    func claimed(of line: String) -> Int64 {
        guard status.claimsUnits else { return 0 }
        return lines.reduce(0) { $1.line == line ? $0 + $1.quantity : $0 }
    }

    /// True when `lines` asks for exactly what this return holds (same SKUs, units and reasons).
    func matches(_ requested: [ReturnLine]) -> Bool {
        requested.count == lines.count
            && zip(requested, lines).allSatisfy { $0.sku == $1.sku && $0.quantity == $1.quantity && $0.reason == $1.reason }
    }

    var view: OrderSummary.ReturnView {
        OrderSummary.ReturnView(
            returnId: returnId, status: status, supplier: supplier, lines: lines, requestedBy: requestedBy,
            requestedAt: requestedAt, decidedBy: decidedBy, decidedAt: decidedAt, comment: comment, amount: amount,
            refund: refund, settlement: settlement, refundedAt: refundedAt, failure: failure,
            restock: restock)
    }
}
