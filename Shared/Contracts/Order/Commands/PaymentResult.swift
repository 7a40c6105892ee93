/// Reply (payment → order, on `order.commands.v1` keyed by the payment command's `replyKey`):
/// what became of a payment command of the order.
///
/// Wire of `outcome` (`kind` plus the case's fields):
/// `{"kind":"authorized","method":"credit"}`,
/// `{"kind":"awaiting-payment","method":"bank-transfer","reference":"TF-8812"}`,
/// `{"kind":"paid","amount":{"amount":100,"currency":"CNY"}}`,
/// `{"kind":"rejected","code":"credit-limit-exceeded","reason":"..."}`, `{"kind":"voided"}`,
/// `{"kind":"captured"}`, `{"kind":"refunded","refund":"O-1-R-cancel","amount":{...}}`,
/// `{"kind":"attempt-failed","amount":{...},"reason":"card declined"}`.
public struct PaymentResult: MessagePayload, Hashable {
    public static let messageType = "order.payment-result"
    public static let messageVersion = 1

    public enum Outcome: Codable, Sendable, Hashable {
        /// Credit reserved: the order can be confirmed.
        case authorized(method: PaymentMethod)
        /// The buyer has to pay first (prepayment, bank transfer quoting `reference`).
        case awaitingPayment(method: PaymentMethod, reference: String)
        /// The buyer's money arrived.
        case paid(amount: Money)
        /// Refused, e.g. "credit-limit-exceeded", "credit-frozen", "no-credit-line".
        case rejected(code: RejectionCode, reason: String)
        /// The authorization was released (after `payment.void`).
        case voided
        /// The payment was captured and settled (after `payment.capture`).
        case captured
        /// Money was given back (after `payment.refund`).
        case refunded(refund: String, amount: Money)
        /// A payment of the order failed at the provider (a declined card): the order keeps waiting
        /// for payment, and the buyer may pay again. For the order's history.
        case attemptFailed(amount: Money, reason: String)

        private enum CodingKeys: String, CodingKey {
            case kind = "kind", method = "method", reference = "reference", amount = "amount", code = "code"
            case reason = "reason", refund = "refund"
        }

        /// The wire name of the case, e.g. "awaiting-payment".
        public var kind: String {
            switch self {
            case .authorized: "authorized"
            case .awaitingPayment: "awaiting-payment"
            case .paid: "paid"
            case .rejected: "rejected"
            case .voided: "voided"
            case .captured: "captured"
            case .refunded: "refunded"
            case .attemptFailed: "attempt-failed"
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try container.decode(String.self, forKey: .kind)
            switch kind {
            case "authorized":
                self = .authorized(method: try container.decode(PaymentMethod.self, forKey: .method))
            case "awaiting-payment":
                self = .awaitingPayment(method: try container.decode(PaymentMethod.self, forKey: .method),
                                        reference: try container.decode(String.self, forKey: .reference))
            case "paid":
                self = .paid(amount: try container.decode(Money.self, forKey: .amount))
            case "rejected":
                self = .rejected(code: try container.decode(RejectionCode.self, forKey: .code),
                                 reason: try container.decode(String.self, forKey: .reason))
            case "voided":
                self = .voided
            case "captured":
                self = .captured
            case "refunded":
                self = .refunded(refund: try container.decode(String.self, forKey: .refund),
                                 amount: try container.decode(Money.self, forKey: .amount))
            case "attempt-failed":
                self = .attemptFailed(amount: try container.decode(Money.self, forKey: .amount),
                                      reason: try container.decode(String.self, forKey: .reason))
            default:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "unknown payment outcome \"\(kind)\"")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            switch self {
            case let .authorized(method):
                try container.encode(method, forKey: .method)
            case let .awaitingPayment(method, reference):
                try container.encode(method, forKey: .method)
                try container.encode(reference, forKey: .reference)
            case let .paid(amount):
                try container.encode(amount, forKey: .amount)
            case let .rejected(code, reason):
                try container.encode(code, forKey: .code)
                try container.encode(reason, forKey: .reason)
            case .voided, .captured:
                break
            case let .refunded(refund, amount):
                try container.encode(refund, forKey: .refund)
                try container.encode(amount, forKey: .amount)
            case let .attemptFailed(amount, reason):
                try container.encode(amount, forKey: .amount)
                try container.encode(reason, forKey: .reason)
            }
        }
    }

    public let order: OrderID
    public let outcome: Outcome

    public init(order: OrderID, outcome: Outcome) {
        self.order = order
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", outcome = "outcome"
    }
}
