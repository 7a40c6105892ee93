/// Reply (inventory → order, on `order.commands.v1` keyed by the reserve command's `replyKey`):
/// what became of one line's `inventory.reserve-stock`.
///
/// Wire of `outcome`: `{"kind":"reserved","allocations":[{"warehouse":"WH-1","quantity":3}]}` or
/// `{"kind":"rejected","code":"insufficient-stock","available":2,"reason":"..."}`.
public struct StockReservationResult: MessagePayload, Hashable {
    public static let messageType = "order.stock-reservation-result"
    public static let messageVersion = 1

    public enum Outcome: Codable, Sendable, Hashable {
        /// Every unit is reserved; the allocations add up to the line's quantity.
        case reserved(allocations: [Allocation])
        /// Nothing is reserved. `code` is e.g. "insufficient-stock" or "unknown-sku"; `available` is
        /// what could have been reserved.
        case rejected(code: RejectionCode, available: Int64, reason: String)

        private enum CodingKeys: String, CodingKey {
            case kind = "kind", allocations = "allocations", code = "code", available = "available"
            case reason = "reason"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try container.decode(String.self, forKey: .kind)
            switch kind {
            case "reserved":
                self = .reserved(allocations: try container.decode([Allocation].self, forKey: .allocations))
            case "rejected":
                self = .rejected(code: try container.decode(RejectionCode.self, forKey: .code),
                                 available: try container.decode(Int64.self, forKey: .available),
                                 reason: try container.decode(String.self, forKey: .reason))
            default:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "unknown reservation outcome \"\(kind)\"")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case let .reserved(allocations):
                try container.encode("reserved", forKey: .kind)
                try container.encode(allocations, forKey: .allocations)
            case let .rejected(code, available, reason):
                try container.encode("rejected", forKey: .kind)
                try container.encode(code, forKey: .code)
                try container.encode(available, forKey: .available)
                try container.encode(reason, forKey: .reason)
            }
        }
    }

    /// The reservation id, which is the order line id (`"<order>-L<n>"`).
    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    public let outcome: Outcome

    public init(reservation: String, order: OrderID, sku: SKU, outcome: Outcome) {
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case reservation = "reservation", order = "order", sku = "sku", outcome = "outcome"
    }
}
