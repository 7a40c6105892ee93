/// Command (platform finance -> payment): replace the platform's settlement rules (分账规则).
/// Rules are platform-wide, not per payer: the command is keyed by `PaymentCommand.settlementRulesKey`
/// and every payment instance applies the resulting event to every partition it owns.
/// Authorizations fix the rates that apply to them, so new rules change only orders authorized later.
public struct SetSettlementRules: MessagePayload {
    public static let messageType = "payment.set-settlement-rules"
    public static let messageVersion = 1

    /// The complete new rule set (at most 1,000 rules, no two with the same selector).
    public let rules: [SettlementRule]
    public let by: PaymentActor

    public init(rules: [SettlementRule], by: PaymentActor) {
        self.rules = rules
        self.by = by
    }

    private enum CodingKeys: String, CodingKey {
        case rules = "rules", by = "by"
    }
}
