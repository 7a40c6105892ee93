import Foundation

/// Stock movement of one SKU.
///
/// Sold units come from confirmed order lines; received, adjusted and out (units that left stock
/// when a reservation was committed) from `inventory.events.v1`. Turnover is `unitsOut` divided by
/// the time-weighted average on-hand from the SKU's first stock event to `asOf`, in hundredths
/// (250 = 2.5 turns over that period); absent when there is no stock history or the average is 0.
public struct AnalyticsSKUStock: Codable, Sendable, Hashable {
    public let sku: SKU
    public let unitsSold: Int64
    public let unitsReceived: Int64
    /// Net of stock adjustments (counts, damage, corrections): negative when stock was written off.
    public let unitsAdjusted: Int64
    public let unitsOut: Int64
    /// On-hand over all warehouses; absent when inventory never reported stock for the SKU.
    public let onHand: Int64?
    public let turnoverHundredths: Int64?
    /// Start of the turnover period: the SKU's first stock event.
    public let stockSince: Date?
    /// The latest sale or stock movement; absent if neither happened.
    public let lastMovementAt: Date?

    public init(sku: SKU, unitsSold: Int64, unitsReceived: Int64, unitsAdjusted: Int64, unitsOut: Int64,
                onHand: Int64?, turnoverHundredths: Int64?, stockSince: Date?, lastMovementAt: Date?) {
        self.sku = sku
        self.unitsSold = unitsSold
        self.unitsReceived = unitsReceived
        self.unitsAdjusted = unitsAdjusted
        self.unitsOut = unitsOut
        self.onHand = onHand
        self.turnoverHundredths = turnoverHundredths
        self.stockSince = stockSince.map(WireTimestamp.roundedToMilliseconds)
        self.lastMovementAt = lastMovementAt.map(WireTimestamp.roundedToMilliseconds)
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", unitsSold = "unitsSold", unitsReceived = "unitsReceived", unitsAdjusted = "unitsAdjusted"
        case unitsOut = "unitsOut", onHand = "onHand", turnoverHundredths = "turnoverHundredths"
        case stockSince = "stockSince", lastMovementAt = "lastMovementAt"
    }
}

/// Stock of a supplier's SKUs (those that appeared in its order lines) or, for the platform, of every
/// SKU seen in orders or inventory.
public struct AnalyticsStock: Codable, Sendable, Hashable {
    public let skuCount: Int
    /// The SKUs with most units sold (then most on hand, then SKU), bounded.
    public let skus: [AnalyticsSKUStock]
    /// SKUs with stock on hand (or unknown on-hand) and no sale or movement for
    /// `AnalyticsWindows.slowMoverDays`.
    public let slowMoverCount: Int
    /// The slow movers holding most stock first (then longest idle, then SKU), bounded.
    public let slowMovers: [AnalyticsSKUStock]

    public init(skuCount: Int, skus: [AnalyticsSKUStock], slowMoverCount: Int, slowMovers: [AnalyticsSKUStock]) {
        self.skuCount = skuCount
        self.skus = skus
        self.slowMoverCount = slowMoverCount
        self.slowMovers = slowMovers
    }

    private enum CodingKeys: String, CodingKey {
        case skuCount = "skuCount", skus = "skus", slowMoverCount = "slowMoverCount", slowMovers = "slowMovers"
    }
}
