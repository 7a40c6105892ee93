import Contracts

extension OrderRecord {
    /// How a `PlaceOrder` sent again under this order's idempotency key asks for something else,
    /// in words ("has other lines"); nil when it is the same request (`PlacementRequest`).
    func difference(from command: PlaceOrder) -> String? {
        let placed = PlacementRequest(lines: lines.map { .init(sku: $0.sku, quantity: $0.quantity, distributor: $0.distributor) },
                                      paymentMethod: paymentMethod, deliveryAddress: deliveryAddress,
                                      poNumber: poNumber, note: note)
        return PlacementRequest(command).difference(from: placed)
    }
}
