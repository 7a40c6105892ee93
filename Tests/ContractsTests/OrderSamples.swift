import Foundation
@testable import Contracts

/// The typed values the order golden fixtures hold: every message type of `order.commands.v1`,
/// `order.events.v1` and the order reply, plus one fixture per outcome kind. Self-contained (its own
/// id and date helpers).
enum OrderSamples {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static func date(_ text: String) -> Date {
        guard let date = WireTimestamp.parse(text) else { fatalError("invalid test date \(text)") }
        return date
    }

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    static let order: OrderID = id("O-20261122-0001")
    static let buyer: CompanyID = id("BUYER-ACME")
    static let teaSupplier: CompanyID = id("SUP-HANGZHOU-TEA")
    static let cupSupplier: CompanyID = id("SUP-JINGDEZHEN")
    static let distributor: CompanyID = id("DIST-EAST-01")
    static let purchaser: UserID = id("u-li-wei")
    static let approver: UserID = id("u-zhang-min")
    static let correlation: CorrelationID = id("corr-order-1")
    static let replyTo = ReplyAddress(instance: "gw-2", partition: 7, requestId: "req-000042")
    static let placeId = "cmd-ord-0001"

    static let address = Address(name: "李伟 / Dock 3", phone: "+86 21 5555 0101", region: "CN-EAST", city: "上海 Shanghai",
                                 street: "世纪大道 88号 Century Ave", postcode: "200120")
    static let tierRule = AppliedRule(kind: .volumeTier, priceListId: id("PL-2026-EAST"), description: "volume tier ≥ 100 units")
    static let baseRule = AppliedRule(kind: .base, priceListId: nil, description: "base price")

    static let teaLine = PricedLine(
        sku: id("LJ-250G"), product: id("P-LONGJING"), supplier: teaSupplier, distributor: distributor,
        category: ["Beverages", "Tea", "Green tea"], quantity: 120, unitPrice: cny(118_00), rule: tierRule)
    static let cupLine = PricedLine(
        sku: id("CUP-GAIWAN"), product: id("P-GAIWAN"), supplier: cupSupplier, category: ["Tableware", "Cups"],
        quantity: 12, unitPrice: cny(45_50), rule: baseRule)

    static let lines = [
        OrderLine(line: "O-20261122-0001-L1", sku: teaLine.sku, product: teaLine.product, supplier: teaSupplier,
                  distributor: distributor, category: teaLine.category, quantity: 120, unitPrice: cny(118_00),
                  lineTotal: cny(14_160_00), rule: tierRule, subOrder: "O-20261122-0001-S-SUP-HANGZHOU-TEA"),
        OrderLine(line: "O-20261122-0001-L2", sku: cupLine.sku, product: cupLine.product, supplier: cupSupplier,
                  distributor: nil, category: cupLine.category, quantity: 12, unitPrice: cny(45_50),
                  lineTotal: cny(546_00), rule: baseRule, subOrder: "O-20261122-0001-S-SUP-JINGDEZHEN"),
    ]
    static let subOrders = [
        SubOrder(subOrder: "O-20261122-0001-S-SUP-HANGZHOU-TEA", supplier: teaSupplier, lines: ["O-20261122-0001-L1"],
                 total: cny(14_160_00)),
        SubOrder(subOrder: "O-20261122-0001-S-SUP-JINGDEZHEN", supplier: cupSupplier, lines: ["O-20261122-0001-L2"],
                 total: cny(546_00)),
    ]
    static let total = cny(14_706_00)
    static let rules = [
        ApprovalRule(name: "orders from 10,000 CNY", minimumTotal: cny(10_000_00), roles: ["approver"]),
        ApprovalRule(name: "hazardous goods", category: ["Chemicals"], roles: ["approver", "finance"]),
    ]

    static func command(_ id: String, _ payload: OrderCommand, key: String = "BUYER-ACME", causation: String? = nil,
                        at occurredAt: String) -> Envelope<OrderCommand> {
        Envelope(id: Self.id(id), occurredAt: date(occurredAt), causationId: causation.map { Self.id($0) },
                 correlationId: correlation, tenant: "tradeflow", key: key, payload: payload)
    }

    static func event(_ id: String, _ payload: OrderEvent, causation: String, at occurredAt: String) -> Envelope<OrderEvent> {
        Envelope(id: Self.id(id), occurredAt: date(occurredAt), causationId: Self.id(causation),
                 correlationId: correlation, tenant: "tradeflow", key: payload.key, payload: payload)
    }

    static func paymentResult(_ kind: String, _ outcome: PaymentResult.Outcome) -> (String, Envelope<OrderCommand>) {
        (kind == "authorized" ? "order.payment-result.v1.json" : "order.payment-result.v1.\(kind).json",
         command("pay-reply-\(kind)", .paymentResult(PaymentResult(order: order, outcome: outcome)), causation: "pay-cmd-1",
                 at: "2026-11-22T04:02:00.000Z"))
    }
}
