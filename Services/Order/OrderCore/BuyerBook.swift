import Contracts
import Foundation

/// What the order service keeps per buyer company besides its orders.
struct BuyerBook: Sendable, Equatable, Codable {
    /// The buyer's orders in the order they were placed (for listing, newest last).
    var orderIDs: [OrderID] = []
    /// Position of each order in `orderIDs`.
    var positions: [OrderID: Int] = [:]
    /// Idempotency key → the order it placed.
    var idempotencyKeys: [String: OrderID] = [:]
    var approvalRules: [ApprovalRule] = []
    /// Open orders with a deadline (approval or payment): what `order.expire-due` looks at.
    var deadlines: [OrderID: Date] = [:]
    var recentCommands: ProcessedCommands

    init(rememberedCommands: Int) {
        recentCommands = ProcessedCommands(limit: rememberedCommands)
    }
}
