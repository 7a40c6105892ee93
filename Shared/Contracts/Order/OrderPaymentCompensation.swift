/// What the order asked payment to undo when it ended before completion.
public enum OrderPaymentCompensation: Codable, Sendable, Hashable {
    /// `payment.void`: release the authorization (credit) or stop waiting for the money.
    case void
    /// `payment.refund`: the money had arrived; give it back.
    case refund(refund: String, amount: Money)

    private enum CodingKeys: String, CodingKey {
        case kind = "kind", refund = "refund", amount = "amount"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "void":
            self = .void
        case "refund":
            self = .refund(refund: try container.decode(String.self, forKey: .refund),
                           amount: try container.decode(Money.self, forKey: .amount))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown payment compensation \"\(kind)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .void:
            try container.encode("void", forKey: .kind)
        case let .refund(refund, amount):
            try container.encode("refund", forKey: .kind)
            try container.encode(refund, forKey: .refund)
            try container.encode(amount, forKey: .amount)
        }
    }
}
