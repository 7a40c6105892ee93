import Foundation
import Contracts
import InventoryCore

/// Builders for inventory commands in envelopes, so each test states only what it is about.
enum Build {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static let sku: SKU = id("SKU-RED-42")
    static let shanghai: WarehouseID = id("WH-SH-01")
    static let beijing: WarehouseID = id("WH-BJ-01")
    static let now = Date(timeIntervalSince1970: 1_795_320_000)

    static func command(_ commandId: String, _ payload: InventoryCommand) -> Envelope<InventoryCommand> {
        Envelope(id: id(commandId), occurredAt: now, causationId: nil, correlationId: id("corr-\(commandId)"),
                 tenant: "tradeflow", key: payload.sku.rawValue, payload: payload)
    }

    static func receive(_ commandId: String, _ quantity: Int64, into warehouse: WarehouseID = shanghai,
                        sku: SKU = sku, reference: String = "ASN-1") -> Envelope<InventoryCommand> {
        command(commandId, .receiveStock(ReceiveStock(sku: sku, warehouse: warehouse, quantity: quantity,
                                                      reference: reference)))
    }

    static func adjust(_ commandId: String, _ delta: Int64, in warehouse: WarehouseID = shanghai,
                       reason: String = "cycle count") -> Envelope<InventoryCommand> {
        command(commandId, .adjustStock(AdjustStock(sku: sku, warehouse: warehouse, delta: delta, reason: reason)))
    }
}

extension InventoryDecision {
    var rejection: StockCommandRejected? {
        if case let .rejected(rejection) = self { return rejection }
        return nil
    }
}

/// Decides and applies, as the service does.
struct Harness {
    var state = InventoryState()
    let decider = InventoryDecider()

    @discardableResult
    mutating func handle(_ command: Envelope<InventoryCommand>) -> InventoryDecision {
        let decision = decider.decide(command, state: state)
        for event in decision.events { state.apply(event) }
        return decision
    }
}
