import Contracts
import Foundation

/// What analytics needs of one order line, taken from `order.placed`.
struct LineFact: Sendable, Hashable, Codable {
    let sku: SKU
    let supplier: CompanyID
    let distributor: CompanyID?
    /// The top-level category; "uncategorized" for an empty path.
    let category: String
    let quantity: Int64
    /// The line total in minor units of the order's currency.
    let amount: Int64
    let subOrder: String

    init(_ line: OrderLine) {
        sku = line.sku
        supplier = line.supplier
        distributor = line.distributor
        category = line.category.first ?? "uncategorized"
        quantity = line.quantity
        amount = line.lineTotal.minorUnits
        subOrder = line.subOrder
    }
}

/// The working state of an order that has not ended: enough to count each stage once and to
/// attribute later events (confirmation, shipments) to the right companies. Dropped when the order
/// ends; a `FinishedOrder` remains for late events.
struct OrderTrack: Sendable, Hashable, Codable {
    let buyer: CompanyID
    let placedAt: Date
    let currency: Currency
    let region: String
    let lines: [LineFact]
    /// Every key the order counts in: platform, its buyer, the suppliers and distributors of its lines.
    let scopes: [ScopeKey]
    var approved = false
    var confirmedAt: Date?
    var paid = false
    var shipped: Set<String> = []

    init(_ placed: OrderPlaced) {
        buyer = placed.buyer
        placedAt = placed.at
        currency = placed.total.currency
        region = placed.deliveryAddress.region
        lines = placed.lines.map(LineFact.init)
        let suppliers = Set(lines.map(\.supplier)).sorted().map(ScopeKey.supplier)
        let distributors = Set(lines.compactMap(\.distributor)).sorted().map(ScopeKey.distributor)
        scopes = [.platform, .buyer(placed.buyer)] + suppliers + distributors
    }

    func lines(countedIn key: ScopeKey) -> [LineFact] { lines.filter(key.counts) }
}

/// What is remembered of an ended order: where it counted, and whether it was counted as paid
/// (a credit order is captured after it completes).
struct FinishedOrder: Sendable, Hashable, Codable {
    let scopes: [ScopeKey]
    var paid: Bool
}
