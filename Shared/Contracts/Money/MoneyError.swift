/// Why a money operation was refused. Money never converts currencies, rounds silently or wraps.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operands are in different currencies; converting needs a rate and is never implicit.
    case currencyMismatch(Currency, Currency)
    /// The exact result does not fit in 64 bits of minor units.
    case overflow(operation: String)
    /// Allocation ratios are empty, negative, all zero, or (for basis points) do not add up to 10,000.
    case invalidRatios(String)
    /// Not three uppercase ASCII letters.
    case invalidCurrencyCode(String)
    /// A well-formed ISO-4217 code the platform does not hold money in (see `Currency.supported`).
    case unsupportedCurrency(String)
    /// A decimal amount that cannot be read exactly, e.g. "12.345" for CNY.
    case invalidAmount(String)

    public var description: String {
        switch self {
        case let .currencyMismatch(left, right): "currency mismatch: \(left.code) and \(right.code)"
        case let .overflow(operation): "amount overflow in \(operation)"
        case let .invalidRatios(reason): "invalid allocation ratios: \(reason)"
        case let .invalidCurrencyCode(code): "invalid currency code \"\(code)\": expected three uppercase letters"
        case let .unsupportedCurrency(code): "unsupported currency \(code)"
        case let .invalidAmount(reason): "invalid amount: \(reason)"
        }
    }
}
