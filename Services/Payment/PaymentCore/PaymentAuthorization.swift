import Contracts
import Foundation

/// One order's payment, from authorization to capture (or void) and refunds. Its id is the order id.
public struct PaymentAuthorization: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Credit: the amount is reserved on the credit line.
        case creditReserved = "credit-reserved"
        /// Prepayment / bank transfer: waiting for (the rest of) the buyer's money.
        case awaitingPayment = "awaiting-payment"
        /// Prepayment / bank transfer: fully paid, not yet captured.
        case paid = "paid"
        /// Captured on completion: split and posted (on credit, invoiced).
        case captured = "captured"
        /// Voided before capture.
        case voided = "voided"
    }

    /// When and by which command the order was captured.
    public struct Capture: Sendable, Hashable, Codable {
        public let commandId: MessageID
        public let capturedAt: Date
        /// On credit: the invoice's due date.
        public let invoiceDueAt: Date?
    }

    /// When and by which command the authorization was voided, and what had been paid.
    public struct Voiding: Sendable, Hashable, Codable {
        public let commandId: MessageID
        public let voidedAt: Date
        public let received: Money
    }

    /// Credit given back for sub-orders cancelled before they shipped, while the rest stays reserved.
    public struct PartRelease: Sendable, Hashable, Codable {
        public let subOrders: [String]
        public let amount: Money
    }

    /// One refund of the order.
    public struct Refund: Sendable, Hashable, Codable {
        public let commandId: MessageID
        public let amount: Money
        public let refundedAt: Date
        public let reversed: [SettlementShare]
        public let creditedToInvoice: Money
        public let creditedToBalance: Money
    }

    public let order: OrderID
    public let method: PaymentMethod
    public let amount: Money
    public let settlement: [SettlementLine]
    public let rates: [SettlementRate]
    public let replyKey: String
    public internal(set) var status: Status
    /// Prepayment / bank transfer: received for the order so far.
    public internal(set) var received: Money
    public internal(set) var capture: Capture?
    public internal(set) var voiding: Voiding?
    /// The split, from capture on.
    public internal(set) var shares: [SettlementShare]?
    /// By refund id.
    public internal(set) var refunds: [String: Refund] = [:]
    /// Credit: the cancelled sub-orders' part of the reservation given back before capture.
    public internal(set) var partRelease: PartRelease?

    init(order: OrderID, method: PaymentMethod, amount: Money, settlement: [SettlementLine], rates: [SettlementRate],
         replyKey: String, status: Status) {
        self.order = order
        self.method = method
        self.amount = amount
        self.settlement = settlement
        self.rates = rates
        self.replyKey = replyKey
        self.status = status
        received = .zero(amount.currency)
    }

    /// Still to be paid before capture (prepayment / bank transfer).
    public var remainingDue: Money {
        Money(minorUnits: max(0, amount.minorUnits - received.minorUnits), currency: amount.currency)
    }

    /// Credit: what the authorization holds of the credit line while reserved (the amount less the
    /// cancelled sub-orders' part); capture still takes the whole amount and refunds that part.
    public var creditHeld: Money {
        Money(minorUnits: amount.minorUnits - (partRelease?.amount.minorUnits ?? 0), currency: amount.currency)
    }

    /// All refunds so far. Refunds never exceed the amount, so the sum fits.
    public var totalRefunded: Money {
        Money(minorUnits: refunds.values.reduce(0) { $0 + $1.amount.minorUnits }, currency: amount.currency)
    }

    /// The answer that describes this authorization now, for a repeated `authorize`.
    var currentOutcome: PaymentResult.Outcome? {
        switch status {
        case .creditReserved: .authorized(method: method)
        case .awaitingPayment: .awaitingPayment(method: method, reference: order.rawValue)
        case .paid: .paid(amount: amount)
        case .captured: .captured
        case .voided: nil
        }
    }
}
