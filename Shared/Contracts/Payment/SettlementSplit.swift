/// Event: how a captured order is divided (分账) between platform, distributors, buyer rebate and
/// suppliers, per sub-order. Every share's parts add up to its amount exactly.
public struct SettlementSplit: MessagePayload {
    public static let messageType = "payment.settlement-split"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let shares: [SettlementShare]

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, shares: [SettlementShare]) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.shares = shares
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", shares = "shares"
    }
}
