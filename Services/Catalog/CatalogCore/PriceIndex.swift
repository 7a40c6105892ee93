import Contracts

/// The price-list rules of every SKU, picked once from the lists so that a quote looks up its few
/// rules instead of scanning every list (the gateway's hot path). Rebuild or update it when a
/// price list changes; only rules of lists owned by the SKU's supplier should be quoted with
/// (`rules(for:supplier:)` filters by owner).
public struct PriceIndex: Sendable {
    private var rulesBySKU: [SKU: [(owner: CompanyID, rule: PricedRule)]] = [:]

    public init(priceLists: some Sequence<PriceList>) {
        for list in priceLists.sorted(by: { $0.id < $1.id }) {
            for (index, rule) in list.rules.enumerated() {
                rulesBySKU[rule.sku, default: []].append((list.owner, PricedRule(list: list.id, index: index, rule: rule)))
            }
        }
    }

    /// The rules for `sku` in lists owned by `supplier`.
    public func rules(for sku: SKU, supplier: CompanyID) -> [PricedRule] {
        guard let entries = rulesBySKU[sku] else { return [] }
        var rules: [PricedRule] = []
        rules.reserveCapacity(entries.count)
        for entry in entries where entry.owner == supplier { rules.append(entry.rule) }
        return rules
    }
}
