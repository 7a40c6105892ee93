/// The messages of `payment.events.v1`: everything that happened to payers' credit, payments,
/// invoices and ledger, including refusals. Payment's state is the fold of this topic.
///
/// Keyed by the payer (`partitionKey`), except `settlement-rules-set`, which is platform-wide and
/// keyed by `PaymentCommand.settlementRulesKey`. Every event carries the `commandId` that caused it.
public enum PaymentEvent: MessageFamily, Equatable {
    case creditLineSet(CreditLineSet)
    case creditReserved(CreditReserved)
    case paymentRequested(PaymentRequested)
    case authorizationRejected(AuthorizationRejected)
    case creditReleased(CreditReleased)
    case creditPartlyReleased(CreditPartlyReleased)
    case authorizationVoided(AuthorizationVoided)
    case paymentCaptured(PaymentCaptured)
    case invoiceIssued(InvoiceIssued)
    case invoiceDueSoon(InvoiceDueSoon)
    case invoiceOverdue(InvoiceOverdue)
    case settlementSplit(SettlementSplit)
    case ledgerPosted(LedgerPosted)
    case refundIssued(RefundIssued)
    case bankTransferMatched(BankTransferMatched)
    case providerPaymentRecorded(ProviderPaymentRecorded)
    case settlementRulesSet(SettlementRulesSet)
    case commandRejected(PaymentCommandRejected)

    public static let messageTypes = [
        CreditLineSet.messageType, CreditReserved.messageType, PaymentRequested.messageType,
        AuthorizationRejected.messageType, CreditReleased.messageType, CreditPartlyReleased.messageType,
        AuthorizationVoided.messageType, PaymentCaptured.messageType, InvoiceIssued.messageType,
        InvoiceDueSoon.messageType, InvoiceOverdue.messageType,
        SettlementSplit.messageType, LedgerPosted.messageType, RefundIssued.messageType,
        BankTransferMatched.messageType, ProviderPaymentRecorded.messageType, SettlementRulesSet.messageType,
        PaymentCommandRejected.messageType,
    ]

    /// The command that produced this event.
    public var commandId: MessageID {
        switch self {
        case let .creditLineSet(event): event.commandId
        case let .creditReserved(event): event.commandId
        case let .paymentRequested(event): event.commandId
        case let .authorizationRejected(event): event.commandId
        case let .creditReleased(event): event.commandId
        case let .creditPartlyReleased(event): event.commandId
        case let .authorizationVoided(event): event.commandId
        case let .paymentCaptured(event): event.commandId
        case let .invoiceIssued(event): event.commandId
        case let .invoiceDueSoon(event): event.commandId
        case let .invoiceOverdue(event): event.commandId
        case let .settlementSplit(event): event.commandId
        case let .ledgerPosted(event): event.commandId
        case let .refundIssued(event): event.commandId
        case let .bankTransferMatched(event): event.commandId
        case let .providerPaymentRecorded(event): event.commandId
        case let .settlementRulesSet(event): event.commandId
        case let .commandRejected(event): event.commandId
        }
    }

    /// The payer whose state changed; nil for the platform-wide settlement rules.
    public var payer: CompanyID? {
        switch self {
        case let .creditLineSet(event): event.payer
        case let .creditReserved(event): event.payer
        case let .paymentRequested(event): event.payer
        case let .authorizationRejected(event): event.payer
        case let .creditReleased(event): event.payer
        case let .creditPartlyReleased(event): event.payer
        case let .authorizationVoided(event): event.payer
        case let .paymentCaptured(event): event.payer
        case let .invoiceIssued(event): event.payer
        case let .invoiceDueSoon(event): event.payer
        case let .invoiceOverdue(event): event.payer
        case let .settlementSplit(event): event.payer
        case let .ledgerPosted(event): event.payer
        case let .refundIssued(event): event.payer
        case let .bankTransferMatched(event): event.payer
        case let .providerPaymentRecorded(event): event.payer
        case .settlementRulesSet: nil
        case let .commandRejected(event): event.payer
        }
    }

    /// The Kafka key to produce the event with.
    public var partitionKey: String { payer?.rawValue ?? PaymentCommand.settlementRulesKey }

    public var messageType: String {
        switch self {
        case .creditLineSet: CreditLineSet.messageType
        case .creditReserved: CreditReserved.messageType
        case .paymentRequested: PaymentRequested.messageType
        case .authorizationRejected: AuthorizationRejected.messageType
        case .creditReleased: CreditReleased.messageType
        case .creditPartlyReleased: CreditPartlyReleased.messageType
        case .authorizationVoided: AuthorizationVoided.messageType
        case .paymentCaptured: PaymentCaptured.messageType
        case .invoiceIssued: InvoiceIssued.messageType
        case .invoiceDueSoon: InvoiceDueSoon.messageType
        case .invoiceOverdue: InvoiceOverdue.messageType
        case .settlementSplit: SettlementSplit.messageType
        case .ledgerPosted: LedgerPosted.messageType
        case .refundIssued: RefundIssued.messageType
        case .bankTransferMatched: BankTransferMatched.messageType
        case .providerPaymentRecorded: ProviderPaymentRecorded.messageType
        case .settlementRulesSet: SettlementRulesSet.messageType
        case .commandRejected: PaymentCommandRejected.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .creditLineSet: CreditLineSet.messageVersion
        case .creditReserved: CreditReserved.messageVersion
        case .paymentRequested: PaymentRequested.messageVersion
        case .authorizationRejected: AuthorizationRejected.messageVersion
        case .creditReleased: CreditReleased.messageVersion
        case .creditPartlyReleased: CreditPartlyReleased.messageVersion
        case .authorizationVoided: AuthorizationVoided.messageVersion
        case .paymentCaptured: PaymentCaptured.messageVersion
        case .invoiceIssued: InvoiceIssued.messageVersion
        case .invoiceDueSoon: InvoiceDueSoon.messageVersion
        case .invoiceOverdue: InvoiceOverdue.messageVersion
        case .settlementSplit: SettlementSplit.messageVersion
        case .ledgerPosted: LedgerPosted.messageVersion
        case .refundIssued: RefundIssued.messageVersion
        case .bankTransferMatched: BankTransferMatched.messageVersion
        case .providerPaymentRecorded: ProviderPaymentRecorded.messageVersion
        case .settlementRulesSet: SettlementRulesSet.messageVersion
        case .commandRejected: PaymentCommandRejected.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .creditLineSet(event): try event.encode(to: encoder)
        case let .creditReserved(event): try event.encode(to: encoder)
        case let .paymentRequested(event): try event.encode(to: encoder)
        case let .authorizationRejected(event): try event.encode(to: encoder)
        case let .creditReleased(event): try event.encode(to: encoder)
        case let .creditPartlyReleased(event): try event.encode(to: encoder)
        case let .authorizationVoided(event): try event.encode(to: encoder)
        case let .paymentCaptured(event): try event.encode(to: encoder)
        case let .invoiceIssued(event): try event.encode(to: encoder)
        case let .invoiceDueSoon(event): try event.encode(to: encoder)
        case let .invoiceOverdue(event): try event.encode(to: encoder)
        case let .settlementSplit(event): try event.encode(to: encoder)
        case let .ledgerPosted(event): try event.encode(to: encoder)
        case let .refundIssued(event): try event.encode(to: encoder)
        case let .bankTransferMatched(event): try event.encode(to: encoder)
        case let .providerPaymentRecorded(event): try event.encode(to: encoder)
        case let .settlementRulesSet(event): try event.encode(to: encoder)
        case let .commandRejected(event): try event.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if CreditLineSet.matches(messageType, version) {
            self = .creditLineSet(try CreditLineSet(from: decoder))
        } else if CreditReserved.matches(messageType, version) {
            self = .creditReserved(try CreditReserved(from: decoder))
        } else if PaymentRequested.matches(messageType, version) {
            self = .paymentRequested(try PaymentRequested(from: decoder))
        } else if AuthorizationRejected.matches(messageType, version) {
            self = .authorizationRejected(try AuthorizationRejected(from: decoder))
        } else if CreditReleased.matches(messageType, version) {
            self = .creditReleased(try CreditReleased(from: decoder))
        } else if CreditPartlyReleased.matches(messageType, version) {
            self = .creditPartlyReleased(try CreditPartlyReleased(from: decoder))
        } else if AuthorizationVoided.matches(messageType, version) {
            self = .authorizationVoided(try AuthorizationVoided(from: decoder))
        } else if PaymentCaptured.matches(messageType, version) {
            self = .paymentCaptured(try PaymentCaptured(from: decoder))
        } else if InvoiceIssued.matches(messageType, version) {
            self = .invoiceIssued(try InvoiceIssued(from: decoder))
        } else if InvoiceDueSoon.matches(messageType, version) {
            self = .invoiceDueSoon(try InvoiceDueSoon(from: decoder))
        } else if InvoiceOverdue.matches(messageType, version) {
            self = .invoiceOverdue(try InvoiceOverdue(from: decoder))
        } else if SettlementSplit.matches(messageType, version) {
            self = .settlementSplit(try SettlementSplit(from: decoder))
        } else if LedgerPosted.matches(messageType, version) {
            self = .ledgerPosted(try LedgerPosted(from: decoder))
        } else if RefundIssued.matches(messageType, version) {
            self = .refundIssued(try RefundIssued(from: decoder))
        } else if BankTransferMatched.matches(messageType, version) {
            self = .bankTransferMatched(try BankTransferMatched(from: decoder))
        } else if ProviderPaymentRecorded.matches(messageType, version) {
            self = .providerPaymentRecorded(try ProviderPaymentRecorded(from: decoder))
        } else if SettlementRulesSet.matches(messageType, version) {
            self = .settlementRulesSet(try SettlementRulesSet(from: decoder))
        } else if PaymentCommandRejected.matches(messageType, version) {
            self = .commandRejected(try PaymentCommandRejected(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
