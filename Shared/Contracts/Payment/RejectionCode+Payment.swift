/// Rejection codes of payment commands. Validation failures use `invalidField`, missing roles
/// `forbidden`. The first three are the ones the saga spec names for `order.payment-result`.
extension RejectionCode {
    /// A credit authorization is larger than the payer's available credit (limit - reserved -
    /// outstanding invoices); the reason names what is available.
    public static let creditLimitExceeded = RejectionCode(rawValue: "credit-limit-exceeded")
    /// The payer has an overdue invoice: no new credit authorizations until it is paid.
    public static let creditFrozen = RejectionCode(rawValue: "credit-frozen")
    /// Payment by credit, but nobody has granted the payer a credit line.
    public static let noCreditLine = RejectionCode(rawValue: "no-credit-line")
    /// Amounts in different currencies where one is required (order vs credit line, refund vs capture).
    public static let paymentCurrencyMismatch = RejectionCode(rawValue: "currency-mismatch")
    /// Capture, void, refund or a callback names an order the payer has no authorization for.
    public static let unknownAuthorization = RejectionCode(rawValue: "unknown-authorization")
    /// The authorization is voided (nothing can follow) or captured (void is no longer possible).
    public static let authorizationClosed = RejectionCode(rawValue: "authorization-closed")
    /// The order is already authorized with a different amount or method.
    public static let authorizationConflict = RejectionCode(rawValue: "authorization-conflict")
    /// Capture of a prepayment or bank-transfer order that is not fully paid.
    public static let paymentIncomplete = RejectionCode(rawValue: "payment-incomplete")
    /// Refund of an order that was not captured (void it instead).
    public static let notCaptured = RejectionCode(rawValue: "not-captured")
    /// The refund is larger than what was captured and not yet refunded.
    public static let refundExceedsCaptured = RejectionCode(rawValue: "refund-exceeds-captured")
    /// The refund id was already used with a different amount or order.
    public static let refundConflict = RejectionCode(rawValue: "refund-conflict")
    /// A total or a ledger balance would not fit in 64 bits of minor units.
    public static let paymentAmountOverflow = RejectionCode(rawValue: "amount-overflow")
    /// A posting would not balance. A bug guard: decisions build balanced postings by construction.
    public static let ledgerUnbalanced = RejectionCode(rawValue: "ledger-unbalanced")
}
