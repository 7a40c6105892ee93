import Contracts
import Foundation

extension PaymentDecider {
    /// Refuses a blank or oversized text field.
    func requireText(_ text: String, field: String, maximum: Int) throws(PaymentRefusal) {
        if text.allSatisfy(\.isWhitespace) { throw PaymentRefusal(.invalidField, field: field, "\(field) must not be blank") }
        if text.count > maximum {
            throw PaymentRefusal(.invalidField, field: field, "\(field) must be at most \(maximum) characters, got \(text.count)")
        }
    }

    /// Refuses an amount that is zero or negative.
    func requirePositive(_ amount: Money, field: String) throws(PaymentRefusal) {
        guard amount.isPositive else {
            throw PaymentRefusal(.invalidField, field: field, "\(field) must be positive, got \(amount)")
        }
    }

    /// An incoming payment: positive and at most `maximumPaymentMinorUnits`, so that balances
    /// summing them stay far from overflow.
    func requireIncoming(_ amount: Money, field: String) throws(PaymentRefusal) {
        try requirePositive(amount, field: field)
        guard amount.minorUnits <= limits.maximumPaymentMinorUnits else {
            throw PaymentRefusal(.invalidField, field: field,
                                 "\(field) \(amount) is more than one payment may be (\(limits.maximumPaymentMinorUnits) minor units)")
        }
    }

    /// Free text of a compensation (void, refund reason, provider failure): never a reason to
    /// refuse, because refusing a compensation would leave credit reserved or money unreturned.
    /// Blank becomes `fallback`; overlong text is cut to the limit.
    func lenientText(_ text: String, fallback: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return fallback }
        return trimmed.count <= limits.maximumTextLength ? trimmed : String(trimmed.prefix(limits.maximumTextLength - 1)) + "…"
    }
}

extension Date {
    /// Rounded to the nearest whole millisecond, the precision of the wire (as `Envelope` does).
    var roundedToWireMilliseconds: Date {
        Date(timeIntervalSince1970: Double(Int64((timeIntervalSince1970 * 1000).rounded())) / 1000)
    }

    /// `days` whole days later, rounded to the wire's milliseconds.
    func adding(days: Int) -> Date {
        addingTimeInterval(Double(days) * 86_400).roundedToWireMilliseconds
    }

    /// A short UTC timestamp for reasons people read, e.g. "2026-12-22T04:00:00Z".
    var readable: String { ISO8601Format() }
}
