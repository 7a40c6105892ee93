import Foundation
@testable import Contracts

/// The typed values of the order-saga inventory fixtures: the reservation commands and events, the
/// stock settings, and the `order.stock-reservation-result` reply.
enum SagaSamples {
    static let order: OrderID = Samples.id("ORD-2026-0001")
    static let buyer: CompanyID = Samples.id("COMPANY-ACME")
    static let beijing: WarehouseID = Samples.id("WH-BJ-01")
    static let supplier: CompanyID = Samples.id("SUP-RED-SHOES")
    static let line = "ORD-2026-0001-L1"
    static let split = [WarehouseAllocation(warehouse: Samples.warehouse, quantity: 8),
                        WarehouseAllocation(warehouse: beijing, quantity: 4)]

    static func keyed<M: MessageFamily>(_ id: String, _ payload: M, key: String, causation: String?,
                                        at occurredAt: String) -> Envelope<M> {
        Envelope(id: Samples.id(id), occurredAt: Samples.date(occurredAt), causationId: causation.map { Samples.id($0) },
                 correlationId: Samples.correlation, tenant: "tradeflow", key: key, payload: payload)
    }

    static let commands: [(String, Envelope<InventoryCommand>)] = [
        ("inventory.reserve-stock.v1.json", Samples.envelope(
            "cmd-0101", .reserveStock(ReserveStock(reservation: line, order: order, buyer: buyer, sku: Samples.sku,
                                                   supplier: supplier, quantity: 12, region: "华东", replyKey: buyer.rawValue)),
            causation: "ord-cmd-0001", at: "2026-11-22T04:10:00.000Z")),
        ("inventory.reserve-stock.v1.without-optionals.json", Samples.envelope(
            "cmd-0102", .reserveStock(ReserveStock(reservation: "ORD-2026-0001-L2", order: order, buyer: buyer,
                                                   sku: Samples.sku, supplier: nil, quantity: 1, region: nil,
                                                   replyKey: buyer.rawValue)),
            causation: "ord-cmd-0001", at: "2026-11-22T04:10:00.000Z")),
        ("inventory.release-reservation.v1.json", Samples.envelope(
            "cmd-0103", .releaseReservation(ReleaseReservation(reservation: line, order: order, sku: Samples.sku,
                                                               reason: "order cancelled by buyer: 买错了",
                                                               replyKey: buyer.rawValue)),
            causation: "ord-cmd-0002", at: "2026-11-22T04:20:00.000Z")),
        ("inventory.commit-reservation.v1.json", Samples.envelope(
            "cmd-0104", .commitReservation(CommitReservation(reservation: line, order: order, sku: Samples.sku,
                                                             replyKey: buyer.rawValue)),
            causation: "ord-cmd-0003", at: "2026-11-22T04:30:00.000Z")),
        ("inventory.set-safety-stock.v1.json", Samples.envelope(
            "cmd-0105", .setSafetyStock(SetSafetyStock(sku: Samples.sku, warehouse: Samples.warehouse, quantity: 20)),
            causation: nil, at: "2026-11-22T04:01:00.000Z")),
        ("inventory.set-safety-stock.v1.without-optionals.json", Samples.envelope(
            "cmd-0106", .setSafetyStock(SetSafetyStock(sku: Samples.sku, warehouse: nil, quantity: 50)),
            causation: nil, at: "2026-11-22T04:01:00.000Z")),
        ("inventory.set-warehouse-region.v1.json", keyed(
            "cmd-0107", InventoryCommand.setWarehouseRegion(SetWarehouseRegion(warehouse: Samples.warehouse,
                                                                               supplier: supplier, region: "华东")),
            key: "WH-SH-01", causation: nil, at: "2026-11-22T03:59:00.000Z")),
        // As sent before regions were kept per supplier: it applies to every supplier without its own.
        ("inventory.set-warehouse-region.v1.without-optionals.json", keyed(
            "cmd-0108", InventoryCommand.setWarehouseRegion(SetWarehouseRegion(warehouse: Samples.warehouse,
                                                                               supplier: nil, region: "华东")),
            key: "WH-SH-01", causation: nil, at: "2026-11-22T03:58:00.000Z")),
    ]

    static let events: [(String, Envelope<InventoryEvent>)] = [
        ("inventory.stock-reserved.v1.json", Samples.envelope(
            "evt-0101", .stockReserved(StockReserved(commandId: Samples.id("cmd-0101"), reservation: line, order: order,
                                                     sku: Samples.sku, allocations: split, available: 101)),
            causation: "cmd-0101", at: "2026-11-22T04:10:00.004Z")),
        ("inventory.reservation-released.v1.json", Samples.envelope(
            "evt-0102", .reservationReleased(ReservationReleased(
                commandId: Samples.id("cmd-0103"), reservation: line, order: order, sku: Samples.sku,
                allocations: split, reason: "order cancelled by buyer: 买错了", available: 113)),
            causation: "cmd-0103", at: "2026-11-22T04:20:00.003Z")),
        ("inventory.reservation-committed.v1.json", Samples.envelope(
            "evt-0103", .reservationCommitted(ReservationCommitted(
                commandId: Samples.id("cmd-0104"), reservation: line, order: order, sku: Samples.sku,
                allocations: split, onHand: 101, available: 101)),
            causation: "cmd-0104", at: "2026-11-22T04:30:00.002Z")),
        ("inventory.reservation-rejected.v1.json", Samples.envelope(
            "evt-0104", .reservationRejected(ReservationRejected(
                commandId: Samples.id("cmd-0108"), reservation: "ORD-2026-0002-L1", order: Samples.id("ORD-2026-0002"),
                sku: Samples.sku, code: .insufficientStock, field: "quantity", available: 101,
                reason: "requested 500 of SKU-RED-42 but only 101 available")),
            causation: "cmd-0108", at: "2026-11-22T04:11:00.001Z")),
        ("inventory.reservation-rejected.v1.without-optionals.json", Samples.envelope(
            "evt-0105", .reservationRejected(ReservationRejected(
                commandId: Samples.id("cmd-0109"), reservation: "ORD-2026-0003-L1", order: Samples.id("ORD-2026-0003"),
                sku: Samples.sku, code: .unknownSKU, field: nil, available: 0,
                reason: "SKU-RED-42 is not stocked in any warehouse")),
            causation: "cmd-0109", at: "2026-11-22T04:12:00.000Z")),
        ("inventory.low-stock.v1.json", Samples.envelope(
            "evt-0106", .lowStock(LowStock(commandId: Samples.id("cmd-0101"), sku: Samples.sku, warehouse: Samples.warehouse,
                                           available: 19, safetyStock: 20)),
            causation: "cmd-0101", at: "2026-11-22T04:10:00.004Z")),
        ("inventory.low-stock.v1.without-optionals.json", Samples.envelope(
            "evt-0107", .lowStock(LowStock(commandId: Samples.id("cmd-0101"), sku: Samples.sku, warehouse: nil,
                                           available: 101, safetyStock: 120)),
            causation: "cmd-0101", at: "2026-11-22T04:10:00.004Z")),
        ("inventory.safety-stock-set.v1.json", Samples.envelope(
            "evt-0108", .safetyStockSet(SafetyStockSet(commandId: Samples.id("cmd-0105"), sku: Samples.sku,
                                                       warehouse: Samples.warehouse, quantity: 20, available: 113)),
            causation: "cmd-0105", at: "2026-11-22T04:01:00.010Z")),
        ("inventory.safety-stock-set.v1.without-optionals.json", Samples.envelope(
            "evt-0109", .safetyStockSet(SafetyStockSet(commandId: Samples.id("cmd-0106"), sku: Samples.sku,
                                                       warehouse: nil, quantity: 50, available: 113)),
            causation: "cmd-0106", at: "2026-11-22T04:01:00.010Z")),
        ("inventory.warehouse-region-set.v1.json", keyed(
            "evt-0110", InventoryEvent.warehouseRegionSet(WarehouseRegionSet(
                commandId: Samples.id("cmd-0107"), warehouse: Samples.warehouse, supplier: supplier, region: "华东")),
            key: "WH-SH-01", causation: "cmd-0107", at: "2026-11-22T03:59:00.005Z")),
        ("inventory.warehouse-command-rejected.v1.json", keyed(
            "evt-0111", InventoryEvent.warehouseCommandRejected(WarehouseCommandRejected(
                commandId: Samples.id("cmd-0110"), warehouse: beijing, code: .invalidField, field: "region",
                reason: "region must not be blank")),
            key: "WH-BJ-01", causation: "cmd-0110", at: "2026-11-22T03:59:30.000Z")),
    ]

    /// The reply, in the stand-in family (the order engineer's `OrderCommand` encodes the same bytes).
    static let replies: [(String, Envelope<ReservationReplyFamily>)] = [
        ("inventory.reply.order.stock-reservation-result.v1.reserved.json", keyed(
            "rpl-0101", ReservationReplyFamily(StockReservationResult(
                reservation: line, order: order, sku: Samples.sku, outcome: .reserved(allocations: split))),
            key: buyer.rawValue, causation: "cmd-0101", at: "2026-11-22T04:10:00.004Z")),
        ("inventory.reply.order.stock-reservation-result.v1.rejected.json", keyed(
            "rpl-0102", ReservationReplyFamily(StockReservationResult(
                reservation: "ORD-2026-0002-L1", order: Samples.id("ORD-2026-0002"), sku: Samples.sku,
                outcome: .rejected(code: .insufficientStock, available: 101,
                                   reason: "requested 500 of SKU-RED-42 but only 101 available"))),
            key: buyer.rawValue, causation: "cmd-0108", at: "2026-11-22T04:11:00.001Z")),
    ]
}

/// A one-message family carrying `StockReservationResult`, standing in for `OrderCommand` (owned by
/// order) so the reply's envelope can be frozen here. A family case encodes only its payload, so
/// the bytes are the same.
struct ReservationReplyFamily: MessageFamily, Equatable {
    let result: StockReservationResult

    init(_ result: StockReservationResult) { self.result = result }

    static let messageTypes = [StockReservationResult.messageType]
    var messageType: String { StockReservationResult.messageType }
    var messageVersion: Int { StockReservationResult.messageVersion }

    func encodePayload(to encoder: any Encoder) throws { try result.encode(to: encoder) }

    init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        guard StockReservationResult.matches(messageType, version) else {
            throw ContractError.unknownMessageType(messageType, version)
        }
        result = try StockReservationResult(from: decoder)
    }
}
