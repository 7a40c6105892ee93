import AnalyticsCore
import Contracts
import Foundation

/// Builders for the scripted event streams: envelopes with ids, dates relative to `t0`, and the
/// cast of the scenario (two buyers, two suppliers, one distributor).
enum T {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    /// 2026-11-01T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_793_491_200)
    static func at(days: Double = 0, hours: Double = 0, minutes: Double = 0, seconds: Double = 0) -> Date {
        t0.addingTimeInterval(days * 86_400 + hours * 3_600 + minutes * 60 + seconds)
    }

    static let acme: CompanyID = id("BUYER-ACME")
    static let beta: CompanyID = id("BUYER-BETA")
    static let tea: CompanyID = id("SUP-TEA")
    static let cup: CompanyID = id("SUP-CUP")
    static let east: CompanyID = id("DIST-EAST")
    static let user: UserID = id("u-1")
    static let rule = AppliedRule(kind: .base, priceListId: nil, description: "base price")

    struct Line {
        let sku: String
        let supplier: CompanyID
        var distributor: CompanyID? = nil
        var category: [String] = ["Beverages", "Tea"]
        let quantity: Int64
        let unitPrice: Int64
    }

    static func address(region: String) -> Address {
        Address(name: "Dock 1", phone: "+86 21 0000", region: region, city: "Shanghai", street: "Century Ave 1")
    }

    static func placed(_ order: String, buyer: CompanyID, at date: Date, region: String = "CN-EAST",
                       needsApproval: Bool = false, _ lines: [Line]) -> OrderEvent {
        let orderId: OrderID = id(order)
        let orderLines = lines.enumerated().map { index, line in
            OrderLine(line: orderId.lineId(index + 1), sku: id(line.sku), product: id("P-\(line.sku)"),
                      supplier: line.supplier, distributor: line.distributor, category: line.category,
                      quantity: line.quantity, unitPrice: cny(line.unitPrice),
                      lineTotal: cny(line.unitPrice * line.quantity), rule: rule,
                      subOrder: orderId.subOrderId(supplier: line.supplier))
        }
        let subOrders = Dictionary(grouping: orderLines, by: \.supplier).sorted { $0.key < $1.key }.map { supplier, lines in
            SubOrder(subOrder: orderId.subOrderId(supplier: supplier), supplier: supplier, lines: lines.map(\.line),
                     total: cny(lines.reduce(0) { $0 + $1.lineTotal.minorUnits }))
        }
        return .placed(OrderPlaced(
            commandId: id("cmd-\(order)"), order: orderId, buyer: buyer, at: date, placedBy: user,
            status: needsApproval ? .pendingApproval : .reservingStock, idempotencyKey: nil, poNumber: nil, note: nil,
            deliveryAddress: address(region: region), paymentMethod: .credit, lines: orderLines, subOrders: subOrders,
            total: cny(orderLines.reduce(0) { $0 + $1.lineTotal.minorUnits }), paymentDueBy: nil))
    }

    static func approved(_ order: String, buyer: CompanyID, at date: Date, remaining: [String] = []) -> OrderEvent {
        .approved(OrderApproved(commandId: id("cmd-approve-\(order)-\(remaining.count)"), order: id(order), buyer: buyer,
                                at: date, approver: user, role: "manager", step: 1, comment: nil,
                                remainingRoles: remaining, paymentDueBy: nil))
    }

    static func confirmed(_ order: String, buyer: CompanyID, at date: Date, payment: OrderPaymentStatus = .authorized,
                          amount: Int64) -> OrderEvent {
        .confirmed(OrderConfirmed(commandId: id("cmd-confirm-\(order)"), order: id(order), buyer: buyer, at: date,
                                  payment: payment, amount: cny(amount), committed: []))
    }

    static func shipped(_ order: String, buyer: CompanyID, supplier: CompanyID, at date: Date) -> OrderEvent {
        let orderId: OrderID = id(order)
        return .subOrderShipped(OrderSubOrderShipped(
            commandId: id("cmd-ship-\(order)-\(supplier.rawValue)"), order: orderId, buyer: buyer, at: date,
            subOrder: orderId.subOrderId(supplier: supplier), supplier: supplier, carrier: "SF", trackingNumber: "SF1",
            committed: []))
    }

    static func completed(_ order: String, buyer: CompanyID, at date: Date, amount: Int64) -> OrderEvent {
        .completed(OrderCompleted(commandId: id("cmd-complete-\(order)"), order: id(order), buyer: buyer, at: date,
                                  amount: cny(amount)))
    }

    static func captured(_ order: String, buyer: CompanyID, at date: Date) -> OrderEvent {
        .paymentRecorded(OrderPaymentRecorded(commandId: id("cmd-captured-\(order)"), order: id(order), buyer: buyer,
                                              at: date, outcome: .captured))
    }

    static func rejected(_ order: String, buyer: CompanyID, at date: Date) -> OrderEvent {
        .rejected(OrderRejected(commandId: id("cmd-reject-\(order)"), order: id(order), buyer: buyer, at: date,
                                code: RejectionCode(rawValue: "insufficient-stock"), reason: "not enough", released: []))
    }

    static func received(_ sku: String, _ quantity: Int64, onHand: Int64, warehouse: String = "WH-1") -> InventoryEvent {
        .stockReceived(StockReceived(commandId: id("cmd-recv-\(sku)-\(onHand)"), sku: id(sku), warehouse: id(warehouse),
                                     quantity: quantity, reference: "PO-1", onHand: onHand))
    }

    static func committed(_ sku: String, order: String, _ quantity: Int64, onHand: Int64,
                          warehouse: String = "WH-1") -> InventoryEvent {
        .reservationCommitted(ReservationCommitted(
            commandId: id("cmd-commit-\(sku)-\(order)"), reservation: "\(order)-L1", order: id(order), sku: id(sku),
            allocations: [Allocation(warehouse: id(warehouse), quantity: quantity)], onHand: onHand, available: onHand))
    }

    static func paymentCaptured(_ order: String, payer: CompanyID, amount: Int64, at date: Date) -> PaymentEvent {
        .paymentCaptured(PaymentCaptured(commandId: id("cmd-pay-\(order)"), payer: payer, order: id(order),
                                         amount: cny(amount), method: .credit, capturedAt: date, invoiceDueAt: nil,
                                         replyKey: payer.rawValue))
    }
}
