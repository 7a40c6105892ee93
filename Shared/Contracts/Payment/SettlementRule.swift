/// How a sale is split (分账): the platform's commission, the distributor's margin and the buyer's
/// rebate, in basis points of the line amount; the supplier receives the rest.
///
/// The selector fields (`supplier`, `distributor`, `category`) say which lines the rule is for; an
/// absent field matches any line. `category` matches a line whose category path starts with it.
/// When several rules match, the most specific wins (see `PaymentCore.SettlementRuleBook`):
/// more selector fields first, then a supplier over a distributor over a category, then the
/// deeper category.
public struct SettlementRule: Codable, Sendable, Hashable {
    public let supplier: CompanyID?
    public let distributor: CompanyID?
    /// A category path prefix, root first; absent = any category.
    public let category: [String]?
    public let platformCommissionBasisPoints: Int64
    /// Paid only on lines sold through a distributor; on direct sales it stays with the supplier.
    public let distributorMarginBasisPoints: Int64
    /// Owed back to the buyer (返利).
    public let rebateBasisPoints: Int64

    public init(supplier: CompanyID? = nil, distributor: CompanyID? = nil, category: [String]? = nil,
                platformCommissionBasisPoints: Int64, distributorMarginBasisPoints: Int64 = 0,
                rebateBasisPoints: Int64 = 0) {
        self.supplier = supplier
        self.distributor = distributor
        self.category = category
        self.platformCommissionBasisPoints = platformCommissionBasisPoints
        self.distributorMarginBasisPoints = distributorMarginBasisPoints
        self.rebateBasisPoints = rebateBasisPoints
    }

    /// The selector in words, e.g. "supplier SUP-1, category Tea/Green tea"; "any line" when empty.
    public var selectorDescription: String {
        var parts: [String] = []
        if let supplier { parts.append("supplier \(supplier)") }
        if let distributor { parts.append("distributor \(distributor)") }
        if let category { parts.append("category \(category.joined(separator: "/"))") }
        return parts.isEmpty ? "any line" : parts.joined(separator: ", ")
    }

    private enum CodingKeys: String, CodingKey {
        case supplier = "supplier", distributor = "distributor", category = "category"
        case platformCommissionBasisPoints = "platformCommissionBasisPoints"
        case distributorMarginBasisPoints = "distributorMarginBasisPoints"
        case rebateBasisPoints = "rebateBasisPoints"
    }
}

extension SettlementRule {
    /// What is wrong with the rule, if anything: its shares (`sharesProblem`), or a category of no
    /// levels, more than `maximumCategoryDepth`, or a blank or overlong level. `field` is relative
    /// to the rule ("category[1]"), nil for the rule as a whole. Checked where the rule is set
    /// (payment) and already where it is sent (the gateway), so a caller hears of it at once.
    public func problem(limits: PaymentLimits) -> (field: String?, message: String)? {
        if let problem = sharesProblem { return problem }
        guard let category else { return nil }
        guard (1...limits.maximumCategoryDepth).contains(category.count) else {
            return ("category", "category must have 1 to \(limits.maximumCategoryDepth) levels (leave it out to match any category)")
        }
        for (level, name) in category.enumerated() {
            let field = "category[\(level)]"
            if name.allSatisfy(\.isWhitespace) { return (field, "\(field) must not be blank") }
            if name.count > limits.maximumTextLength {
                return (field, "\(field) must be at most \(limits.maximumTextLength) characters, got \(name.count)")
            }
        }
        return nil
    }

    /// What is wrong with the rule's shares, if anything: each share is 0...10,000 basis points and
    /// together they are at most 10,000 (the supplier keeps the rest).
    public var sharesProblem: (field: String?, message: String)? {
        let shares = [("platformCommissionBasisPoints", platformCommissionBasisPoints),
                      ("distributorMarginBasisPoints", distributorMarginBasisPoints),
                      ("rebateBasisPoints", rebateBasisPoints)]
        for (name, value) in shares where !(0...Money.basisPointsPerWhole).contains(value) {
            return (name, "\(name) must be between 0 and 10000, got \(value)")
        }
        let total = shares.reduce(0) { $0 + $1.1 }
        guard total <= Money.basisPointsPerWhole else {
            return (nil, "commission, margin and rebate add up to \(total) basis points, more than 10000")
        }
        return nil
    }
}

extension SettlementRule {
    /// The first rule whose selector repeats an earlier one's, with that earlier one: two rules for
    /// the same lines would leave which applies to chance. Checked by payment where the rules are
    /// set, and by the gateway before it answers.
    public static func repeatedSelector(in rules: [SettlementRule]) -> (index: Int, earlier: Int)? {
        var seen: [[String]: Int] = [:]
        for (index, rule) in rules.enumerated() {
            let selector = [rule.supplier?.rawValue ?? "", rule.distributor?.rawValue ?? "",
                            rule.category.map { "/" + $0.joined(separator: "\u{1F}") } ?? ""]
            if let earlier = seen.updateValue(index, forKey: selector) { return (index, earlier) }
        }
        return nil
    }
}
