/// Arithmetic that refuses to mix currencies and reports overflow instead of trapping or wrapping.
/// Methods rather than operators: every call site has to say what happens when it fails.
extension Money {
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow(operation: "addition") }
        return Money(minorUnits: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow(operation: "subtraction") }
        return Money(minorUnits: difference, currency: currency)
    }

    /// E.g. unit price times quantity.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow(operation: "multiplication") }
        return Money(minorUnits: product, currency: currency)
    }

    public func negated() throws(MoneyError) -> Money {
        let (negative, overflow) = Int64(0).subtractingReportingOverflow(minorUnits)
        if overflow { throw .overflow(operation: "negation") }
        return Money(minorUnits: negative, currency: currency)
    }

    /// Orders amounts of one currency; comparing across currencies is refused like arithmetic is.
    public func isLess(than other: Money) throws(MoneyError) -> Bool {
        try requireSameCurrency(other)
        return minorUnits < other.minorUnits
    }

    /// The total of `amounts`, all of which must be in `currency` (an empty list totals zero).
    public static func sum(_ amounts: [Money], in currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    private func requireSameCurrency(_ other: Money) throws(MoneyError) {
        if other.currency != currency { throw .currencyMismatch(currency, other.currency) }
    }
}
