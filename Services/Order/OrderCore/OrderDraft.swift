import Contracts

/// A `PlaceOrder`'s lines checked, numbered, totalled and split into one sub-order per supplier.
///
/// - 1...maximumLines lines (0 is `invalid-field`, more is `limit-exceeded`, field `lines`);
/// - quantity 1...maximumQuantityPerLine; unit price not negative; one currency for the whole order
///   (a mixed order is refused: totals and credit are per currency, and nothing converts);
/// - each SKU on one line only (inventory reserves per line; two lines of one SKU would compete);
/// - line total = unit price × quantity, order total = Σ line totals, both without overflow;
/// - sub-orders in the order their supplier first appears, lines in the buyer's order.
struct OrderDraft {
    let lines: [OrderLine]
    let subOrders: [SubOrder]
    let total: Money

    init(order: OrderID, lines priced: [PricedLine], policy: OrderPolicy) throws(Refusal) {
        if priced.isEmpty { throw .invalid("lines", "an order needs at least one line") }
        // SAGA-SPEC caps an order at 1,000 lines whatever the policy says.
        let maximumLines = min(policy.maximumLines, OrderPolicy.maximumLinesLimit)
        if priced.count > maximumLines {
            throw Refusal(.limitExceeded, field: "lines",
                          "an order has at most \(maximumLines) lines, got \(priced.count); split it into several orders")
        }
        let currency = priced[0].unitPrice.currency
        var firstLineOfSKU: [SKU: Int] = [:]
        var lines: [OrderLine] = []
        lines.reserveCapacity(priced.count)
        var total = Money.zero(currency)
        for (index, line) in priced.enumerated() {
            let field = "lines[\(index)]"
            guard (1...policy.maximumQuantityPerLine).contains(line.quantity) else {
                throw .invalid("\(field).quantity",
                               "quantity must be between 1 and \(policy.maximumQuantityPerLine), got \(line.quantity)")
            }
            guard line.unitPrice.currency == currency else {
                // The client picks the SKU, not its price: the field to change is the SKU.
                throw .invalid("\(field).sku", "SKU \(line.sku) on line \(index + 1) is priced in \(line.unitPrice.currency) but "
                               + "line 1 in \(currency); one order holds one currency, so order it separately")
            }
            guard !line.unitPrice.isNegative else {
                throw .invalid("\(field).unitPrice", "unit price must not be negative, got \(line.unitPrice)")
            }
            if let first = firstLineOfSKU[line.sku] {
                throw .invalid("\(field).sku", "SKU \(line.sku) is already on line \(first + 1); order each SKU on one line")
            }
            firstLineOfSKU[line.sku] = index
            try TextRules.category(line.category, field: "\(field).category")
            try TextRules.limit(line.rule.description, field: "\(field).rule.description", maximum: TextRules.ruleDescription)
            let lineTotal: Money
            do {
                lineTotal = try line.unitPrice.multiplied(by: line.quantity)
                total = try total.adding(lineTotal)
            } catch {
                throw Refusal(.limitExceeded, field: "\(field).quantity", "the order total is too large to count (\(error))")
            }
            lines.append(OrderLine(
                line: order.lineId(index + 1), sku: line.sku, product: line.product, supplier: line.supplier,
                distributor: line.distributor, category: line.category, quantity: line.quantity,
                unitPrice: line.unitPrice, lineTotal: lineTotal, rule: line.rule,
                subOrder: order.subOrderId(supplier: line.supplier)))
        }
        self.lines = lines
        self.total = total
        self.subOrders = Self.split(lines, currency: currency)
    }

    /// One sub-order per supplier; sums cannot overflow because the order total did not.
    private static func split(_ lines: [OrderLine], currency: Currency) -> [SubOrder] {
        var order: [String] = []
        var grouped: [String: (supplier: CompanyID, lines: [String], total: Int64)] = [:]
        for line in lines {
            if grouped[line.subOrder] == nil {
                order.append(line.subOrder)
                grouped[line.subOrder] = (line.supplier, [], 0)
            }
            grouped[line.subOrder]?.lines.append(line.line)
            grouped[line.subOrder]?.total += line.lineTotal.minorUnits
        }
        return order.compactMap { id in
            grouped[id].map { SubOrder(subOrder: id, supplier: $0.supplier, lines: $0.lines,
                                       total: Money(minorUnits: $0.total, currency: currency)) }
        }
    }
}
