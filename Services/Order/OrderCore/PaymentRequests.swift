import Contracts

// What the order saga asks of payment: mirrors of SAGA-SPEC's `payment.*` commands (being added to
// `PaymentCommand` concurrently), field for field and key for key; the service maps each 1:1 onto
// its wire case (`messageType`). The JSON of each value is exactly the wire payload.

/// `payment.authorize` on `payment.commands.v1`, key = payer.
public struct AuthorizePaymentRequest: Codable, Sendable, Hashable {
    public static let messageType = "payment.authorize"

    /// Who gets how much of the order: one line per sub-order, or more when a sub-order mixes
    /// distributors or categories (see `OrderDecider` "settlement"). The amounts add up to `amount`.
    public struct SettlementLine: Codable, Sendable, Hashable {
        public let subOrder: String
        public let supplier: CompanyID
        public let distributor: CompanyID?
        public let category: [String]
        public let amount: Money

        public init(subOrder: String, supplier: CompanyID, distributor: CompanyID?, category: [String], amount: Money) {
            self.subOrder = subOrder
            self.supplier = supplier
            self.distributor = distributor
            self.category = category
            self.amount = amount
        }

        private enum CodingKeys: String, CodingKey {
            case subOrder = "subOrder", supplier = "supplier", distributor = "distributor", category = "category"
            case amount = "amount"
        }
    }

    public let order: OrderID
    public let payer: CompanyID
    public let amount: Money
    public let method: PaymentMethod
    public let settlement: [SettlementLine]
    public let replyKey: String

    public init(order: OrderID, payer: CompanyID, amount: Money, method: PaymentMethod, settlement: [SettlementLine],
                replyKey: String) {
        self.order = order
        self.payer = payer
        self.amount = amount
        self.method = method
        self.settlement = settlement
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", payer = "payer", amount = "amount", method = "method", settlement = "settlement"
        case replyKey = "replyKey"
    }
}

/// `payment.capture` on `payment.commands.v1`, key = payer: the order completed; settle it.
public struct CapturePaymentRequest: Codable, Sendable, Hashable {
    public static let messageType = "payment.capture"

    public let order: OrderID
    public let payer: CompanyID
    public let replyKey: String

    public init(order: OrderID, payer: CompanyID, replyKey: String) {
        self.order = order
        self.payer = payer
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", payer = "payer", replyKey = "replyKey"
    }
}

/// `payment.void` on `payment.commands.v1`, key = payer: release the authorization.
public struct VoidAuthorizationRequest: Codable, Sendable, Hashable {
    public static let messageType = "payment.void"

    public let order: OrderID
    public let payer: CompanyID
    public let reason: String
    public let replyKey: String

    public init(order: OrderID, payer: CompanyID, reason: String, replyKey: String) {
        self.order = order
        self.payer = payer
        self.reason = reason
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", payer = "payer", reason = "reason", replyKey = "replyKey"
    }
}

/// `payment.refund` on `payment.commands.v1`, key = payer: give money back (an order cancelled
/// after it was paid, or money that arrived after the order had ended).
public struct RefundPaymentRequest: Codable, Sendable, Hashable {
    public static let messageType = "payment.refund"

    public let refund: String
    public let order: OrderID
    public let payer: CompanyID
    public let amount: Money
    public let reason: String
    public let replyKey: String

    public init(refund: String, order: OrderID, payer: CompanyID, amount: Money, reason: String, replyKey: String) {
        self.refund = refund
        self.order = order
        self.payer = payer
        self.amount = amount
        self.reason = reason
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case refund = "refund", order = "order", payer = "payer", amount = "amount", reason = "reason"
        case replyKey = "replyKey"
    }
}

/// One of the payment requests, keyed by its payer.
public enum PaymentRequest: Sendable, Hashable {
    case authorize(AuthorizePaymentRequest)
    case capture(CapturePaymentRequest)
    case void(VoidAuthorizationRequest)
    case refund(RefundPaymentRequest)

    public var payer: CompanyID {
        switch self {
        case let .authorize(request): request.payer
        case let .capture(request): request.payer
        case let .void(request): request.payer
        case let .refund(request): request.payer
        }
    }

    /// The wire type of the `PaymentCommand` case this maps to.
    public var messageType: String {
        switch self {
        case .authorize: AuthorizePaymentRequest.messageType
        case .capture: CapturePaymentRequest.messageType
        case .void: VoidAuthorizationRequest.messageType
        case .refund: RefundPaymentRequest.messageType
        }
    }
}
