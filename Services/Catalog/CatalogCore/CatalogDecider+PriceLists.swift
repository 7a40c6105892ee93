import Contracts
import Foundation

extension CatalogDecider {
    /// Rules: the owner's role and company as for products; 1...500 rules; every rule prices a SKU of
    /// one of the owner's products, in the list's currency, which must also be that SKU's base-price
    /// currency; prices > 0; `validFrom < validUntil`; promotions need both ends of the window; volume
    /// tiers 1...20 with strictly increasing minimum quantities from 1 up and unit prices that never rise.
    func upsertPriceList(_ command: UpsertPriceList, id: MessageID, current: CatalogRecords,
                         now: Date) throws(Refusal) -> CatalogDecision {
        let existing = current.priceLists[command.priceList]
        if let existing, existing.recentCommandIds.contains(id) {
            return .accepted(events: [], outcome: .accepted(key: existing.recordKey, revision: existing.revision))
        }
        try authorize(command.actor, toChange: "price lists", ownedBy: command.owner, ownerField: "owner")
        if let existing, existing.owner != command.owner {
            throw Refusal(.forbidden, field: "priceList",
                          "price list \(command.priceList) belongs to \(existing.owner), not \(command.owner)")
        }
        try checkExpectedRevision(command.expectedRevision, current: existing?.revision)
        try ProductValidation.checkName(command.name, field: "name")
        if command.rules.count > limits.maximumRulesPerPriceList {
            throw Refusal(.limitExceeded, field: "rules",
                          "a price list may hold at most \(limits.maximumRulesPerPriceList) rules, got \(command.rules.count)")
        }
        for (index, rule) in command.rules.enumerated() {
            try checkRule(rule, field: "rules[\(index)]", list: command, current: current)
        }
        try checkNoTwoRulesPriceTheSameCase(command.rules)
        let next = PriceList(id: command.priceList, owner: command.owner, name: command.name,
                             currency: command.currency, rules: command.rules,
                             revision: (existing?.revision ?? 0) + 1, updatedAt: now,
                             recentCommandIds: remembering(id, in: existing?.recentCommandIds ?? []))
        if let existing, existing.name == next.name, existing.currency == next.currency, existing.rules == next.rules {
            return .accepted(events: [], outcome: .accepted(key: existing.recordKey, revision: existing.revision))
        }
        try checkEncodedSize(next, what: "price list \(next.id)")
        return .accepted(events: [.priceListChanged(next)],
                         outcome: .accepted(key: next.recordKey, revision: next.revision))
    }

    /// Two rules of one list for the same SKU and the same buyers (tier, buyer, region, promotion,
    /// or volume) whose dates overlap: which price applied would be an accident of their order.
    /// Rules for other periods (November's price, then December's) are fine.
    private func checkNoTwoRulesPriceTheSameCase(_ rules: [PriceRule]) throws(Refusal) {
        var seen: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            let key = Self.selector(of: rule)
            for earlier in seen[key] ?? [] where Self.overlap(rules[earlier], rule) {
                throw .invalid("rules[\(index)]", "rules[\(index)] prices SKU \(rule.sku) for the same buyers as rules[\(earlier)] "
                               + "(\(rule.kind.rawValue)) over overlapping dates; keep one, or give them separate validFrom/validUntil")
            }
            seen[key, default: []].append(index)
        }
    }

    private static func selector(of rule: PriceRule) -> String {
        let who: String = switch rule.terms {
        case .volumeTiers: ""
        case let .customerTier(tier, _): tier.rawValue
        case let .contract(buyer, _): buyer.rawValue
        case let .regional(region, _): region.trimmingCharacters(in: .whitespaces).lowercased()
        case let .promotion(name, _): name.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return "\(rule.sku.rawValue)\u{1F}\(rule.kind.rawValue)\u{1F}\(who)"
    }

    /// Whether two validity windows share an instant (`validUntil` exclusive; nil is open-ended).
    private static func overlap(_ first: PriceRule, _ second: PriceRule) -> Bool {
        let (start1, end1) = (first.validFrom ?? .distantPast, first.validUntil ?? .distantFuture)
        let (start2, end2) = (second.validFrom ?? .distantPast, second.validUntil ?? .distantFuture)
        return start1 < end2 && start2 < end1
    }

    private func checkRule(_ rule: PriceRule, field: String, list: UpsertPriceList,
                           current: CatalogRecords) throws(Refusal) {
        guard let (product, entry) = current.product(owning: rule.sku), product.supplier == list.owner else {
            throw Refusal(.unknownSKU, field: "\(field).sku", "\(field).sku \(rule.sku) is not a SKU of supplier \(list.owner)")
        }
        if entry.basePrice.currency != list.currency {
            throw .invalid("currency", "the list is in \(list.currency) but SKU \(rule.sku) is priced in \(entry.basePrice.currency)")
        }
        for price in rule.prices {
            if price.currency != list.currency {
                throw .invalid("\(field).unitPrice", "\(field) has a price in \(price.currency); the list is in \(list.currency)")
            }
            if !price.isPositive {
                throw .invalid("\(field).unitPrice", "\(field) prices must be > 0, got \(price)")
            }
        }
        if let from = rule.validFrom, let until = rule.validUntil, from >= until {
            throw .invalid("\(field).validUntil", "\(field).validUntil must be after validFrom")
        }
        switch rule.terms {
        case let .volumeTiers(tiers):
            guard (1...limits.maximumTiersPerRule).contains(tiers.count) else {
                throw .invalid("\(field).tiers", "\(field).tiers must hold 1...\(limits.maximumTiersPerRule) tiers, got \(tiers.count)")
            }
            var previous: Int64 = 0
            for (index, tier) in tiers.enumerated() {
                if tier.minimumQuantity <= previous {
                    throw .invalid("\(field).tiers[\(index)].minimumQuantity",
                                   "\(field).tiers[\(index)].minimumQuantity must be > \(previous) (tiers ascend from 1), got \(tier.minimumQuantity)")
                }
                // Buying more must never cost more per unit: a rising tier is a typo in the price
                // (and would price a larger order above a smaller one of the same SKU).
                if index > 0, tier.unitPrice.minorUnits > tiers[index - 1].unitPrice.minorUnits {
                    throw .invalid("\(field).tiers[\(index)].unitPrice",
                                   "\(field).tiers[\(index)].unitPrice \(tier.unitPrice) is above the \(tiers[index - 1].unitPrice) "
                                       + "of the tier before it; a larger quantity must not cost more per unit")
                }
                previous = tier.minimumQuantity
            }
        case .customerTier, .contract:
            break
        case let .regional(region, _):
            if let problem = ProductValidation.textProblem(region, length: CatalogLimits.regionLength) {
                throw .invalid("\(field).region", "\(field).region \(problem)")
            }
        case let .promotion(name, _):
            if let problem = ProductValidation.textProblem(name, length: CatalogLimits.nameLength) {
                throw .invalid("\(field).name", "\(field).name \(problem)")
            }
            if rule.validFrom == nil { throw .invalid("\(field).validFrom", "a promotion needs validFrom") }
            if rule.validUntil == nil { throw .invalid("\(field).validUntil", "a promotion needs validUntil") }
        }
    }
}
