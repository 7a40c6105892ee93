import Contracts
import Foundation

/// Turns order and payment events into notification drafts: who (company and audience), what
/// (event type, template parameters, link). Pure; its small memory holds what later events lack:
/// an order's buyer user and suppliers (from `order.placed`). The relay keeps one router per
/// partition of `order.events.v1` (an order's events share one partition), so each partition's
/// memory is checkpointed beside the offset it reaches. The memory is bounded (`Limits`, per
/// partition) and `Codable`. Invoice reminders need no memory here: payment, which holds every
/// invoice, announces them (`invoice-due-soon`). Low-stock notices are routed by `SKUSuppliers`.
///
/// Recipients: buyers hear about their orders (the user who placed it; approvers of the waiting
/// step; finance for payment); each supplier hears about its own sub-orders (warehouse role: once the
/// order waits for approval or payment, or is confirmed, and then its end) and
/// its SKUs' low stock (warehouse and catalog managers); payers' finance users hear about invoices
/// due and overdue (账期到期) and failed provider payments.
public struct NotificationRouter: Sendable, Equatable, Codable {
    /// Per partition: open orders spread over the partitions by buyer.
    public struct Limits: Sendable, Equatable, Codable {
        public var orders = 25_000

        public init() {}
    }

    /// What later events of an order lack. Only what notices name: every open order of every
    /// partition is held (and checkpointed), so not the order's lines.
    struct OrderFacts: Sendable, Equatable, Codable {
        let placedBy: UserID
        let total: Money
        /// The parts still to be told of the order's end: a part cancelled on its own leaves.
        var subOrders: [SubOrderFacts]
        /// True once the suppliers were told of the order (it waited, or was confirmed).
        var suppliersTold = false
        /// The value of the parts cancelled on their own: not charged when the order completes.
        var cancelled: Money?
    }

    struct SubOrderFacts: Sendable, Equatable, Codable {
        let subOrder: String
        let supplier: CompanyID
        let total: Money
    }

    public let limits: Limits
    var orders: BoundedMap<OrderID, OrderFacts>

    public init(limits: Limits = Limits()) {
        self.limits = limits
        orders = BoundedMap(limit: limits.orders)
    }

    /// Open orders remembered (for gauges and tests).
    public var rememberedOrders: Int { orders.count }

    /// The drafts for a payment event: invoices falling due and overdue, and failed provider
    /// payments, to the payer's finance users. Payment decides when (it holds every invoice); the
    /// router remembers nothing of them.
    public func route(_ envelope: Envelope<PaymentEvent>) -> [NotificationDraft] {
        switch envelope.payload {
        case let .invoiceDueSoon(dueSoon):
            // The days left when the reminder was decided, rounded up: "due in 3 days" at 2.4.
            let days = Int((dueSoon.dueAt.timeIntervalSince(envelope.occurredAt) / 86_400).rounded(.up))
            return [financeNotice(envelope, to: dueSoon.payer, NotificationEventTypes.invoiceDue, order: dueSoon.order,
                                  ["amount": dueSoon.outstanding.formatted, "dueAt": DisplayText.date(dueSoon.dueAt),
                                   "days": String(max(days, 1))])]
        case let .invoiceOverdue(overdue):
            return [financeNotice(envelope, to: overdue.payer, NotificationEventTypes.invoiceOverdue, order: overdue.order,
                                  ["outstanding": overdue.outstanding.formatted, "dueAt": DisplayText.date(overdue.dueAt)])]
        case let .providerPaymentRecorded(recorded) where recorded.status == .failed:
            // A failure changes nothing in payment (the order keeps waiting), so without this
            // notice nobody would learn the payment must be made again.
            return [financeNotice(envelope, to: recorded.payer, NotificationEventTypes.paymentFailed, order: recorded.order,
                                  ["amount": recorded.amount.formatted,
                                   "reason": recorded.failureReason ?? "the provider gave no reason"])]
        default:
            return []
        }
    }

    /// A notice about a payer's invoice or payment to its finance users, linked to the order it bills.
    private func financeNotice(_ envelope: Envelope<PaymentEvent>, to payer: CompanyID, _ type: String, order: OrderID,
                               _ parameters: [String: String]) -> NotificationDraft {
        NotificationDraft(recipient: payer, audience: NotificationAudience(roles: [.finance]), eventType: type,
                          parameters: parameters.merging(["order": order.rawValue]) { $1 },
                          link: "/v1/orders/\(order.rawValue)", source: envelope.id, idSeed: envelope.id.rawValue,
                          occurredAt: envelope.occurredAt)
    }
}
