import Foundation

/// The order service's configurable rules, read from the environment once in `main` and passed to
/// every decision (no globals).
public struct OrderPolicy: Sendable, Equatable {
    /// When reserved stock leaves on-hand (`inventory.commit-reservation`).
    public enum StockCommitPoint: String, Sendable, Equatable, CaseIterable {
        /// At confirmation, for every line (SAGA-SPEC). Cancelling a confirmed order then asks
        /// inventory to release committed reservations (return the units to on-hand).
        case confirmation
        /// At shipment, for the shipped sub-order's lines: a cancelled confirmed order then only
        /// releases reservations that never left on-hand.
        case shipment
    }

    /// The largest order: SAGA-SPEC's 1,000 lines.
    public static let maximumLinesLimit = 1_000

    /// How long an order may wait for its approvals before it expires.
    public var approvalTimeout: TimeInterval
    /// How long an order may take from the start of stock reservation until it is confirmed (stock
    /// reserved and money secured) before it expires. Covers a slow bank transfer and also a
    /// reservation or authorization that never gets an answer.
    public var paymentTimeout: TimeInterval
    /// Lines per order, 1...1,000.
    public var maximumLines: Int
    /// Units per line: a typo guard, not a stock limit.
    public var maximumQuantityPerLine: Int64
    /// Approval rules per buyer company.
    public var maximumApprovalRules: Int
    /// Orders one `order.expire-due` expires at most; the timer sends another for the rest, so one
    /// decision never grows without bound after an outage.
    public var maximumExpiriesPerCommand: Int
    /// Four eyes: the user who placed an order cannot approve it, and one user approves at most one
    /// step of an order.
    public var separationOfDuties: Bool
    public var commitStockAt: StockCommitPoint
    /// How long after completion (every sub-order delivered) the buyer may ask for a return.
    public var returnWindow: TimeInterval
    /// Returns per order, rejected ones included: bounds the order's state and read model.
    public var maximumReturnsPerOrder: Int

    public init(approvalTimeout: TimeInterval = 72 * 3_600, paymentTimeout: TimeInterval = 48 * 3_600,
                maximumLines: Int = OrderPolicy.maximumLinesLimit, maximumQuantityPerLine: Int64 = 1_000_000_000,
                maximumApprovalRules: Int = 50, maximumExpiriesPerCommand: Int = 200,
                separationOfDuties: Bool = true, commitStockAt: StockCommitPoint = .confirmation,
                returnWindow: TimeInterval = 30 * 24 * 3_600, maximumReturnsPerOrder: Int = 100) {
        precondition(approvalTimeout > 0 && paymentTimeout > 0 && returnWindow > 0, "timeouts must be positive")
        precondition((1...Self.maximumLinesLimit).contains(maximumLines), "maximumLines must be 1...1,000")
        precondition(maximumQuantityPerLine > 0 && maximumApprovalRules > 0 && maximumExpiriesPerCommand > 0
                     && maximumReturnsPerOrder > 0,
                     "limits must be positive")
        self.approvalTimeout = approvalTimeout
        self.paymentTimeout = paymentTimeout
        self.maximumLines = maximumLines
        self.maximumQuantityPerLine = maximumQuantityPerLine
        self.maximumApprovalRules = maximumApprovalRules
        self.maximumExpiriesPerCommand = maximumExpiriesPerCommand
        self.separationOfDuties = separationOfDuties
        self.commitStockAt = commitStockAt
        self.returnWindow = returnWindow
        self.maximumReturnsPerOrder = maximumReturnsPerOrder
    }
}
