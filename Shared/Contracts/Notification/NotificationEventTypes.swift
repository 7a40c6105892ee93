/// The event types a notification can have: what templates exist for, what webhooks subscribe to
/// and what users set channel preferences for. Wire strings; adding one is compatible, renaming
/// one breaks webhook subscriptions.
public enum NotificationEventTypes {
    public static let orderPlaced = "order.placed"
    public static let orderApprovalRequested = "order.approval-requested"
    public static let orderApproved = "order.approved"
    public static let orderApprovalRejected = "order.approval-rejected"
    public static let orderAwaitingPayment = "order.awaiting-payment"
    public static let orderConfirmed = "order.confirmed"
    public static let orderRejected = "order.rejected"
    public static let orderCancelled = "order.cancelled"
    public static let orderExpired = "order.expired"
    public static let orderShipped = "order.shipped"
    public static let orderDelivered = "order.delivered"
    public static let orderCompleted = "order.completed"
    /// For the buyer: a supplier cancelled its part of the order before shipping it.
    public static let orderPartCancelled = "order.part-cancelled"
    /// Returns (RMA): for the supplier, a return to decide; for the buyer, the decision and the refund.
    public static let returnRequested = "order.return-requested"
    public static let returnDecided = "order.return-decided"
    public static let returnRefunded = "order.return-refunded"
    /// For a supplier: an order holding its sub-order waits for approval or payment / is confirmed
    /// (ship it) / ended after one of those (`NotificationRouter` says when each is sent).
    public static let subOrderPlaced = "order.sub-order-placed"
    public static let subOrderConfirmed = "order.sub-order-confirmed"
    public static let subOrderCancelled = "order.sub-order-cancelled"
    public static let invoiceDue = "payment.invoice-due"
    public static let invoiceOverdue = "payment.invoice-overdue"
    /// For the payer's finance users: the payment provider reported a failed payment of an order.
    public static let paymentFailed = "payment.failed"
    public static let lowStock = "inventory.low-stock"
    public static let promotionAnnounced = "promotion.announced"

    /// Subscribes a webhook (or a preference) to every event type, including ones added later.
    public static let wildcard = "*"

    public static let all: [String] = [
        orderPlaced, orderApprovalRequested, orderApproved, orderApprovalRejected, orderAwaitingPayment,
        orderConfirmed, orderRejected, orderCancelled, orderExpired, orderShipped, orderDelivered, orderCompleted,
        orderPartCancelled, returnRequested, returnDecided, returnRefunded, subOrderPlaced, subOrderConfirmed, subOrderCancelled, invoiceDue, invoiceOverdue,
        paymentFailed, lowStock, promotionAnnounced,
    ]

    /// True for a known event type or the wildcard.
    public static func isValidFilter(_ text: String) -> Bool {
        text == wildcard || all.contains(text)
    }
}
