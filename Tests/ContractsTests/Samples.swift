import Foundation
@testable import Contracts

/// The typed values the golden fixtures hold. An invalid id or date literal here is a bug in the
/// test itself, so the helpers stop with the offending value instead of threading `try` everywhere.
enum Samples {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static func date(_ text: String) -> Date {
        guard let date = WireTimestamp.parse(text) else { fatalError("invalid test date \(text)") }
        return date
    }

    static let sku: SKU = id("SKU-RED-42")
    static let warehouse: WarehouseID = id("WH-SH-01")
    static let correlation: CorrelationID = id("corr-7f3a")
    static let adjustReason = "盘点 cycle count: damaged/returned"

    static func envelope<M: MessageFamily>(_ id: String, _ payload: M, causation: String?,
                                           at occurredAt: String) -> Envelope<M> {
        Envelope(id: Samples.id(id), occurredAt: date(occurredAt), causationId: causation.map { Samples.id($0) },
                 correlationId: correlation, tenant: "tradeflow", key: sku.rawValue, payload: payload)
    }

    /// (fixture file, value) for every inventory command fixture.
    static let commands: [(String, Envelope<InventoryCommand>)] = stockCommands + SagaSamples.commands

    private static let stockCommands: [(String, Envelope<InventoryCommand>)] = [
        ("inventory.receive-stock.v1.json", envelope(
            "cmd-0001", .receiveStock(ReceiveStock(sku: sku, warehouse: warehouse, quantity: 120,
                                                   reference: "ASN-2026-0042")),
            causation: nil, at: "2026-11-22T04:00:00.000Z")),
        ("inventory.adjust-stock.v1.json", envelope(
            "cmd-0002", .adjustStock(AdjustStock(sku: sku, warehouse: warehouse, delta: -7, reason: adjustReason)),
            causation: "http-req-91", at: "2026-11-22T04:05:30.250Z")),
        ("inventory.adjust-stock.v1.with-reply-address.json", envelope(
            "cmd-0003", .adjustStock(AdjustStock(sku: sku, warehouse: warehouse, delta: -200, reason: adjustReason,
                                                 replyTo: ReplyAddress(instance: "gw-2", partition: 3, requestId: "req-000051"))),
            causation: nil, at: "2026-11-22T04:06:00.000Z")),
    ]

    /// (fixture file, value) for every inventory event fixture.
    static let events: [(String, Envelope<InventoryEvent>)] = stockEvents + SagaSamples.events

    private static let stockEvents: [(String, Envelope<InventoryEvent>)] = [
        ("inventory.stock-received.v1.json", envelope(
            "evt-0001", .stockReceived(StockReceived(commandId: id("cmd-0001"), sku: sku, warehouse: warehouse,
                                                     quantity: 120, reference: "ASN-2026-0042", onHand: 120)),
            causation: "cmd-0001", at: "2026-11-22T04:00:00.015Z")),
        ("inventory.stock-adjusted.v1.json", envelope(
            "evt-0002", .stockAdjusted(StockAdjusted(commandId: id("cmd-0002"), sku: sku, warehouse: warehouse,
                                                     delta: -7, reason: adjustReason, onHand: 113)),
            causation: "cmd-0002", at: "2026-11-22T04:05:30.262Z")),
        ("inventory.stock-command-rejected.v1.json", envelope(
            "evt-0003", .stockCommandRejected(StockCommandRejected(
                commandId: id("cmd-0003"), sku: sku, warehouse: warehouse, code: .insufficientStock, field: "delta",
                reason: "delta -500 would leave on-hand at -387 in warehouse WH-SH-01 (on hand 113)")),
            causation: "cmd-0003", at: "2026-11-22T04:06:00.001Z")),
        ("inventory.stock-command-rejected.v1.without-optionals.json", envelope(
            "evt-0004", .stockCommandRejected(StockCommandRejected(
                commandId: id("cmd-0004"), sku: sku, warehouse: nil, code: .invalidField, field: nil,
                reason: "reference must not be blank")),
            causation: "cmd-0004", at: "2026-11-22T04:07:00.000Z")),
    ]

    /// An envelope with every header field set, carrying a payload no typed family knows yet.
    static let allHeaderFields = Envelope(
        id: id("0f6c2b9e-4d1a-4b8e-9c53-1e2f3a4b5c6d"), occurredAt: date("2026-11-22T04:00:00.123Z"),
        causationId: id("http:gw-2:req-000042"), correlationId: id("order-flow_2026.11.22"),
        tenant: "tradeflow", key: "COMPANY-ACME",
        payload: RawFamily(messageType: "order.placed", version: 3, payload: .object([
            "orderId": .string("ORD-1"),
            "buyerCompanyId": .string("COMPANY-ACME"),
            "lines": .array([.object([
                "sku": .string("SKU-RED-42"),
                "quantity": .integer(3),
                "unitPrice": .object(["amount": .integer(12345), "currency": .string("CNY")]),
            ])]),
            "note": .string("deliver to dock 3/B"),
            "rush": .bool(true),
            "discountRate": .number(0.125),
            "poNumber": .null,
        ])))

    static let money: [Money] = [
        Money(minorUnits: 12345, currency: .cny),
        Money(minorUnits: -5, currency: .usd),
        Money(minorUnits: 1200, currency: .jpy),
        Money(minorUnits: 0, currency: .eur),
        Money(minorUnits: .max, currency: .gbp),
        Money(minorUnits: .min, currency: .hkd),
    ]
}
