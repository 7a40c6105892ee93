/// The money side of an order as the order service knows it (the payment service owns the details).
public enum OrderPaymentStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// No payment asked for yet (approval or stock reservation still running).
    case notRequested = "not-requested"
    /// `payment.authorize` sent; no answer yet.
    case authorizing = "authorizing"
    /// Prepayment or bank transfer: waiting for the buyer's money (see the payment reference).
    case awaitingPayment = "awaiting-payment"
    /// Credit reserved on the payer's credit line.
    case authorized = "authorized"
    /// The buyer's money arrived.
    case paid = "paid"
    /// Payment refused the authorization (credit limit, frozen credit, no credit line).
    case rejected = "rejected"
    /// `payment.void` sent (cancel, expiry): the authorization is being released.
    case voidRequested = "void-requested"
    case voided = "voided"
    /// `payment.capture` sent at completion (split settlement follows in payment).
    case captureRequested = "capture-requested"
    case captured = "captured"
    /// `payment.refund` sent: money arrived for an order that had ended, or the order was cancelled
    /// after it was paid.
    case refundRequested = "refund-requested"
    case refunded = "refunded"
}
