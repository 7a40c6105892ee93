import Contracts

extension OrderRecord {
    /// How a `PlaceOrder` sent again under this order's idempotency key asks for something else,
    /// in words ("has other lines"); nil when it is the same request. Prices are not compared: a
    /// retry may be priced again after a price change, and still means the same order.
    func difference(from command: PlaceOrder) -> String? {
        let asked = command.lines.map { LineAsked(sku: $0.sku, quantity: $0.quantity, distributor: $0.distributor) }
        let placed = lines.map { LineAsked(sku: $0.sku, quantity: $0.quantity, distributor: $0.distributor) }
        if asked != placed { return "has other lines or quantities" }
        if command.paymentMethod != paymentMethod { return "is paid by \(paymentMethod.rawValue), not \(command.paymentMethod.rawValue)" }
        if command.deliveryAddress != deliveryAddress { return "goes to another delivery address" }
        if command.poNumber != poNumber { return "has another PO number" }
        if command.note != note { return "has another note" }
        return nil
    }

    private struct LineAsked: Equatable {
        let sku: SKU
        let quantity: Int64
        let distributor: CompanyID?
    }
}
