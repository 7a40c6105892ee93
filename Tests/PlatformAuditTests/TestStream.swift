import Contracts
import Foundation
@testable import PlatformAudit

/// Builds scripted envelopes of the three audited topics. Every envelope gets a fresh id unless
/// one is given, and a time `seconds` after a fixed start.
struct TestStream {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let buyer = try! CompanyID("BUY-1")
    static let supplier = try! CompanyID("SUP-1")
    static let sku = try! SKU("SKU-1")
    static let warehouse = try! WarehouseID("WH-1")
    static let user = try! UserID("U-1")

    private var counter = 0
    var audit = AuditInput(examplesPerCheck: 5)
    /// Next offset of partition 0 per topic; nil feeds envelopes without a position.
    private var nextOffset: [String: Int64]?

    init() {}

    /// A stream whose every topic is read from partition 0 starting at `logStart`: above 0, what
    /// came before was deleted by retention.
    init(logStart: Int64) {
        nextOffset = [:]
        for topic in AuditInput.topics {
            audit.observePartitionStart(topic: topic.name, partition: 0, logStart: logStart)
            nextOffset?[topic.name] = logStart
        }
    }

    private mutating func position(_ topic: String) -> RecordPosition? {
        guard let offset = nextOffset?[topic] else { return nil }
        nextOffset?[topic] = offset + 1
        return RecordPosition(topic: topic, partition: 0, offset: offset)
    }

    static func time(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }
    static func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }
    static func id(_ text: String) -> MessageID { .derived(from: "test", text) }

    mutating func nextId() -> MessageID {
        counter += 1
        return Self.id("envelope-\(counter)")
    }

    // MARK: feeding

    mutating func order(_ event: OrderEvent, at seconds: Double, id: MessageID? = nil) {
        let id = id ?? nextId()
        audit.observe(Envelope(id: id, occurredAt: Self.time(seconds), causationId: nil, correlationId: CorrelationID(id),
                               tenant: "tradeflow", key: event.key, payload: event), at: position(Topics.orderEvents.name))
    }

    mutating func inventory(_ event: InventoryEvent, at seconds: Double, id: MessageID? = nil) {
        let id = id ?? nextId()
        audit.observe(Envelope(id: id, occurredAt: Self.time(seconds), causationId: nil, correlationId: CorrelationID(id),
                               tenant: "tradeflow", key: event.sku?.rawValue ?? "", payload: event), at: position(Topics.inventoryEvents.name))
    }

    mutating func payment(_ event: PaymentEvent, at seconds: Double, id: MessageID? = nil) {
        let id = id ?? nextId()
        audit.observe(Envelope(id: id, occurredAt: Self.time(seconds), causationId: nil, correlationId: CorrelationID(id),
                               tenant: "tradeflow", key: event.partitionKey, payload: event), at: position(Topics.paymentEvents.name))
    }

    // MARK: events

    static func placed(_ order: OrderID, quantity: Int64 = 3, unitPrice: Int64 = 10_000, at seconds: Double,
                       command: String? = nil, idempotencyKey: String? = nil,
                       method: PaymentMethod = .credit) -> OrderEvent {
        let total = money(quantity * unitPrice)
        let subOrder = order.subOrderId(supplier: supplier)
        let line = OrderLine(line: order.lineId(1), sku: sku, product: try! ProductID("P-1"), supplier: supplier,
                             distributor: nil, category: ["Tools"], quantity: quantity, unitPrice: money(unitPrice),
                             lineTotal: total, rule: AppliedRule(kind: .base, priceListId: nil, description: "base"),
                             subOrder: subOrder)
        return .placed(OrderPlaced(
            commandId: id(command ?? "place-\(order)"), order: order, buyer: buyer, at: time(seconds), placedBy: user,
            status: .reservingStock, idempotencyKey: idempotencyKey, poNumber: nil, note: nil,
            deliveryAddress: Address(name: "Dock 4", phone: "123", region: "East", city: "Hangzhou", street: "1 Road"),
            paymentMethod: method, lines: [line],
            subOrders: [SubOrder(subOrder: subOrder, supplier: supplier, lines: [line.line], total: total)],
            total: total, paymentDueBy: time(seconds + 48 * 3_600)))
    }

    static func stockReservedForOrder(_ order: OrderID, amount: Int64, at seconds: Double) -> OrderEvent {
        .stockReserved(OrderStockReserved(commandId: id("reserved-\(order)"), order: order, buyer: buyer,
                                          at: time(seconds), amount: money(amount), paymentMethod: .credit))
    }

    static func confirmed(_ order: OrderID, amount: Int64, at seconds: Double,
                          payment: OrderPaymentStatus = .authorized) -> OrderEvent {
        .confirmed(OrderConfirmed(commandId: id("confirm-\(order)-\(seconds)"), order: order, buyer: buyer,
                                  at: time(seconds), payment: payment, amount: money(amount),
                                  committed: [order.lineId(1)]))
    }

    static func completed(_ order: OrderID, amount: Int64, at seconds: Double) -> OrderEvent {
        .completed(OrderCompleted(commandId: id("complete-\(order)"), order: order, buyer: buyer, at: time(seconds),
                                  amount: money(amount)))
    }

    static func rejected(_ order: OrderID, at seconds: Double) -> OrderEvent {
        .rejected(OrderRejected(commandId: id("reject-\(order)"), order: order, buyer: buyer, at: time(seconds),
                                code: RejectionCode(rawValue: "insufficient-stock"), reason: "not enough", released: []))
    }

    static func received(_ quantity: Int64, onHand: Int64, command: String) -> InventoryEvent {
        .stockReceived(StockReceived(commandId: id(command), sku: sku, warehouse: warehouse, quantity: quantity,
                                     reference: "PO-1", onHand: onHand))
    }

    static func reserved(_ reservation: String, order: OrderID, quantity: Int64, available: Int64,
                         command: String? = nil) -> InventoryEvent {
        .stockReserved(StockReserved(commandId: id(command ?? "reserve-\(reservation)"), reservation: reservation,
                                     order: order, sku: sku,
                                     allocations: [Allocation(warehouse: warehouse, quantity: quantity)],
                                     available: available))
    }

    static func committed(_ reservation: String, order: OrderID, quantity: Int64, onHand: Int64, available: Int64,
                          command: String? = nil) -> InventoryEvent {
        .reservationCommitted(ReservationCommitted(
            commandId: id(command ?? "commit-\(reservation)"), reservation: reservation, order: order, sku: sku,
            allocations: [Allocation(warehouse: warehouse, quantity: quantity)], onHand: onHand, available: available))
    }

    static func released(_ reservation: String, order: OrderID, quantity: Int64, available: Int64,
                         command: String? = nil) -> InventoryEvent {
        .reservationReleased(ReservationReleased(
            commandId: id(command ?? "release-\(reservation)"), reservation: reservation, order: order, sku: sku,
            allocations: [Allocation(warehouse: warehouse, quantity: quantity)], reason: "order cancelled",
            available: available))
    }

    static func creditReserved(_ order: OrderID, amount: Int64, command: String? = nil) -> PaymentEvent {
        .creditReserved(CreditReserved(commandId: id(command ?? "authorize-\(order)"), payer: buyer, order: order,
                                       amount: money(amount), settlement: [], rates: [],
                                       available: money(1_000_000), replyKey: buyer.rawValue))
    }

    static func captured(_ order: OrderID, amount: Int64) -> PaymentEvent {
        .paymentCaptured(PaymentCaptured(commandId: id("capture-\(order)"), payer: buyer, order: order,
                                         amount: money(amount), method: .credit, capturedAt: time(0),
                                         invoiceDueAt: nil, replyKey: buyer.rawValue))
    }

    /// A capture posting: the buyer owes `amount`, the supplier gets 90%, the platform 10%
    /// (`imbalance` minor units are added to the buyer's entry to unbalance it).
    static func posting(_ postingId: String, order: OrderID, amount: Int64, imbalance: Int64 = 0) -> PaymentEvent {
        let platform = amount / 10
        let entries = [
            LedgerEntry(account: .buyerReceivable(buyer), amount: money(amount + imbalance)),
            LedgerEntry(account: .supplierPayable(supplier), amount: money(-(amount - platform))),
            LedgerEntry(account: .platformRevenue, amount: money(-platform)),
        ]
        return .ledgerPosted(LedgerPosted(commandId: id("capture-\(order)"), payer: buyer, posting: LedgerPosting(
            id: postingId, postedAt: time(0), kind: .capture, order: order, memo: "capture \(order)", entries: entries)))
    }

    /// One order's whole happy path on every topic, `quantity` units of the SKU at 100.00 CNY,
    /// starting at `seconds`; stock must already be there (`onHandBefore`).
    mutating func happyOrder(_ name: String, quantity: Int64 = 3, onHandBefore: Int64, at seconds: Double) {
        let order = try! OrderID(name)
        let amount = quantity * 10_000
        let reservation = order.lineId(1)
        self.order(Self.placed(order, quantity: quantity, at: seconds), at: seconds)
        inventory(Self.reserved(reservation, order: order, quantity: quantity, available: onHandBefore - quantity),
                  at: seconds + 1)
        self.order(Self.stockReservedForOrder(order, amount: amount, at: seconds + 1), at: seconds + 1)
        payment(Self.creditReserved(order, amount: amount), at: seconds + 2)
        self.order(Self.confirmed(order, amount: amount, at: seconds + 2), at: seconds + 2)
        inventory(Self.committed(reservation, order: order, quantity: quantity, onHand: onHandBefore - quantity,
                                 available: onHandBefore - quantity), at: seconds + 3)
        self.order(Self.completed(order, amount: amount, at: seconds + 4), at: seconds + 4)
        payment(Self.captured(order, amount: amount), at: seconds + 5)
        payment(Self.posting("\(Self.id("capture-\(order)"))#0", order: order, amount: amount), at: seconds + 5)
    }
}
