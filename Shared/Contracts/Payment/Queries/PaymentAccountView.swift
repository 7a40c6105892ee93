import Foundation

/// A payer's standing with the payment service, as `GetPaymentAccount` answers it: the credit line
/// (账期) with what is used and whether it is frozen, invoices not yet paid, and the money received
/// with how each transfer was reconciled (对账). Everything here is folded from `payment.events.v1`.
public struct PaymentAccountView: Codable, Sendable, Hashable {
    public struct Credit: Codable, Sendable, Hashable {
        public let limit: Money
        public let termDays: Int
        public let grantedBy: CompanyID
        public let reserved: Money
        public let outstanding: Money
        /// limit - reserved - outstanding; negative when the limit was lowered below what is used.
        public let available: Money
        /// Overdue unpaid invoices freeze new credit authorizations.
        public let frozen: Bool
        public let overdueInvoices: [OrderID]

        public init(limit: Money, termDays: Int, grantedBy: CompanyID, reserved: Money, outstanding: Money,
                    available: Money, frozen: Bool, overdueInvoices: [OrderID]) {
            self.limit = limit
            self.termDays = termDays
            self.grantedBy = grantedBy
            self.reserved = reserved
            self.outstanding = outstanding
            self.available = available
            self.frozen = frozen
            self.overdueInvoices = overdueInvoices
        }
    }

    public struct Invoice: Codable, Sendable, Hashable {
        public let order: OrderID
        public let amount: Money
        public let paid: Money
        /// Reduced by refunds (credit notes).
        public let credited: Money
        public let outstanding: Money
        public let issuedAt: Date
        public let dueAt: Date
        public let overdue: Bool

        public init(order: OrderID, amount: Money, paid: Money, credited: Money, outstanding: Money,
                    issuedAt: Date, dueAt: Date, overdue: Bool) {
            self.order = order
            self.amount = amount
            self.paid = paid
            self.credited = credited
            self.outstanding = outstanding
            self.issuedAt = issuedAt
            self.dueAt = dueAt
            self.overdue = overdue
        }
    }

    public struct ReceivedPayment: Codable, Sendable, Hashable {
        /// "bank-transfer" or "provider".
        public let source: String
        public let externalId: String
        public let reference: String
        public let amount: Money
        public let match: PaymentMatch
        public let order: OrderID?
        public let applied: Money
        /// Beyond what was due: the payer's credit balance.
        public let excess: Money
        public let recordedAt: Date

        public init(source: String, externalId: String, reference: String, amount: Money, match: PaymentMatch,
                    order: OrderID?, applied: Money, excess: Money, recordedAt: Date) {
            self.source = source
            self.externalId = externalId
            self.reference = reference
            self.amount = amount
            self.match = match
            self.order = order
            self.applied = applied
            self.excess = excess
            self.recordedAt = recordedAt
        }
    }

    public let payer: CompanyID
    public let credit: Credit?
    /// Open invoices (something still owed), oldest due first.
    public let openInvoices: [Invoice]
    /// Newest first; at most `PaymentAccountView.maximumReceivedPayments`.
    public let receivedPayments: [ReceivedPayment]
    /// What the platform holds for the payer and owes back, per currency (none when nothing):
    /// overpayments, unmatched transfers, refunds and voids of money it had paid.
    public let owedToPayer: [Money]
    /// Rebates (返利) the settlement rules give the payer on its captured orders, owed to it and not
    /// yet paid out or reversed by refunds, per currency (none when nothing).
    public let rebatesOwed: [Money]

    /// How many received payments an answer lists (one reply must stay well under the message size limit).
    public static let maximumReceivedPayments = 200

    public init(payer: CompanyID, credit: Credit?, openInvoices: [Invoice], receivedPayments: [ReceivedPayment],
                owedToPayer: [Money], rebatesOwed: [Money] = []) {
        self.payer = payer
        self.credit = credit
        self.openInvoices = openInvoices
        self.receivedPayments = receivedPayments
        self.owedToPayer = owedToPayer
        self.rebatesOwed = rebatesOwed
    }

    private enum CodingKeys: String, CodingKey {
        case payer, credit, openInvoices, receivedPayments, owedToPayer, rebatesOwed
    }

    /// An answer from a payment instance older than `rebatesOwed` reads as owing none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        payer = try container.decode(CompanyID.self, forKey: .payer)
        credit = try container.decodeIfPresent(Credit.self, forKey: .credit)
        openInvoices = try container.decode([Invoice].self, forKey: .openInvoices)
        receivedPayments = try container.decode([ReceivedPayment].self, forKey: .receivedPayments)
        owedToPayer = try container.decode([Money].self, forKey: .owedToPayer)
        rebatesOwed = try container.decodeIfPresent([Money].self, forKey: .rebatesOwed) ?? []
    }
}
