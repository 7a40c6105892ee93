import Contracts

/// Who supplies each SKU, for low-stock notices: learnt from the catalog (which every relay
/// instance folds whole: it is compacted) and from the lines of placed orders. One for all of the
/// relay's partitions, since a SKU's stock events arrive on inventory partitions that have nothing
/// to do with the order partitions its orders are on. Pure and bounded; not checkpointed, since the
/// catalog is read again at every start.
public struct SKUSuppliers: Sendable, Equatable {
    private var suppliers: BoundedMap<SKU, CompanyID>

    public init(limit: Int = 200_000) {
        suppliers = BoundedMap(limit: limit)
    }

    /// The supplier known for `sku` (nil: a low-stock event for it cannot be routed yet).
    public func supplier(of sku: SKU) -> CompanyID? { suppliers[sku] }

    /// Learns SKU owners from the catalog.
    public mutating func learn(_ event: CatalogEvent) {
        guard case let .productChanged(product) = event else { return }
        for sku in product.skus { suppliers[sku.sku] = product.supplier }
    }

    /// Learns SKU owners from a placed order's lines (a SKU may be ordered before the catalog
    /// replica has caught up with it).
    public mutating func learn(_ event: OrderEvent) {
        guard case let .placed(placed) = event else { return }
        for line in placed.lines { suppliers[line.sku] = line.supplier }
    }

    /// The drafts for an inventory event: low stock goes to the SKU's supplier, when known.
    public func route(_ envelope: Envelope<InventoryEvent>) -> [NotificationDraft] {
        guard case let .lowStock(low) = envelope.payload, let supplier = suppliers[low.sku] else { return [] }
        var parameters = ["sku": low.sku.rawValue, "available": String(low.available),
                          "safetyStock": String(low.safetyStock), "warehouseText": ""]
        if let warehouse = low.warehouse {
            parameters["warehouse"] = warehouse.rawValue
            parameters["warehouseText"] = " (\(warehouse.rawValue))"
        }
        return [NotificationDraft(
            recipient: supplier, audience: NotificationAudience(roles: [.warehouse, .catalogManager]),
            eventType: NotificationEventTypes.lowStock, parameters: parameters, link: "/v1/inventory/\(low.sku.rawValue)",
            source: envelope.id, idSeed: envelope.id.rawValue, occurredAt: envelope.occurredAt)]
    }
}
