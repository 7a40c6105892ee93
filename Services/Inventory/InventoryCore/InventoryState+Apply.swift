import Contracts

/// Folding events into state. The only way state changes; `InventoryDecider` only reads it.
extension InventoryState {
    /// Applies one event. Applying an event twice leaves the same state as applying it once
    /// (DESIGN principle 3: a repeated event is a no-op): events of a command already handled are
    /// skipped, and stock events carry the resulting on-hand.
    public mutating func apply(_ event: InventoryEvent) {
        guard let sku = event.sku else {
            applyWarehouseEvent(event)
            return
        }
        var stock = skus.removeValue(forKey: sku) ?? SKUStock(limit: rememberedCommandsPerSKU)
        stock.apply(event)
        skus[sku] = stock
    }

    /// The state after `events`, in order.
    public func applying(_ events: [InventoryEvent]) -> InventoryState {
        var next = self
        for event in events { next.apply(event) }
        return next
    }

    private mutating func applyWarehouseEvent(_ event: InventoryEvent) {
        guard !recentWarehouseCommands.contains(event.commandId) else { return }
        if case let .warehouseRegionSet(set) = event {
            if let supplier = set.supplier {
                supplierWarehouseRegions[supplier, default: [:]][set.warehouse] = set.region
            } else {
                sharedWarehouseRegions[set.warehouse] = set.region
            }
        }
        // A rejection is remembered too: a replayed rejected command must be rejected again.
        recentWarehouseCommands.insert(event.commandId)
    }
}
