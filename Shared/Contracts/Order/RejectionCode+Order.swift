/// Rejection codes of order commands. Validation failures use `invalidField`, size limits
/// `limitExceeded`, actor checks `forbidden`; stock and payment refusals keep the code inventory or
/// payment gave (e.g. `insufficient-stock`, `credit-limit-exceeded`) when they end an order.
extension RejectionCode {
    /// The command names an order this buyer does not have (or a line/sub-order it does not have).
    public static let orderNotFound = RejectionCode(rawValue: "order-not-found")
    /// The command does not fit the order's current status (e.g. approving a confirmed order).
    public static let invalidOrderState = RejectionCode(rawValue: "invalid-order-state")
    /// A `PlaceOrder` reuses an order id that already exists (without the same idempotency key).
    public static let orderExists = RejectionCode(rawValue: "order-exists")
    /// A `PlaceOrder` reuses an idempotency key of the buyer for a different order (other lines,
    /// quantities, address, payment method, PO or note): a retry must repeat its request.
    public static let idempotencyKeyReused = RejectionCode(rawValue: "idempotency-key-reused")
    /// An approver refused the order (`order.rejected` after `order.approval-rejected`).
    public static let approvalRejected = RejectionCode(rawValue: "approval-rejected")
    /// A `RequestReturn` reuses a return id of the order for other lines.
    public static let returnExists = RejectionCode(rawValue: "return-exists")
    /// A `RequestReturn` came after the order's return window closed.
    public static let returnWindowClosed = RejectionCode(rawValue: "return-window-closed")
}
