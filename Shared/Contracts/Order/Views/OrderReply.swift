/// The answer to an order command or query that carried a `replyTo` address, produced to the
/// asking gateway instance's partition of `gateway.replies.v1` with key `replyTo.instance`.
///
/// Both a payload and its own single-message family (like `CatalogReply`), until a gateway-wide
/// reply family takes it in as a case (which changes no wire byte).
public struct OrderReply: MessagePayload, Hashable {
    public static let messageType = "order.command-reply"
    public static let messageVersion = 1

    public enum Outcome: Codable, Sendable, Hashable {
        /// The command was accepted (or had been already); the order as it is now.
        case order(OrderSummary)
        /// A page of the buyer's orders (`order.list-orders`).
        case orders(OrderPage)
        /// One partition's part of a supplier's or distributor's desk (`order.list-sub-orders`).
        case subOrders(SubOrderDeskPart)
        /// The buyer's approval rules as they are now (`order.set-approval-rules`).
        case approvalRules([ApprovalRule])
        /// Refused; `field` names the command field at fault (e.g. "lines[2].quantity").
        case rejected(code: RejectionCode, message: String, field: String?)

        private enum CodingKeys: String, CodingKey {
            case kind = "kind", order = "order", page = "page", rules = "rules", code = "code"
            case message = "message", field = "field"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try container.decode(String.self, forKey: .kind)
            switch kind {
            case "order":
                self = .order(try container.decode(OrderSummary.self, forKey: .order))
            case "orders":
                self = .orders(try container.decode(OrderPage.self, forKey: .page))
            case "sub-orders":
                self = .subOrders(try container.decode(SubOrderDeskPart.self, forKey: .page))
            case "approval-rules":
                self = .approvalRules(try container.decode([ApprovalRule].self, forKey: .rules))
            case "rejected":
                self = .rejected(code: try container.decode(RejectionCode.self, forKey: .code),
                                 message: try container.decode(String.self, forKey: .message),
                                 field: try container.decodeIfPresent(String.self, forKey: .field))
            default:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "unknown reply outcome \"\(kind)\"")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case let .order(summary):
                try container.encode("order", forKey: .kind)
                try container.encode(summary, forKey: .order)
            case let .orders(page):
                try container.encode("orders", forKey: .kind)
                try container.encode(page, forKey: .page)
            case let .subOrders(part):
                try container.encode("sub-orders", forKey: .kind)
                try container.encode(part, forKey: .page)
            case let .approvalRules(rules):
                try container.encode("approval-rules", forKey: .kind)
                try container.encode(rules, forKey: .rules)
            case let .rejected(code, message, field):
                try container.encode("rejected", forKey: .kind)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encodeIfPresent(field, forKey: .field)
            }
        }
    }

    /// The gateway's request id, copied from `replyTo.requestId`.
    public let requestId: String
    /// The command answered.
    public let commandId: MessageID
    public let outcome: Outcome

    public init(requestId: String, commandId: MessageID, outcome: Outcome) {
        self.requestId = requestId
        self.commandId = commandId
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case requestId = "requestId", commandId = "commandId", outcome = "outcome"
    }
}

extension OrderReply: SingleMessageFamily {}
