import Contracts
import Foundation

/// Prices one SKU for one buyer, quantity and instant, and says which rule won.
///
/// Precedence (also in NOTES.md):
/// 1. Only price lists owned by the product's supplier count, and only rules for this SKU that are
///    valid at `now` (`validFrom <= now < validUntil`; an open end is unbounded).
/// 2. A rule applies when its condition holds: a contract names the buyer company; a customer-tier
///    rule names the buyer's tier; a regional rule names the buyer's region; a promotion always
///    (inside its window); a volume-tier rule when some tier's `minimumQuantity <= quantity` (the
///    highest such tier is the candidate). The SKU's base price always applies.
/// 3. A contract price for the buyer is BINDING: it wins even when another rule is lower (the
///    lowest contract wins if several are valid).
/// 4. Otherwise the LOWEST unit price wins among promotion, customer tier, regional, volume tier
///    and base. Equal prices are broken by promotion > customer tier > regional > volume tier >
///    base, then by price list id and rule order.
/// 5. The quantity must be > 0, at least the SKU's minimum order quantity and a multiple of its
///    pack size; every applicable rule must be in the base price's currency; the total
///    (unit price × quantity) must fit in 64 bits.
public enum PriceEngine {
    public static func quote(sku: SKU, quantity: Int64, buyer: BuyerProfile, product: Product,
                             priceLists: [PriceList], now: Date) -> Result<PriceQuote, QuoteError> {
        var rules: [PricedRule] = []
        for list in priceLists where list.owner == product.supplier {
            for (index, rule) in list.rules.enumerated() where rule.sku == sku {
                rules.append(PricedRule(list: list.id, index: index, rule: rule))
            }
        }
        return quote(sku: sku, quantity: quantity, buyer: buyer, product: product, rules: rules, now: now)
    }

    /// The same, over rules already picked for this SKU from the supplier's lists (see `PriceIndex`).
    public static func quote(sku: SKU, quantity: Int64, buyer: BuyerProfile, product: Product,
                             rules: [PricedRule], now: Date) -> Result<PriceQuote, QuoteError> {
        guard let entry = product.sku(sku) else { return .failure(.unknownSKU(sku, product: product.id)) }
        let status = product.status(at: now)
        guard status == .listed else { return .failure(.notAvailable(sku, status: status)) }
        guard quantity > 0 else { return .failure(.invalidQuantity(quantity)) }
        guard quantity >= entry.minimumOrderQuantity else {
            return .failure(.belowMinimumOrderQuantity(quantity: quantity, minimum: entry.minimumOrderQuantity))
        }
        guard quantity % entry.packSize == 0 else {
            return .failure(.notMultipleOfPackSize(quantity: quantity, packSize: entry.packSize))
        }

        let currency = entry.basePrice.currency
        var candidates = [Candidate(price: entry.basePrice, rank: Candidate.baseRank, list: nil, index: 0,
                                    rule: AppliedRule(kind: .base, priceListId: nil, description: "base price"))]
        var bindingFound = false
        for priced in rules where priced.rule.isValid(at: now) {
            guard let (price, description) = applicable(priced.rule, quantity: quantity, buyer: buyer) else { continue }
            if price.currency != currency {
                return .failure(.currencyMismatch(priceList: priced.list, expected: currency, found: price.currency))
            }
            let kind = priced.rule.kind
            if kind == .contract { bindingFound = true }
            candidates.append(Candidate(price: price, rank: Candidate.rank(of: kind), list: priced.list,
                                        index: priced.index,
                                        rule: AppliedRule(kind: kind, priceListId: priced.list, description: description)))
        }
        candidates.sort { left, right in
            if bindingFound, (left.rule.kind == .contract) != (right.rule.kind == .contract) {
                return left.rule.kind == .contract
            }
            return left.sortsBefore(right)
        }
        let winner = candidates[0]
        guard let total = try? winner.price.multiplied(by: quantity) else {
            return .failure(.totalOverflow(quantity: quantity, unitPrice: winner.price))
        }
        return .success(PriceQuote(sku: sku, quantity: quantity, unitPrice: winner.price, total: total,
                                   rule: winner.rule,
                                   candidates: candidates.map { PriceCandidate(rule: $0.rule, unitPrice: $0.price) }))
    }

    /// The rule's price for this buyer and quantity with a description, or nil when its condition
    /// does not hold.
    private static func applicable(_ rule: PriceRule, quantity: Int64,
                                   buyer: BuyerProfile) -> (Money, String)? {
        switch rule.terms {
        case let .volumeTiers(tiers):
            guard let tier = tiers.last(where: { $0.minimumQuantity <= quantity }) else { return nil }
            return (tier.unitPrice, "volume tier ≥ \(tier.minimumQuantity) units")
        case let .customerTier(tier, price):
            return tier == buyer.tier ? (price, "\(tier.rawValue) customer price") : nil
        case let .contract(company, price):
            return company == buyer.company ? (price, "contract price for \(company)") : nil
        case let .regional(region, price):
            return region == buyer.region ? (price, "regional price for \(region)") : nil
        case let .promotion(name, price):
            return (price, "promotion \"\(name)\"")
        }
    }
}

/// A rule of a price list, with where it came from (for tie-breaks and `AppliedRule.priceListId`).
public struct PricedRule: Sendable, Equatable {
    public let list: PriceListID
    public let index: Int
    public let rule: PriceRule

    public init(list: PriceListID, index: Int, rule: PriceRule) {
        self.list = list
        self.index = index
        self.rule = rule
    }
}

private struct Candidate {
    static let baseRank = 4

    let price: Money
    let rank: Int
    let list: PriceListID?
    let index: Int
    let rule: AppliedRule

    static func rank(of kind: PriceRuleKind) -> Int {
        switch kind {
        case .contract, .promotion: 0
        case .customerTier: 1
        case .regional: 2
        case .volumeTier: 3
        case .base: baseRank
        }
    }

    /// Cheaper first; equal prices by rank, then price list id and rule order.
    func sortsBefore(_ other: Candidate) -> Bool {
        if price.minorUnits != other.price.minorUnits { return price.minorUnits < other.price.minorUnits }
        if rank != other.rank { return rank < other.rank }
        if list != other.list { return (list?.rawValue ?? "") < (other.list?.rawValue ?? "") }
        return index < other.index
    }
}
