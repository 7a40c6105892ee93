import Contracts
import Foundation
import Testing

/// What each company involved in an order reads of one of its sub-orders.
@Suite struct SubOrderDetailTests {
    @Test func theSupplier_seesItsSubOrderWhole_andNoOtherSuppliersLinesOrTheBuyersPayment() throws {
        let detail = try #require(SubOrderDetail(Self.summary, subOrder: Self.teaSub, viewer: Self.tea))
        #expect(detail.lines.map(\.line) == ["O-1-L1", "O-1-L3"])
        #expect(detail.totals == OrderTotals(lineCount: 2, quantity: 15, amount: Self.cny(150_00)))
        #expect(detail.deliveryAddress == Self.summary.deliveryAddress && detail.poNumber == "PO-7")
        #expect(detail.orderStatus == .confirmed && detail.status == .shipped && detail.shipment?.trackingNumber == "SF1")
        #expect(detail.returns.map(\.returnId) == ["R-TEA"], "only its own returns")
        let json = String(decoding: try JSONEncoder().encode(detail), as: UTF8.self)
        for hidden in ["approval", "payment", "history", "placedBy", "O-1-L2"] { #expect(!json.contains(hidden), "\(hidden)") }
    }

    @Test func aSupplierOfAnotherSubOrder_orOutsideTheOrder_seesNothing() {
        #expect(SubOrderDetail(Self.summary, subOrder: Self.teaSub, viewer: Self.cups) == nil)
        #expect(SubOrderDetail(Self.summary, subOrder: Self.teaSub, viewer: Self.id("co-stranger")) == nil)
        #expect(SubOrderDetail(Self.summary, subOrder: "O-1-S-nobody", viewer: Self.tea) == nil)
    }

    @Test func theBuyer_andThePlatform_seeItWhole() throws {
        #expect(try #require(SubOrderDetail(Self.summary, subOrder: Self.teaSub, viewer: Self.buyer)).lines.count == 2)
        let operatorView = try #require(SubOrderDetail(Self.summary, subOrder: Self.cupSub, viewer: Self.id("co-platform"),
                                                       seesEverything: true))
        #expect(operatorView.lines.map(\.line) == ["O-1-L2"])
    }

    @Test func aDistributor_seesOnlyTheLinesItsShopSold_withTheirTotals() throws {
        let detail = try #require(SubOrderDetail(Self.summary, subOrder: Self.teaSub, viewer: Self.shop))
        #expect(detail.lines.map(\.line) == ["O-1-L3"])
        #expect(detail.totals == OrderTotals(lineCount: 1, quantity: 5, amount: Self.cny(50_00)))
        // The return of its shop's line, without the supplier's direct line returned with it.
        #expect(detail.returns.map(\.returnId) == ["R-TEA"])
        #expect(detail.returns.first?.lines.map(\.line) == ["O-1-L3"])
        #expect(detail.returns.first?.amount == Self.cny(20_00))
        #expect(SubOrderDetail(Self.summary, subOrder: Self.cupSub, viewer: Self.shop) == nil)
    }

    // MARK: fixture: tea (two lines, one sold through a shop) and cups from two suppliers

    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }
    static func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }
    static let buyer: CompanyID = id("co-buyer"), tea: CompanyID = id("co-tea"), cups: CompanyID = id("co-cups")
    static let shop: CompanyID = id("co-shop")
    static let order: OrderID = id("O-1")
    static let teaSub = "O-1-S-co-tea", cupSub = "O-1-S-co-cups"
    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    static func line(_ number: Int, _ supplier: CompanyID, _ sub: String, quantity: Int64, distributor: CompanyID? = nil) -> OrderSummary.Line {
        OrderSummary.Line(OrderLine(line: "O-1-L\(number)", sku: id("SKU-\(number)"), product: id("P-\(number)"), supplier: supplier,
                                    distributor: distributor, category: ["Tea"], quantity: quantity, unitPrice: cny(10_00),
                                    lineTotal: cny(quantity * 10_00), rule: AppliedRule(kind: .base, priceListId: nil, description: "base"),
                                    subOrder: sub),
                          reservation: .committed, allocations: [])
    }

    static func returnLine(_ number: Int, quantity: Int64) -> OrderReturnLine {
        OrderReturnLine(line: "O-1-L\(number)", sku: id("SKU-\(number)"), quantity: quantity, reason: "damaged",
                        unitPrice: cny(10_00), amount: cny(quantity * 10_00))
    }

    static func returned(_ id: String, _ supplier: CompanyID, lines: [OrderReturnLine] = []) -> OrderSummary.ReturnView {
        OrderSummary.ReturnView(returnId: id, status: .requested, supplier: supplier, lines: lines, requestedBy: Self.id("u-1"),
                                requestedAt: at, decidedBy: nil, decidedAt: nil, comment: nil, amount: cny(10_00), refund: nil,
                                settlement: nil, refundedAt: nil, failure: nil, restock: [])
    }

    static let summary = OrderSummary(
        order: order, buyer: buyer, status: .confirmed, statusReason: nil, placedBy: id("u-1"), placedAt: at, updatedAt: at,
        idempotencyKey: nil, poNumber: "PO-7", note: "gate 3",
        deliveryAddress: Address(name: "Li", phone: "1", region: "east-china", city: "Shanghai", street: "1"),
        payment: OrderSummary.Payment(method: .credit, status: .authorized, reference: nil, amount: cny(170_00)),
        lines: [line(1, tea, teaSub, quantity: 10), line(2, cups, cupSub, quantity: 2), line(3, tea, teaSub, quantity: 5, distributor: shop)],
        subOrders: [
            OrderSummary.SubOrderView(subOrder: teaSub, supplier: tea, lines: ["O-1-L1", "O-1-L3"],
                                      totals: OrderTotals(lineCount: 2, quantity: 15, amount: cny(150_00)), status: .shipped,
                                      shipment: OrderSummary.Shipment(carrier: "SF", trackingNumber: "SF1", shippedAt: at), deliveredAt: nil),
            OrderSummary.SubOrderView(subOrder: cupSub, supplier: cups, lines: ["O-1-L2"],
                                      totals: OrderTotals(lineCount: 1, quantity: 2, amount: cny(20_00)), status: .open,
                                      shipment: nil, deliveredAt: nil),
        ],
        totals: OrderTotals(lineCount: 3, quantity: 17, amount: cny(170_00)),
        approval: [OrderSummary.ApprovalProgress(role: "approver", rules: [], decision: .approved, by: id("u-2"), at: at, comment: "ok")],
        deadline: nil, history: [OrderSummary.HistoryEntry(at: at, status: .confirmed, reason: "confirmed")],
        returns: [returned("R-TEA", tea, lines: [returnLine(1, quantity: 1), returnLine(3, quantity: 2)]), returned("R-CUPS", cups)])
}
