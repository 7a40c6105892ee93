/// The payment service's answer to a query, on the asking gateway's reply partition.
public struct PaymentQueryReply: MessagePayload, Equatable {
    public static let messageType = "payment.query-reply"
    public static let messageVersion = 1

    public enum Outcome: Codable, Sendable, Hashable {
        case account(PaymentAccountView)
        case statement(SettlementStatement)

        private enum CodingKeys: String, CodingKey { case kind = "kind", account = "account", statement = "statement" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case let .account(view):
                try container.encode("account", forKey: .kind)
                try container.encode(view, forKey: .account)
            case let .statement(view):
                try container.encode("statement", forKey: .kind)
                try container.encode(view, forKey: .statement)
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .kind) {
            case "account": self = .account(try container.decode(PaymentAccountView.self, forKey: .account))
            case "statement": self = .statement(try container.decode(SettlementStatement.self, forKey: .statement))
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown outcome kind \(other)")
            }
        }
    }

    public let outcome: Outcome

    public init(outcome: Outcome) { self.outcome = outcome }

    private enum CodingKeys: String, CodingKey { case outcome = "outcome" }
}

extension PaymentQueryReply: SingleMessageFamily {}
