import Testing
import Contracts

@Suite struct MoneyArithmeticTests {
    private let cny = Currency.cny

    @Test func addsAndSubtracts_inOneCurrency() throws {
        let price = Money(minorUnits: 12345, currency: cny)
        #expect(try price.adding(Money(minorUnits: 55, currency: cny)) == Money(minorUnits: 12400, currency: cny))
        #expect(try price.subtracting(Money(minorUnits: 12400, currency: cny)) == Money(minorUnits: -55, currency: cny))
        #expect(try price.multiplied(by: 3) == Money(minorUnits: 37035, currency: cny))
        #expect(try Money.sum([price, price], in: cny) == Money(minorUnits: 24690, currency: cny))
        #expect(try Money.sum([], in: cny) == .zero(cny))
    }

    @Test func refusesToMixCurrencies() {
        let yuan = Money(minorUnits: 100, currency: .cny)
        let dollars = Money(minorUnits: 100, currency: .usd)
        #expect(throws: MoneyError.currencyMismatch(.cny, .usd)) { try yuan.adding(dollars) }
        #expect(throws: MoneyError.currencyMismatch(.cny, .usd)) { try yuan.subtracting(dollars) }
        #expect(throws: MoneyError.currencyMismatch(.cny, .usd)) { try yuan.isLess(than: dollars) }
        #expect(throws: MoneyError.currencyMismatch(.cny, .usd)) { try Money.sum([yuan, dollars], in: .cny) }
    }

    @Test func detectsOverflow_insteadOfTrappingOrWrapping() {
        let max = Money(minorUnits: .max, currency: cny)
        let min = Money(minorUnits: .min, currency: cny)
        let one = Money(minorUnits: 1, currency: cny)
        #expect(throws: MoneyError.overflow(operation: "addition")) { try max.adding(one) }
        #expect(throws: MoneyError.overflow(operation: "subtraction")) { try min.subtracting(one) }
        #expect(throws: MoneyError.overflow(operation: "multiplication")) { try max.multiplied(by: 2) }
        #expect(throws: MoneyError.overflow(operation: "negation")) { try min.negated() }
    }

    @Test func comparesWithinOneCurrency() throws {
        #expect(try Money(minorUnits: 1, currency: cny).isLess(than: Money(minorUnits: 2, currency: cny)))
        #expect(try !Money(minorUnits: 2, currency: cny).isLess(than: Money(minorUnits: 2, currency: cny)))
    }

    @Test(arguments: [
        (Int64(12345), Currency.cny, "123.45 CNY"),
        (-5, .usd, "-0.05 USD"),
        (1200, .jpy, "1200 JPY"),
        (0, .eur, "0.00 EUR"),
        (100, .gbp, "1.00 GBP"),
        (.min, .hkd, "-92233720368547758.08 HKD"),
    ])
    func formatsMajorUnitsWithCurrencyCode(_ minorUnits: Int64, _ currency: Currency, _ expected: String) {
        #expect(Money(minorUnits: minorUnits, currency: currency).formatted == expected)
    }

    @Test func readsDecimalAmountsExactly() throws {
        #expect(try Money(decimal: "123.45", currency: cny).minorUnits == 12345)
        #expect(try Money(decimal: "12.5", currency: cny).minorUnits == 1250)
        #expect(try Money(decimal: "-0.05", currency: cny).minorUnits == -5)
        #expect(try Money(decimal: "7", currency: cny).minorUnits == 700)
        #expect(try Money(decimal: "1200", currency: .jpy).minorUnits == 1200)
    }

    @Test(arguments: ["12.345", "abc", "", "1.", ".5", "1,5", "--1", "1.2.3", "12.5 CNY"])
    func refusesDecimalAmounts_thatWouldNeedRoundingOrAreMalformed(_ text: String) {
        #expect(throws: MoneyError.self) { try Money(decimal: text, currency: .cny) }
    }

    @Test func refusesDecimalAmount_thatOverflows() {
        #expect(throws: MoneyError.self) { try Money(decimal: "92233720368547758.08", currency: .cny) }
        #expect(throws: Never.self) { try Money(decimal: "92233720368547758.07", currency: .cny) }
    }

    @Test func acceptsOnlySupportedCurrencyCodes() throws {
        #expect(try Currency("CNY") == .cny)
        #expect(try Currency("JPY").minorUnitExponent == 0)
        #expect(throws: MoneyError.invalidCurrencyCode("cny")) { try Currency("cny") }
        #expect(throws: MoneyError.invalidCurrencyCode("YUAN")) { try Currency("YUAN") }
        #expect(throws: MoneyError.unsupportedCurrency("KRW")) { try Currency("KRW") }
    }

    @Test func decodingUnsupportedCurrency_namesTheField() {
        let bytes = Array(#"{"amount":1,"currency":"XXX"}"#.utf8)
        #expect(throws: WireFormatError.invalidValue(path: "currency", problem: "unsupported currency XXX")) {
            try WireFormat.decodeValue(Money.self, from: bytes)
        }
    }
}
