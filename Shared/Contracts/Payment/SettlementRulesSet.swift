/// Event: the platform's settlement rules were replaced. Platform-wide: keyed by
/// `PaymentCommand.settlementRulesKey` and applied by every payment instance to every partition.
public struct SettlementRulesSet: MessagePayload {
    public static let messageType = "payment.settlement-rules-set"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let rules: [SettlementRule]
    public let setBy: CompanyID
    public let user: UserID?

    public init(commandId: MessageID, rules: [SettlementRule], setBy: CompanyID, user: UserID?) {
        self.commandId = commandId
        self.rules = rules
        self.setBy = setBy
        self.user = user
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", rules = "rules", setBy = "setBy", user = "user"
    }
}
