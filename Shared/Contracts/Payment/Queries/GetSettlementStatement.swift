import Foundation

/// Query (gateway -> payment): what one payment partition's ledger holds for `company` over
/// [from, to). Ledgers live with the payers, so a supplier's or distributor's statement spans
/// every partition: the gateway asks each one (`routingKey` is a key that lands on it) and merges
/// the answers. Read-only.
public struct GetSettlementStatement: MessagePayload {
    public static let messageType = "payment.get-settlement-statement"
    public static let messageVersion = 1

    public let company: CompanyID
    public let from: Date
    public let to: Date
    /// The Kafka key the query was sent with: picks the partition, carries no meaning of its own.
    public let routingKey: String
    public let replyTo: ReplyAddress
    /// True when `company` is the platform operator: its statement also holds the platform's own
    /// accounts (commission revenue), which belong to no company.
    public let platform: Bool?

    public init(company: CompanyID, from: Date, to: Date, routingKey: String, replyTo: ReplyAddress, platform: Bool? = nil) {
        self.company = company
        self.from = from
        self.to = to
        self.platform = platform
        self.routingKey = routingKey
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", from = "from", to = "to", routingKey = "routingKey", replyTo = "replyTo"
        case platform = "platform"
    }
}
