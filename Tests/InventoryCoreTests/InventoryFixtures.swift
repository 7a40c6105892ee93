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
    static let guangzhou: WarehouseID = id("WH-GZ-01")
    static let order: OrderID = id("ORD-1")
    static let buyer: CompanyID = id("COMPANY-ACME")
    /// The supplier of `sku` (and of the other SKUs unless a test says otherwise).
    static let supplier: CompanyID = id("SUP-RED-SHOES")
    static let otherSupplier: CompanyID = id("SUP-BLUE-HATS")
    static let now = Date(timeIntervalSince1970: 1_795_320_000)

    static func command(_ commandId: String, _ payload: InventoryCommand, key: String? = nil) -> Envelope<InventoryCommand> {
        Envelope(id: id(commandId), occurredAt: now, causationId: nil, correlationId: id("corr-\(commandId)"),
                 tenant: "tradeflow", key: key ?? payload.sku?.rawValue ?? "", payload: payload)
    }

    static func receive(_ commandId: String, _ quantity: Int64, into warehouse: WarehouseID = shanghai,
                        sku: SKU = sku, reference: String = "ASN-1") -> Envelope<InventoryCommand> {
        command(commandId, .receiveStock(ReceiveStock(sku: sku, warehouse: warehouse, quantity: quantity,
                                                      reference: reference)))
    }

    static func adjust(_ commandId: String, _ delta: Int64, in warehouse: WarehouseID = shanghai,
                       sku: SKU = sku, reason: String = "cycle count") -> Envelope<InventoryCommand> {
        command(commandId, .adjustStock(AdjustStock(sku: sku, warehouse: warehouse, delta: delta, reason: reason)))
    }

    static func reserve(_ commandId: String, _ reservation: String, _ quantity: Int64, order: OrderID = order,
                        sku: SKU = sku, supplier: CompanyID? = supplier, region: String? = nil,
                        replyKey: String = "COMPANY-ACME") -> Envelope<InventoryCommand> {
        command(commandId, .reserveStock(ReserveStock(reservation: reservation, order: order, buyer: buyer, sku: sku,
                                                      supplier: supplier, quantity: quantity, region: region,
                                                      replyKey: replyKey)))
    }

    static func release(_ commandId: String, _ reservation: String, order: OrderID = order, sku: SKU = sku,
                        reason: String = "order cancelled by buyer") -> Envelope<InventoryCommand> {
        command(commandId, .releaseReservation(ReleaseReservation(reservation: reservation, order: order, sku: sku,
                                                                  reason: reason, replyKey: "COMPANY-ACME")))
    }

    static func commit(_ commandId: String, _ reservation: String, order: OrderID = order,
                       sku: SKU = sku) -> Envelope<InventoryCommand> {
        command(commandId, .commitReservation(CommitReservation(reservation: reservation, order: order, sku: sku,
                                                                replyKey: "COMPANY-ACME")))
    }

    static func safetyStock(_ commandId: String, _ quantity: Int64, in warehouse: WarehouseID? = nil,
                            sku: SKU = sku) -> Envelope<InventoryCommand> {
        command(commandId, .setSafetyStock(SetSafetyStock(sku: sku, warehouse: warehouse, quantity: quantity)))
    }

    static func region(_ commandId: String, _ warehouse: WarehouseID, _ region: String, supplier: CompanyID? = supplier,
                       key: String = "broadcast-0") -> Envelope<InventoryCommand> {
        command(commandId, .setWarehouseRegion(SetWarehouseRegion(warehouse: warehouse, supplier: supplier, region: region)),
                key: key)
    }

    static func allocation(_ warehouse: WarehouseID, _ quantity: Int64) -> WarehouseAllocation {
        WarehouseAllocation(warehouse: warehouse, quantity: quantity)
    }
}

extension InventoryDecision {
    /// The `stock-command-rejected` event of a rejected decision.
    var rejection: StockCommandRejected? {
        guard outcome == .rejected, case let .stockCommandRejected(rejection)? = events.first else { return nil }
        return rejection
    }

    /// The `reservation-rejected` event of a rejected reserve.
    var reservationRejection: ReservationRejected? {
        guard outcome == .rejected, case let .reservationRejected(rejection)? = events.first else { return nil }
        return rejection
    }

    /// The allocations of a granted reserve.
    var reserved: [WarehouseAllocation]? {
        guard case let .stockReserved(reserved)? = events.first else { return nil }
        return reserved.allocations
    }

    var lowStockWarnings: [LowStock] {
        events.compactMap { event in
            if case let .lowStock(low) = event { return low }
            return nil
        }
    }

    /// The one reply's outcome.
    var replyOutcome: StockReservationResult.Outcome? { replies.count == 1 ? replies[0].payload.outcome : nil }
}

/// Decides and applies, as the service does, and keeps every published event.
struct Harness {
    var state = InventoryState()
    let decider = InventoryDecider()
    var published: [InventoryEvent] = []

    init(state: InventoryState = InventoryState()) {
        self.state = state
    }

    @discardableResult
    mutating func handle(_ command: Envelope<InventoryCommand>) -> InventoryDecision {
        let decision = decider.decide(command, state: state)
        for event in decision.events { state.apply(event) }
        published += decision.events
        return decision
    }

    /// Stock in warehouses, in order: `[(shanghai, 5), (beijing, 3)]`.
    mutating func stock(_ levels: [(WarehouseID, Int64)], sku: SKU = Build.sku) {
        for (index, level) in levels.enumerated() {
            handle(Build.receive("seed-\(sku)-\(level.0)-\(index)-\(published.count)", level.1, into: level.0, sku: sku))
        }
    }
}
