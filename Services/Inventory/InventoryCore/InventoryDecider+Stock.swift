import Contracts

/// Receipts, adjustments and safety stock.
///
/// - receiving into an unknown warehouse creates it; adjusting an unknown warehouse is refused;
/// - an adjustment may take on-hand down to what is reserved in that warehouse, not below
///   (and never below zero); the refusal names `delta`;
/// - safety stock is 0...maximumQuantity (0 removes it), SKU-wide or per warehouse, and may be set
///   before any stock arrives.
extension InventoryDecider {
    func decide(_ command: ReceiveStock, id: MessageID, position: StockPosition) -> Result<InventoryEvent, Refusal> {
        guard (1...maximumQuantity).contains(command.quantity) else {
            return .failure(Refusal(.invalidQuantity, field: "quantity",
                                    "quantity must be between 1 and \(maximumQuantity), got \(command.quantity)"))
        }
        if let problem = textProblem(command.reference) {
            return .failure(Refusal(.invalidField, field: "reference", "reference \(problem)"))
        }
        let current = position.onHand[command.warehouse] ?? 0
        let (onHand, overflow) = current.addingReportingOverflow(command.quantity)
        if overflow {
            return .failure(Refusal(.quantityOverflow, field: "quantity",
                                    "receiving \(command.quantity) onto \(current) exceeds the largest countable stock"))
        }
        return .success(.stockReceived(StockReceived(
            commandId: id, sku: command.sku, warehouse: command.warehouse, quantity: command.quantity,
            reference: command.reference, onHand: onHand)))
    }

    func decide(_ command: AdjustStock, id: MessageID, position: StockPosition) -> Result<InventoryEvent, Refusal> {
        guard command.delta != 0, (-maximumQuantity...maximumQuantity).contains(command.delta) else {
            return .failure(Refusal(.invalidQuantity, field: "delta",
                                    "delta must be non-zero and between -\(maximumQuantity) and \(maximumQuantity), got \(command.delta)"))
        }
        if let problem = textProblem(command.reason) {
            return .failure(Refusal(.invalidField, field: "reason", "reason \(problem)"))
        }
        guard let current = position.onHand[command.warehouse] else {
            return .failure(Refusal(.unknownWarehouse, field: "warehouse",
                                    "warehouse \(command.warehouse) holds no stock of \(command.sku); receive stock there first"))
        }
        let (onHand, overflow) = current.addingReportingOverflow(command.delta)
        if overflow {
            return .failure(Refusal(.quantityOverflow, field: "delta",
                                    "adjusting \(current) by \(command.delta) exceeds the largest countable stock"))
        }
        guard onHand >= 0 else {
            return .failure(Refusal(.insufficientStock, field: "delta",
                                    "delta \(command.delta) would leave on-hand at \(onHand) in warehouse \(command.warehouse) (on hand \(current))"))
        }
        let reserved = position.reserved(in: command.warehouse)
        guard onHand >= reserved else {
            return .failure(Refusal(.insufficientStock, field: "delta",
                                    "delta \(command.delta) would leave on-hand at \(onHand) in warehouse \(command.warehouse), below the \(reserved) units reserved there (on hand \(current)); release reservations first"))
        }
        return .success(.stockAdjusted(StockAdjusted(
            commandId: id, sku: command.sku, warehouse: command.warehouse, delta: command.delta,
            reason: command.reason, onHand: onHand)))
    }

    func decide(_ command: SetSafetyStock, id: MessageID, position: StockPosition) -> Result<InventoryEvent, Refusal> {
        guard (0...maximumQuantity).contains(command.quantity) else {
            return .failure(Refusal(.invalidQuantity, field: "quantity",
                                    "quantity must be between 0 and \(maximumQuantity), got \(command.quantity)"))
        }
        let available = command.warehouse.map(position.available(in:)) ?? position.totalAvailable
        return .success(.safetyStockSet(SafetyStockSet(
            commandId: id, sku: command.sku, warehouse: command.warehouse, quantity: command.quantity,
            available: available)))
    }
}
