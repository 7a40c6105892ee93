import Contracts
import Foundation
@testable import OrderCore

/// Ids, dates and builders shared by the order core tests. An invalid literal here is a bug in the
/// test itself, so the helpers stop with the offending value.
enum T {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static let t0 = Date(timeIntervalSince1970: 1_795_320_000)  // 2026-11-22T04:00:00Z
    static let hour: TimeInterval = 3_600

    static let buyer: CompanyID = id("BUYER-ACME")
    static let otherBuyer: CompanyID = id("BUYER-OTHER")
    static let supplierA: CompanyID = id("SUP-TEA")
    static let supplierB: CompanyID = id("SUP-CUPS")
    static let distributor: CompanyID = id("DIST-EAST")
    static let purchaser: UserID = id("u-purchaser")
    static let approver: UserID = id("u-approver")
    static let finance: UserID = id("u-finance")
    static let warehouse: WarehouseID = id("WH-SH-01")
    static let correlation: CorrelationID = id("corr-order-tests")
    static let replyTo = ReplyAddress(instance: "gw-1", partition: 3, requestId: "req-1")

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    static let address = Address(name: "李伟 / Dock 3", phone: "+86 21 5555 0101", region: "CN-EAST", city: "Shanghai",
                                 street: "88 Century Ave", postcode: "200120")
    static let baseRule = AppliedRule(kind: .base, priceListId: nil, description: "base price")

    static func line(_ sku: String, supplier: CompanyID = supplierA, quantity: Int64 = 10, price: Int64 = 100_00,
                     currency: Currency = .cny, category: [String] = ["Beverages", "Tea"],
                     distributor: CompanyID? = nil) -> PricedLine {
        PricedLine(sku: id(sku), product: id("P-\(sku)"), supplier: supplier, distributor: distributor,
                   category: category, quantity: quantity, unitPrice: Money(minorUnits: price, currency: currency),
                   rule: baseRule)
    }

    static func place(_ order: String, lines: [PricedLine], buyer: CompanyID = buyer, key: String? = nil,
                      method: PaymentMethod = .credit, replyTo: ReplyAddress? = T.replyTo,
                      placedBy: UserID = purchaser) -> OrderCommand {
        .place(PlaceOrder(order: id(order), buyer: buyer, placedBy: placedBy, idempotencyKey: key, lines: lines,
                          deliveryAddress: address, paymentMethod: method, poNumber: "PO-7788", note: nil,
                          replyTo: replyTo))
    }

    static func reserved(_ order: String, line: Int, sku: String, quantity: Int64 = 10) -> OrderCommand {
        .stockReservationResult(StockReservationResult(
            reservation: "\(order)-L\(line)", order: id(order), sku: id(sku),
            outcome: .reserved(allocations: [Allocation(warehouse: warehouse, quantity: quantity)])))
    }

    static func unavailable(_ order: String, line: Int, sku: String, available: Int64 = 4) -> OrderCommand {
        .stockReservationResult(StockReservationResult(
            reservation: "\(order)-L\(line)", order: id(order), sku: id(sku),
            outcome: .rejected(code: .insufficientStock, available: available, reason: "only \(available) on hand")))
    }

    static func payment(_ order: String, _ outcome: PaymentResult.Outcome) -> OrderCommand {
        .paymentResult(PaymentResult(order: id(order), outcome: outcome))
    }

    static func approve(_ order: String, by user: UserID, roles: [String]) -> OrderCommand {
        .approve(ApproveOrder(order: id(order), buyer: buyer, approver: user, roles: roles, comment: "ok", replyTo: replyTo))
    }

    static func cancel(_ order: String) -> OrderCommand {
        .cancel(CancelOrder(order: id(order), buyer: buyer, by: purchaser, reason: "plans changed", replyTo: replyTo))
    }

    static func ship(_ order: String, supplier: CompanyID = supplierA) -> OrderCommand {
        .ship(ShipSubOrder(order: id(order), buyer: buyer, subOrder: "\(order)-S-\(supplier)", carrier: "SF Express",
                           trackingNumber: "SF1234567890", by: supplier, replyTo: replyTo))
    }

    static func deliver(_ order: String, supplier: CompanyID = supplierA) -> OrderCommand {
        .confirmDelivery(ConfirmDelivery(order: id(order), buyer: buyer, subOrder: "\(order)-S-\(supplier)", replyTo: replyTo))
    }

    static func cancelSubOrder(_ order: String, of supplier: CompanyID = supplierA, by: CompanyID? = nil) -> OrderCommand {
        .cancelSubOrder(CancelSubOrder(order: id(order), buyer: buyer, subOrder: "\(order)-S-\(supplier)", by: by ?? supplier,
                                       user: id("u-cancel"), reason: "cannot deliver", replyTo: replyTo))
    }

    static func rules(_ rules: [ApprovalRule]) -> OrderCommand {
        .setApprovalRules(SetApprovalRules(buyer: buyer, rules: rules, replyTo: replyTo))
    }
}

/// One handled command: what was decided and what the service would produce.
struct Handled {
    let command: Envelope<OrderCommand>
    let decision: OrderDecision
    let output: OrderOutput

    var eventTypes: [String] { output.events.map(\.type) }
    var events: [OrderEvent] { output.stateEvents }
    var outbox: [Outbound] { output.outbox.map(\.request) }
    var outboxTypes: [String] { outbox.map(\.messageType) }
    var reply: OrderReply? { output.reply?.payload }

    var reserves: [ReserveStockRequest] { outbox.compactMap { if case let .inventory(.reserveStock(r)) = $0 { r } else { nil } } }
    var releases: [ReleaseReservationRequest] {
        outbox.compactMap { if case let .inventory(.releaseReservation(r)) = $0 { r } else { nil } }
    }
    var commits: [CommitReservationRequest] {
        outbox.compactMap { if case let .inventory(.commitReservation(r)) = $0 { r } else { nil } }
    }
    var authorizations: [AuthorizePaymentRequest] { outbox.compactMap { if case let .payment(.authorize(r)) = $0 { r } else { nil } } }
    var voids: [VoidAuthorizationRequest] { outbox.compactMap { if case let .payment(.void(r)) = $0 { r } else { nil } } }
    var refunds: [RefundPaymentRequest] { outbox.compactMap { if case let .payment(.refund(r)) = $0 { r } else { nil } } }
    var creditReleases: [ReleaseCreditRequest] {
        outbox.compactMap { if case let .payment(.releaseCredit(r)) = $0 { r } else { nil } }
    }
    var captures: [CapturePaymentRequest] { outbox.compactMap { if case let .payment(.capture(r)) = $0 { r } else { nil } } }

    var isDuplicate: Bool { if case .duplicate = decision { true } else { false } }

    /// The rejection, if the command was refused.
    var rejection: (code: RejectionCode, message: String, field: String?)? {
        if case let .rejected(code, message, field) = decision { (code, message, field) } else { nil }
    }

    /// The order summary the reply carries.
    var replySummary: OrderSummary? {
        if case let .order(summary)? = reply?.outcome { summary } else { nil }
    }
}

/// The order service in miniature: decide, produce (here: keep the output), apply the events.
struct Saga {
    var state = OrderState()
    var policy = OrderPolicy()
    var now = T.t0
    /// Every event applied, in order, so tests can rebuild state from "the topic".
    var log: [OrderEvent] = []
    private var counter = 0

    init(policy: OrderPolicy = OrderPolicy(), state: OrderState = OrderState()) {
        self.policy = policy
        self.state = state
    }

    @discardableResult
    mutating func send(_ payload: OrderCommand, id: String? = nil, key: String? = nil) -> Handled {
        counter += 1
        let envelope = Envelope(id: T.id(id ?? "cmd-\(counter)"), occurredAt: now, causationId: nil,
                                correlationId: T.correlation, tenant: "tradeflow",
                                key: key ?? payload.buyer?.rawValue ?? T.buyer.rawValue, payload: payload)
        return handle(envelope)
    }

    @discardableResult
    mutating func handle(_ envelope: Envelope<OrderCommand>) -> Handled {
        let decision = OrderDecider.decide(envelope, state: state, now: now, policy: policy)
        let output = decision.output(for: envelope, occurredAt: now)
        for event in output.stateEvents {
            state.apply(event)
            log.append(event)
        }
        return Handled(command: envelope, decision: decision, output: output)
    }

    mutating func advance(_ interval: TimeInterval) { now = now.addingTimeInterval(interval) }

    func summary(_ order: String, buyer: CompanyID = T.buyer) -> OrderSummary? {
        state.summary(of: T.id(order), buyer: buyer)
    }

    func status(_ order: String) -> OrderStatus? { state.status(of: T.id(order)) }

    // MARK: the happy path, step by step

    /// Places `order` with one line per SKU (10 units at 100.00 CNY from supplier A) and reserves
    /// every line.
    mutating func placeAndReserve(_ order: String, skus: [String] = ["TEA-1", "TEA-2"],
                                  method: PaymentMethod = .credit) {
        send(T.place(order, lines: skus.map { T.line($0) }, method: method))
        for (index, sku) in skus.enumerated() { send(T.reserved(order, line: index + 1, sku: sku)) }
    }

    mutating func confirmOnCredit(_ order: String, skus: [String] = ["TEA-1", "TEA-2"]) {
        placeAndReserve(order, skus: skus)
        send(T.payment(order, .authorized(method: .credit)))
    }
}
