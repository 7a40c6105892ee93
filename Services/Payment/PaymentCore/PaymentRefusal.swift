import Contracts

/// A rejection before it is tied to a command: published as `authorization-rejected` or
/// `command-rejected`, and answered as `rejected` when the order service asked.
struct PaymentRefusal: Error, Equatable {
    let code: RejectionCode
    let field: String?
    let reason: String
    /// The credit available, for credit refusals.
    let available: Money?

    init(_ code: RejectionCode, field: String? = nil, _ reason: String, available: Money? = nil) {
        self.code = code
        self.field = field
        self.reason = reason
        self.available = available
    }

    /// A money operation failed: a currency mismatch or an overflow.
    init(_ error: MoneyError, field: String? = nil) {
        switch error {
        case .currencyMismatch:
            self.init(.paymentCurrencyMismatch, field: field, "\(error)")
        default:
            self.init(.paymentAmountOverflow, field: field, "\(error)")
        }
    }
}
