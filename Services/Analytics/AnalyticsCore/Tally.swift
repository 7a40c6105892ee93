import Contracts

/// Amounts per currency, never added across currencies. Sums saturate at the Int64 bounds instead
/// of trapping: a dashboard must keep running, and 9.2e18 minor units is far beyond any real GMV.
struct MoneyBag: Sendable, Hashable, Codable {
    private(set) var amounts: [Currency: Int64] = [:]

    mutating func add(_ minorUnits: Int64, _ currency: Currency) {
        amounts[currency] = Saturating.add(amounts[currency] ?? 0, minorUnits)
    }

    mutating func add(_ other: MoneyBag) {
        for (currency, amount) in other.amounts { add(amount, currency) }
    }

    func minorUnits(in currency: Currency?) -> Int64 {
        currency.flatMap { amounts[$0] } ?? 0
    }

    /// One `Money` per currency, sorted by code: the wire's shape for amounts.
    var list: [Money] {
        amounts.map { Money(minorUnits: $0.value, currency: $0.key) }.sorted { $0.currency.code < $1.currency.code }
    }
}

/// Sales under one key: money, orders, units.
struct Tally: Sendable, Hashable, Codable {
    var gmv = MoneyBag()
    var orders: Int64 = 0
    var units: Int64 = 0

    mutating func add(_ other: Tally) {
        gmv.add(other.gmv)
        orders = Saturating.add(orders, other.orders)
        units = Saturating.add(units, other.units)
    }

    func figures(key: String) -> AnalyticsFigures {
        AnalyticsFigures(key: key, gmv: gmv.list, orders: orders, units: units)
    }
}

enum Saturating {
    static func add(_ left: Int64, _ right: Int64) -> Int64 {
        let (sum, overflow) = left.addingReportingOverflow(right)
        guard overflow else { return sum }
        return right > 0 ? .max : .min
    }

    static func multiply(_ left: Int64, _ right: Int64) -> Int64? {
        let (product, overflow) = left.multipliedReportingOverflow(by: right)
        return overflow ? nil : product
    }
}
