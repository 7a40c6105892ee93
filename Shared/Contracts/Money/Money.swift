/// An exact amount of money: a signed count of the currency's minor units (fen, cents, yen).
///
/// Never `Double`: binary fractions cannot hold 0.10 exactly, and sums of prices must match to the
/// fen when money is split between platform, supplier and distributor. On the wire:
/// `{"amount": 12345, "currency": "CNY"}` where `amount` is the integer minor units (123.45 CNY).
public struct Money: Hashable, Sendable {
    /// The amount in minor units; JSON key `amount`.
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var isPositive: Bool { minorUnits > 0 }
}

extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case minorUnits = "amount"
        case currency
    }
}
