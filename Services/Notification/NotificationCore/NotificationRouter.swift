import Contracts
import Foundation

/// Turns order, payment and inventory events into notification drafts: who (company and audience),
/// what (event type, template parameters, link). Pure; its small memory holds what later events
/// lack: an order's buyer user and suppliers (from `order.placed`), each SKU's supplier (from
/// `order.placed` lines and `catalog.product-changed`), and open invoices (from `invoice-issued`)
/// for due-date reminders. The memory is bounded (`RouterLimits`) and `Codable` for checkpoints.
///
/// Recipients: buyers hear about their orders (the user who placed it; approvers of the waiting
/// step; finance for payment); each supplier hears about its own sub-orders (warehouse role: once the
/// order waits for approval or payment, or is confirmed, and then its end) and
/// its SKUs' low stock (warehouse and catalog managers); payers' finance users hear about invoices
/// due and overdue (账期到期).
public struct NotificationRouter: Sendable, Equatable, Codable {
    public struct Limits: Sendable, Equatable, Codable {
        public var orders = 100_000
        public var skus = 200_000
        public var invoices = 100_000
        /// Days before the due date at which to remind, largest first.
        public var reminderDays = [7, 3, 1]

        public init() {}
    }

    struct OrderFacts: Sendable, Equatable, Codable {
        let buyer: CompanyID
        let placedBy: UserID
        let total: Money
        let subOrders: [SubOrder]
        /// True once the suppliers were told of the order (it waited, or was confirmed).
        var suppliersTold = false
    }

    struct InvoiceFacts: Sendable, Equatable, Codable {
        let payer: CompanyID
        let order: OrderID
        let amount: Money
        let dueAt: Date
        let source: MessageID
        var reminded: [Int] = []
    }

    public let limits: Limits
    var orders: BoundedMap<OrderID, OrderFacts>
    var skuSuppliers: BoundedMap<SKU, CompanyID>
    var invoices: BoundedMap<String, InvoiceFacts>

    public init(limits: Limits = Limits()) {
        self.limits = limits
        orders = BoundedMap(limit: limits.orders)
        skuSuppliers = BoundedMap(limit: limits.skus)
        invoices = BoundedMap(limit: limits.invoices)
    }

    /// The supplier the router knows for `sku` (nil: a low-stock event for it cannot be routed yet).
    public func supplier(of sku: SKU) -> CompanyID? { skuSuppliers[sku] }

    /// Learns SKU owners from the catalog (every instance can fold `catalog.events.v1`, compacted).
    public mutating func learn(_ event: CatalogEvent) {
        guard case let .productChanged(product) = event else { return }
        for sku in product.skus { skuSuppliers[sku.sku] = product.supplier }
    }

    /// Reminders of invoices falling due within a reminder window at `now`, each at most once per
    /// window (the memory records it). Called by a timer; ids are deterministic, so a tick repeated
    /// after a restart only yields duplicates the decider ignores.
    public mutating func dueReminders(now: Date) -> [NotificationDraft] {
        var drafts: [NotificationDraft] = []
        for key in invoices.values.keys.sorted() {
            guard var invoice = invoices[key], now < invoice.dueAt else { continue }
            let remaining = invoice.dueAt.timeIntervalSince(now)
            let windows = limits.reminderDays.filter { remaining <= Double($0) * 86_400 && !invoice.reminded.contains($0) }
            guard let window = windows.min() else { continue }
            invoice.reminded += windows
            invoices[key] = invoice
            let days = Int((remaining / 86_400).rounded(.up))
            drafts.append(NotificationDraft(
                recipient: invoice.payer, audience: NotificationAudience(roles: [.finance]),
                eventType: NotificationEventTypes.invoiceDue,
                parameters: ["order": invoice.order.rawValue, "amount": invoice.amount.formatted,
                             "dueAt": DisplayText.date(invoice.dueAt), "days": String(days)],
                link: "/v1/orders/\(invoice.order.rawValue)", source: invoice.source,
                idSeed: "invoice-due:\(invoice.payer.rawValue):\(invoice.order.rawValue):\(window)d", occurredAt: now))
        }
        return drafts
    }

    /// The drafts for a payment event; remembers invoices for `dueReminders`.
    public mutating func route(_ envelope: Envelope<PaymentEvent>) -> [NotificationDraft] {
        switch envelope.payload {
        case let .invoiceIssued(issued):
            let key = Self.invoiceKey(issued.payer, issued.order)
            if invoices[key] == nil {
                invoices[key] = InvoiceFacts(payer: issued.payer, order: issued.order, amount: issued.amount,
                                             dueAt: issued.dueAt, source: envelope.id)
            }
            return []
        case let .invoiceOverdue(overdue):
            invoices[Self.invoiceKey(overdue.payer, overdue.order)] = nil
            return [NotificationDraft(
                recipient: overdue.payer, audience: NotificationAudience(roles: [.finance]),
                eventType: NotificationEventTypes.invoiceOverdue,
                parameters: ["order": overdue.order.rawValue, "outstanding": overdue.outstanding.formatted,
                             "dueAt": DisplayText.date(overdue.dueAt)],
                link: "/v1/orders/\(overdue.order.rawValue)", source: envelope.id, idSeed: envelope.id.rawValue,
                occurredAt: envelope.occurredAt)]
        case let .bankTransferMatched(matched):
            forgetPaidInvoice(matched.payer, matched.order, matched.appliedTo, matched.remainingDue)
            return []
        case let .providerPaymentRecorded(recorded):
            forgetPaidInvoice(recorded.payer, recorded.order, recorded.appliedTo, recorded.remainingDue)
            return []
        default:
            return []
        }
    }

    /// The drafts for an inventory event: low stock goes to the SKU's supplier, when known.
    public func route(_ envelope: Envelope<InventoryEvent>) -> [NotificationDraft] {
        guard case let .lowStock(low) = envelope.payload, let supplier = skuSuppliers[low.sku] else { return [] }
        var parameters = ["sku": low.sku.rawValue, "available": String(low.available),
                          "safetyStock": String(low.safetyStock), "warehouseText": ""]
        if let warehouse = low.warehouse {
            parameters["warehouse"] = warehouse.rawValue
            parameters["warehouseText"] = " (\(warehouse.rawValue))"
        }
        return [NotificationDraft(
            recipient: supplier, audience: NotificationAudience(roles: [.warehouse, .catalogManager]),
            eventType: NotificationEventTypes.lowStock, parameters: parameters, link: "/v1/inventory/\(low.sku.rawValue)",
            source: envelope.id, idSeed: envelope.id.rawValue, occurredAt: envelope.occurredAt)]
    }

    private mutating func forgetPaidInvoice(_ payer: CompanyID, _ order: OrderID?, _ target: PaymentTarget?,
                                            _ remaining: Money?) {
        guard let order, target == .invoice, remaining?.isZero == true else { return }
        invoices[Self.invoiceKey(payer, order)] = nil
    }

    static func invoiceKey(_ payer: CompanyID, _ order: OrderID) -> String { "\(payer.rawValue)/\(order.rawValue)" }
}
