/// Human-readable money: "123.45 CNY", "-0.05 USD", "1200 JPY". For logs, reasons in rejections and
/// notifications; the wire always carries integer minor units instead.
extension Money: CustomStringConvertible {
    public var description: String { formatted }

    /// The amount in major units with exactly the currency's decimal places, then the code.
    public var formatted: String { "\(decimalString) \(currency.code)" }

    /// The amount in major units without the code, e.g. "123.45".
    public var decimalString: String {
        let exponent = currency.minorUnitExponent
        let magnitude = minorUnits.magnitude  // UInt64: safe for Int64.min
        let sign = minorUnits < 0 ? "-" : ""
        guard exponent > 0 else { return sign + String(magnitude) }
        let scale = UInt64(currency.minorUnitsPerMajorUnit)
        let fraction = String(magnitude % scale)
        let padding = String(repeating: "0", count: exponent - fraction.count)
        return "\(sign)\(magnitude / scale).\(padding)\(fraction)"
    }

    /// Reads a decimal amount in major units ("123.45", "-7", "0.5") exactly. More decimal places
    /// than the currency has are refused rather than rounded: money input is never rounded silently.
    public init(decimal text: String, currency: Currency) throws(MoneyError) {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let integerDigits = parts[0]
        let fractionDigits = parts.count > 1 ? parts[1] : ArraySlice<UInt8>()
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard !integerDigits.isEmpty, integerDigits.allSatisfy(isDigit), fractionDigits.allSatisfy(isDigit),
              parts.count == 1 || !fractionDigits.isEmpty
        else { throw .invalidAmount("\"\(text)\" is not a decimal number like 123.45") }
        guard fractionDigits.count <= currency.minorUnitExponent else {
            throw .invalidAmount("\"\(text)\" has more than \(currency.minorUnitExponent) decimal places for \(currency.code)")
        }
        var value: Int64 = 0
        let paddedFraction = Array(fractionDigits)
            + Array(repeating: UInt8(ascii: "0"), count: currency.minorUnitExponent - fractionDigits.count)
        for digit in Array(integerDigits) + paddedFraction {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            if overflowA || overflowB { throw .overflow(operation: "parsing \"\(text)\"") }
            value = next
        }
        self.init(minorUnits: negative ? -value : value, currency: currency)
    }
}
