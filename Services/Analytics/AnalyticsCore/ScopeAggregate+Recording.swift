import Contracts
import Foundation

extension ScopeAggregate {
    /// A confirmed order's lines that count in this key, at its confirmation time.
    mutating func recordSale(_ lines: [LineFact], of order: OrderTrack, at date: Date, watermark: Date) {
        guard !lines.isEmpty else { return }
        let whole = Self.tally(lines, currency: order.currency)
        totals.add(whole)
        ordersByCurrency[order.currency, default: 0] += 1
        minutes.add(whole, at: date, watermark: watermark)
        hours.add(whole, at: date, watermark: watermark)
        days.add(whole, at: date, watermark: watermark)
        // Group first, so an order with two lines under one key counts once for that key.
        for (sku, group) in Dictionary(grouping: lines, by: \.sku) {
            skus[sku, default: Tally()].add(Self.tally(group, currency: order.currency))
        }
        regions[order.region, default: Tally()].add(whole)
        buyers[order.buyer.rawValue, default: Tally()].add(whole)
        Self.add(lines, by: \.category, currency: order.currency, to: &categories)
        Self.add(lines, by: { $0.supplier.rawValue }, currency: order.currency, to: &suppliers)
        Self.add(lines, by: { $0.distributor?.rawValue ?? "direct" }, currency: order.currency, to: &distributors)
    }

    /// A placement by `buyer`, for dealer activity.
    mutating func recordPlacement(by buyer: CompanyID, at date: Date, windows: AnalyticsWindows, watermark: Date) {
        var dealer = dealers[buyer] ?? DealerTrack(
            lastOrderAt: date,
            days: BucketSeries(width: 86_400, offset: Int64(windows.utcOffsetSeconds), keep: windows.activeDays))
        dealer.lastOrderAt = max(dealer.lastOrderAt, date)
        dealer.days.add(Tally(orders: 1), at: date, watermark: watermark)
        dealers[buyer] = dealer
    }

    mutating func recordShipment(by supplier: CompanyID, onTime: Bool) {
        shipping[supplier, default: ShippingTally()].shipped += 1
        if onTime { shipping[supplier, default: ShippingTally()].onTime += 1 }
    }

    private static func tally(_ lines: [LineFact], currency: Currency) -> Tally {
        var tally = Tally(orders: 1)
        for line in lines {
            tally.gmv.add(line.amount, currency)
            tally.units = Saturating.add(tally.units, line.quantity)
        }
        return tally
    }

    private static func add(_ lines: [LineFact], by key: (LineFact) -> String, currency: Currency,
                            to tallies: inout [String: Tally]) {
        for (name, group) in Dictionary(grouping: lines, by: key) {
            tallies[name, default: Tally()].add(tally(group, currency: currency))
        }
    }
}
