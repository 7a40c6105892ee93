/// The messages of `payment.commands.v1`.
///
/// Keyed by the payer company (`partitionKey`): one partition serialises everything that touches a
/// payer's credit line, payments and ledger entries. The only platform-wide command,
/// `set-settlement-rules`, is keyed by `settlementRulesKey`.
public enum PaymentCommand: MessageFamily, Equatable {
    case authorize(AuthorizePayment)
    case capture(CapturePayment)
    case void(VoidAuthorization)
    case releaseCredit(ReleaseCredit)
    case refund(RefundPayment)
    case setCreditLine(SetCreditLine)
    case recordBankTransfer(RecordBankTransfer)
    case providerCallback(ProviderCallback)
    case markOverdueDue(MarkOverdueDue)
    case remindInvoicesDue(RemindInvoicesDue)
    case setSettlementRules(SetSettlementRules)
    case getAccount(GetPaymentAccount)
    case getStatement(GetSettlementStatement)

    /// The Kafka key of `set-settlement-rules` commands and of the events they cause.
    public static let settlementRulesKey = "settlement-rules"

    public static let messageTypes = [
        AuthorizePayment.messageType, CapturePayment.messageType, VoidAuthorization.messageType,
        ReleaseCredit.messageType, RefundPayment.messageType, SetCreditLine.messageType, RecordBankTransfer.messageType,
        ProviderCallback.messageType, MarkOverdueDue.messageType, RemindInvoicesDue.messageType,
        SetSettlementRules.messageType,
        GetPaymentAccount.messageType, GetSettlementStatement.messageType,
    ]

    /// The payer whose state the command changes; nil for the platform-wide settlement rules.
    public var payer: CompanyID? {
        switch self {
        case let .authorize(command): command.payer
        case let .capture(command): command.payer
        case let .void(command): command.payer
        case let .releaseCredit(command): command.payer
        case let .refund(command): command.payer
        case let .setCreditLine(command): command.payer
        case let .recordBankTransfer(command): command.payer
        case let .providerCallback(command): command.payer
        case let .markOverdueDue(command): command.payer
        case let .remindInvoicesDue(command): command.payer
        case let .getAccount(query): query.payer
        case .setSettlementRules, .getStatement: nil
        }
    }

    /// The Kafka key to produce the command with.
    public var partitionKey: String {
        if case let .getStatement(query) = self { return query.routingKey }
        return payer?.rawValue ?? Self.settlementRulesKey
    }

    /// Queries change nothing and are answered from the partition's state, never recorded.
    public var isQuery: Bool {
        switch self {
        case .getAccount, .getStatement: true
        default: false
        }
    }

    /// The order the command is about, when it names one.
    public var order: OrderID? {
        switch self {
        case let .authorize(command): command.order
        case let .capture(command): command.order
        case let .void(command): command.order
        case let .releaseCredit(command): command.order
        case let .refund(command): command.order
        case let .providerCallback(command): command.order
        case .setCreditLine, .recordBankTransfer, .markOverdueDue, .remindInvoicesDue, .setSettlementRules, .getAccount,
             .getStatement: nil
        }
    }

    /// Where the order service wants the answer (`order.commands.v1` key); nil for commands from
    /// elsewhere, which are answered only by events.
    public var replyKey: String? {
        switch self {
        case let .authorize(command): command.replyKey
        case let .capture(command): command.replyKey
        case let .void(command): command.replyKey
        case let .refund(command): command.replyKey
        case .releaseCredit, .setCreditLine, .recordBankTransfer, .providerCallback, .markOverdueDue, .remindInvoicesDue,
             .setSettlementRules, .getAccount, .getStatement: nil
        }
    }

    public var messageType: String {
        switch self {
        case .authorize: AuthorizePayment.messageType
        case .capture: CapturePayment.messageType
        case .void: VoidAuthorization.messageType
        case .releaseCredit: ReleaseCredit.messageType
        case .refund: RefundPayment.messageType
        case .setCreditLine: SetCreditLine.messageType
        case .recordBankTransfer: RecordBankTransfer.messageType
        case .providerCallback: ProviderCallback.messageType
        case .markOverdueDue: MarkOverdueDue.messageType
        case .remindInvoicesDue: RemindInvoicesDue.messageType
        case .setSettlementRules: SetSettlementRules.messageType
        case .getAccount: GetPaymentAccount.messageType
        case .getStatement: GetSettlementStatement.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .authorize: AuthorizePayment.messageVersion
        case .capture: CapturePayment.messageVersion
        case .void: VoidAuthorization.messageVersion
        case .releaseCredit: ReleaseCredit.messageVersion
        case .refund: RefundPayment.messageVersion
        case .setCreditLine: SetCreditLine.messageVersion
        case .recordBankTransfer: RecordBankTransfer.messageVersion
        case .providerCallback: ProviderCallback.messageVersion
        case .markOverdueDue: MarkOverdueDue.messageVersion
        case .remindInvoicesDue: RemindInvoicesDue.messageVersion
        case .setSettlementRules: SetSettlementRules.messageVersion
        case .getAccount: GetPaymentAccount.messageVersion
        case .getStatement: GetSettlementStatement.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .authorize(command): try command.encode(to: encoder)
        case let .capture(command): try command.encode(to: encoder)
        case let .void(command): try command.encode(to: encoder)
        case let .releaseCredit(command): try command.encode(to: encoder)
        case let .refund(command): try command.encode(to: encoder)
        case let .setCreditLine(command): try command.encode(to: encoder)
        case let .recordBankTransfer(command): try command.encode(to: encoder)
        case let .providerCallback(command): try command.encode(to: encoder)
        case let .markOverdueDue(command): try command.encode(to: encoder)
        case let .remindInvoicesDue(command): try command.encode(to: encoder)
        case let .setSettlementRules(command): try command.encode(to: encoder)
        case let .getAccount(query): try query.encode(to: encoder)
        case let .getStatement(query): try query.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if AuthorizePayment.matches(messageType, version) {
            self = .authorize(try AuthorizePayment(from: decoder))
        } else if CapturePayment.matches(messageType, version) {
            self = .capture(try CapturePayment(from: decoder))
        } else if VoidAuthorization.matches(messageType, version) {
            self = .void(try VoidAuthorization(from: decoder))
        } else if ReleaseCredit.matches(messageType, version) {
            self = .releaseCredit(try ReleaseCredit(from: decoder))
        } else if RefundPayment.matches(messageType, version) {
            self = .refund(try RefundPayment(from: decoder))
        } else if SetCreditLine.matches(messageType, version) {
            self = .setCreditLine(try SetCreditLine(from: decoder))
        } else if RecordBankTransfer.matches(messageType, version) {
            self = .recordBankTransfer(try RecordBankTransfer(from: decoder))
        } else if ProviderCallback.matches(messageType, version) {
            self = .providerCallback(try ProviderCallback(from: decoder))
        } else if MarkOverdueDue.matches(messageType, version) {
            self = .markOverdueDue(try MarkOverdueDue(from: decoder))
        } else if RemindInvoicesDue.matches(messageType, version) {
            self = .remindInvoicesDue(try RemindInvoicesDue(from: decoder))
        } else if SetSettlementRules.matches(messageType, version) {
            self = .setSettlementRules(try SetSettlementRules(from: decoder))
        } else if GetPaymentAccount.matches(messageType, version) {
            self = .getAccount(try GetPaymentAccount(from: decoder))
        } else if GetSettlementStatement.matches(messageType, version) {
            self = .getStatement(try GetSettlementStatement(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
