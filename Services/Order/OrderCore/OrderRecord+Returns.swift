import Contracts
import Foundation

/// Folding the return events into the order. Like every other event, each applies only from the
/// status it was decided in, so a repeated event changes nothing.
extension OrderRecord {
    func returnIndex(of returnId: String) -> Int? {
        returns.firstIndex { $0.returnId == returnId }
    }

    /// Units of order line `line` that returns already claim (requested, approved or refunded).
    func claimedByReturns(_ line: String) -> Int64 {
        returns.reduce(0) { $0 + $1.claimed(of: line) }
    }

    /// Units of `line` already put back into `warehouse` by approved returns.
    func restocked(_ line: String, into warehouse: WarehouseID) -> Int64 {
        returns.reduce(0) { sum, item in
            item.restock.reduce(sum) { $1.line == line && $1.warehouse == warehouse ? $0 + $1.quantity : $0 }
        }
    }

    /// The return whose refund payment answers first: the oldest approved return still waiting.
    /// Payment handles one payer's commands in order and its answers come back in order on the
    /// buyer's partition, so answers to refunds arrive in the order the refunds were asked for.
    var oldestRefundPending: Int? {
        returns.firstIndex { $0.status == .approved && $0.refund != nil }
    }

    /// Applies a return event; false when it did not apply.
    mutating func applyReturn(_ event: OrderEvent) -> Bool {
        switch event {
        case let .returnRequested(event):
            guard status == .completed, returnIndex(of: event.returnId) == nil else { return false }
            returns.append(ReturnRecord(requested: event))
            let units = event.lines.reduce(Int64(0)) { $0 + $1.quantity }
            note(event.at, "return \(event.returnId) requested by \(event.requestedBy): \(units) unit(s) of \(event.lines.count) line(s), \(event.amount); \(event.supplier) decides")
        case let .returnApproved(event):
            guard let index = returnIndex(of: event.returnId), returns[index].status == .requested else { return false }
            returns[index].status = event.refund == nil ? .refunded : .approved
            returns[index].decidedBy = event.decidedBy
            returns[index].decidedAt = event.at
            returns[index].comment = event.comment
            returns[index].restock = event.restock
            returns[index].refund = event.refund
            returns[index].settlement = event.settlement
            if event.refund == nil { returns[index].refundedAt = event.at }
            let money = event.refund.map { "\(event.settlement == .creditNote ? "credit note" : "refund") \($0) of \(event.amount) requested" }
                ?? "nothing to refund"
            note(event.at, "return \(event.returnId) approved by \(event.supplier) (\(event.decidedBy)); stock put back, \(money)")
        case let .returnRejected(event):
            guard let index = returnIndex(of: event.returnId), returns[index].status == .requested else { return false }
            returns[index].status = .rejected
            returns[index].decidedBy = event.decidedBy
            returns[index].decidedAt = event.at
            returns[index].comment = event.comment
            note(event.at, "return \(event.returnId) rejected by \(event.supplier) (\(event.decidedBy)): \(event.comment)")
        case let .returnRefunded(event):
            guard let index = returnIndex(of: event.returnId), returns[index].refund == event.refund,
                  returns[index].status == .approved || returns[index].status == .refundFailed else { return false }
            returns[index].status = .refunded
            returns[index].refundedAt = event.at
            returns[index].failure = nil
            note(event.at, "return \(event.returnId) refunded: \(event.amount) (refund \(event.refund))")
        case let .returnRefundFailed(event):
            guard let index = returnIndex(of: event.returnId), returns[index].refund == event.refund,
                  returns[index].status == .approved else { return false }
            returns[index].status = .refundFailed
            returns[index].failure = "\(event.reason) (\(event.code))"
            note(event.at, "refund \(event.refund) of return \(event.returnId) refused by payment: \(event.reason) (\(event.code))")
        default:
            return false
        }
        return true
    }

    /// Adds a history entry (the order stays completed).
    private mutating func note(_ at: Date, _ reason: String) {
        updatedAt = at
        history.append(OrderSummary.HistoryEntry(at: at, status: status, reason: reason))
    }
}
