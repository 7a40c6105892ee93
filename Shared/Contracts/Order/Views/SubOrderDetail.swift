import Foundation

/// One supplier's part of an order, as the companies involved in it see it: what to ship, where,
/// under which PO, and what happened to it since (shipment, delivery, returns).
///
/// Orders live on the buyer's partition and their full view is the buyer's (approvals, payment,
/// history, every supplier's lines and prices). A supplier's warehouse needs its own sub-order to
/// ship it, and nothing else: the other suppliers' lines and the buyer's internal approvals and
/// payment stay out. A distributor whose shop sold some of the lines sees those lines, and the
/// returns of them.
public struct SubOrderDetail: Encodable, Sendable, Hashable {
    public let order: OrderID
    public let buyer: CompanyID
    /// The whole order's status: a sub-order is shipped only once the order is `confirmed`.
    public let orderStatus: OrderStatus
    public let placedAt: Date
    public let poNumber: String?
    public let note: String?
    public let deliveryAddress: Address
    public let subOrder: String
    public let supplier: CompanyID
    public let status: SubOrderStatus
    public let lines: [OrderSummary.Line]
    public let totals: OrderTotals
    public let shipment: OrderSummary.Shipment?
    public let deliveredAt: Date?
    /// Who cancelled it on its own, why and when.
    public let cancellation: OrderSummary.Cancellation?
    public let returns: [OrderSummary.ReturnView]

    /// The sub-order `subOrder` of `summary` as `viewer` may see it; nil when the order has no
    /// such sub-order or `viewer` takes no part in it (answered as "not found": an order's
    /// existence is not told to companies outside it). `seesEverything`: the platform operator.
    public init?(_ summary: OrderSummary, subOrder: String, viewer: CompanyID, seesEverything: Bool = false) {
        guard let part = summary.subOrders.first(where: { $0.subOrder == subOrder }) else { return nil }
        let ofPart = summary.lines.filter { $0.subOrder == subOrder }
        let seesWhole = seesEverything || viewer == summary.buyer || viewer == part.supplier
        let shown = seesWhole ? ofPart : ofPart.filter { $0.distributor == viewer }
        guard !shown.isEmpty else { return nil }
        order = summary.order
        buyer = summary.buyer
        orderStatus = summary.status
        placedAt = summary.placedAt
        poNumber = summary.poNumber
        note = summary.note
        deliveryAddress = summary.deliveryAddress
        self.subOrder = subOrder
        supplier = part.supplier
        status = part.status
        lines = shown
        totals = seesWhole ? part.totals : Self.totals(of: shown, else: part.totals)
        shipment = part.shipment
        deliveredAt = part.deliveredAt
        cancellation = part.cancellation
        let ofSupplier = summary.returns.filter { $0.supplier == part.supplier }
        returns = seesWhole ? ofSupplier : Self.returns(ofSupplier, limitedTo: Set(shown.map(\.line)))
    }

    /// A distributor's view of returns: those of lines its shop sold, each with only those lines
    /// and their value (the supplier's direct sales in the same return are not its business).
    private static func returns(_ returns: [OrderSummary.ReturnView], limitedTo lineIds: Set<String>) -> [OrderSummary.ReturnView] {
        returns.compactMap { item in
            let lines = item.lines.filter { lineIds.contains($0.line) }
            guard let first = lines.first else { return nil }
            let minorUnits = lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            return OrderSummary.ReturnView(
                returnId: item.returnId, status: item.status, supplier: item.supplier, lines: lines,
                requestedBy: item.requestedBy, requestedAt: item.requestedAt, decidedBy: item.decidedBy,
                decidedAt: item.decidedAt, comment: item.comment,
                amount: Money(minorUnits: minorUnits, currency: first.amount.currency), refund: item.refund,
                settlement: item.settlement, refundedAt: item.refundedAt, failure: item.failure,
                restock: item.restock.filter { lineIds.contains($0.line) })
        }
    }

    /// The totals of some of a sub-order's lines (one currency per order, so the sum cannot fail;
    /// if it did, the sub-order's own totals are shown rather than none).
    private static func totals(of lines: [OrderSummary.Line], else whole: OrderTotals) -> OrderTotals {
        guard let first = lines.first else { return whole }
        var amount = Money(minorUnits: 0, currency: first.lineTotal.currency)
        for line in lines {
            guard let sum = try? amount.adding(line.lineTotal) else { return whole }
            amount = sum
        }
        return OrderTotals(lineCount: lines.count, quantity: lines.reduce(0) { $0 + $1.quantity }, amount: amount)
    }
}
