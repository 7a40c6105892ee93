import Contracts
import Foundation

/// Stock movement of one SKU. Inventory events of a SKU arrive in order (one partition per SKU), so
/// the on-hand and its time integral are exact; the last sale comes from orders and is a maximum,
/// which does not depend on how the two topics interleave.
struct SKUStockTrack: Sendable, Hashable, Codable {
    var onHandByWarehouse: [WarehouseID: Int64] = [:]
    var received: Int64 = 0
    var adjusted: Int64 = 0
    var out: Int64 = 0
    /// First and latest inventory event that changed on-hand.
    var firstStockAt: Date?
    var lastStockAt: Date?
    /// ∫ on-hand dt from `firstStockAt` to `lastStockAt`, in unit-seconds (saturating).
    var onHandSeconds: Int64 = 0
    var lastSaleAt: Date?

    /// Nil until inventory reported stock for the SKU.
    var onHand: Int64? {
        firstStockAt == nil ? nil : onHandByWarehouse.values.reduce(0, Saturating.add)
    }

    var lastMovementAt: Date? {
        switch (lastStockAt, lastSaleAt) {
        case let (stock?, sale?): max(stock, sale)
        case let (stock, sale): stock ?? sale
        }
    }

    /// Accumulates the on-hand held since the previous stock event, then moves the clock to `date`.
    /// A clock that went backwards (two producers' clocks) adds nothing rather than subtracting.
    mutating func advance(to date: Date) {
        if let last = lastStockAt {
            onHandSeconds = Saturating.add(onHandSeconds, heldSeconds(from: last, to: date))
            lastStockAt = max(last, date)
        } else {
            firstStockAt = date
            lastStockAt = date
        }
    }

    /// Units out divided by the time-weighted average on-hand from the first stock event to `asOf`,
    /// in hundredths; nil without history, over a zero period, or with a zero average.
    func turnoverHundredths(asOf: Date) -> Int64? {
        guard let first = firstStockAt, let last = lastStockAt else { return nil }
        let period = Int64((asOf.timeIntervalSince(first)).rounded(.down))
        guard period > 0 else { return nil }
        let integral = Saturating.add(onHandSeconds, heldSeconds(from: last, to: asOf))
        guard integral > 0 else { return nil }
        // out / (integral / period) without rounding the average first; 128 bits cannot overflow here.
        let turnover = Int128(out) * 100 * Int128(period) / Int128(integral)
        return turnover > Int128(Int64.max) ? nil : Int64(turnover)
    }

    private func heldSeconds(from start: Date, to end: Date) -> Int64 {
        let seconds = Int64((end.timeIntervalSince(start)).rounded(.down))
        guard seconds > 0 else { return 0 }
        return Saturating.multiply(max(0, onHand ?? 0), seconds) ?? .max
    }
}
