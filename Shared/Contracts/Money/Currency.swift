/// An ISO-4217 currency the platform can hold money in, with its minor-unit exponent.
///
/// Only currencies in `supported` are accepted. The exponent decides what one unit of
/// `Money.minorUnits` is worth, and a wrong exponent is a 100x error, so an unknown code is refused
/// rather than guessed; adding a currency is a one-line change to `supported`.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// Three uppercase letters, e.g. "CNY".
    public let code: String
    /// Decimal places of the minor unit: 2 for CNY (fen), 0 for JPY.
    public let minorUnitExponent: Int

    public static let cny = Currency(known: "CNY", exponent: 2)
    public static let usd = Currency(known: "USD", exponent: 2)
    public static let eur = Currency(known: "EUR", exponent: 2)
    public static let jpy = Currency(known: "JPY", exponent: 0)
    public static let gbp = Currency(known: "GBP", exponent: 2)
    public static let hkd = Currency(known: "HKD", exponent: 2)

    public static let supported: [Currency] = [.cny, .usd, .eur, .jpy, .gbp, .hkd]

    /// Looks `code` up among the supported currencies; the error says whether the code is malformed
    /// or merely unsupported.
    public init(_ code: String) throws(MoneyError) {
        guard code.utf8.count == 3, code.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            throw .invalidCurrencyCode(code)
        }
        guard let known = Self.supported.first(where: { $0.code == code }) else {
            throw .unsupportedCurrency(code)
        }
        self = known
    }

    private init(known code: String, exponent: Int) {
        self.code = code
        self.minorUnitExponent = exponent
    }

    /// 10^exponent: how many minor units make one major unit.
    public var minorUnitsPerMajorUnit: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorUnitExponent { result *= 10 }
        return result
    }

    public var description: String { code }
}

/// A currency is a bare JSON string: `"CNY"`.
extension Currency: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        do {
            try self.init(code)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
