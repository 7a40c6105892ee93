import Contracts

/// Folding events into state. The only way state changes; `InventoryDecider` only reads it.
extension InventoryState {
    /// Applies one event. Events carry the resulting on-hand, which is taken as is: applying an event
    /// twice leaves the same state as applying it once (DESIGN principle 3: a repeated event is a no-op).
    public mutating func apply(_ event: InventoryEvent) {
        var stock = skus[event.sku] ?? SKUStock(recentCommands: RecentCommandIDs(limit: rememberedCommandsPerSKU))
        switch event {
        case let .stockReceived(received):
            stock.onHand[received.warehouse] = received.onHand
        case let .stockAdjusted(adjusted):
            stock.onHand[adjusted.warehouse] = adjusted.onHand
        case .stockCommandRejected:
            // Remembered too: a replayed rejected command must be rejected again, not re-decided
            // against stock that has changed since.
            break
        }
        stock.recentCommands.insert(event.commandId)
        skus[event.sku] = stock
    }

    /// The state after `events`, in order.
    public func applying(_ events: [InventoryEvent]) -> InventoryState {
        var next = self
        for event in events { next.apply(event) }
        return next
    }
}
