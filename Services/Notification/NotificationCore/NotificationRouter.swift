import Contracts
import Foundation

/// Turns order and payment events into notification drafts: who (company and audience), what
/// (event type, template parameters, link). Pure; its small memory holds what later events lack:
/// an order's buyer user and suppliers (from `order.placed`) and open invoices (from
/// `invoice-issued`) for due-date reminders. The relay keeps one router per partition it reads
/// (an order's events, like an invoice's, share one partition), so each partition's memory is
/// checkpointed beside the offset it reaches. The memory is bounded (`Limits`, per partition) and
/// `Codable`. Low-stock notices are routed by `SKUSuppliers`.
///
/// Recipients: buyers hear about their orders (the user who placed it; approvers of the waiting
/// step; finance for payment); each supplier hears about its own sub-orders (warehouse role: once the
/// order waits for approval or payment, or is confirmed, and then its end) and
/// its SKUs' low stock (warehouse and catalog managers); payers' finance users hear about invoices
/// due and overdue (账期到期).
public struct NotificationRouter: Sendable, Equatable, Codable {
    /// Per partition: open orders and invoices spread over the partitions by buyer.
    public struct Limits: Sendable, Equatable, Codable {
        public var orders = 25_000
        public var invoices = 25_000
        /// Days before the due date at which to remind, largest first.
        public var reminderDays = [7, 3, 1]

        public init() {}
    }

    /// What later events of an order lack. Only what notices name: every open order of every
    /// partition is held (and checkpointed), so not the order's lines.
    struct OrderFacts: Sendable, Equatable, Codable {
        let placedBy: UserID
        let total: Money
        let subOrders: [SubOrderFacts]
        /// True once the suppliers were told of the order (it waited, or was confirmed).
        var suppliersTold = false
    }

    struct SubOrderFacts: Sendable, Equatable, Codable {
        let subOrder: String
        let supplier: CompanyID
        let total: Money
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
    var invoices: BoundedMap<String, InvoiceFacts>

    public init(limits: Limits = Limits()) {
        self.limits = limits
        orders = BoundedMap(limit: limits.orders)
        invoices = BoundedMap(limit: limits.invoices)
    }

    /// Open orders and invoices remembered (for gauges and tests).
    public var remembered: (orders: Int, invoices: Int) { (orders.count, invoices.count) }

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

    private mutating func forgetPaidInvoice(_ payer: CompanyID, _ order: OrderID?, _ target: PaymentTarget?,
                                            _ remaining: Money?) {
        guard let order, target == .invoice, remaining?.isZero == true else { return }
        invoices[Self.invoiceKey(payer, order)] = nil
    }

    static func invoiceKey(_ payer: CompanyID, _ order: OrderID) -> String { "\(payer.rawValue)/\(order.rawValue)" }
}
