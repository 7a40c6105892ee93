import Contracts
import Foundation

/// Folding events into state: the only way state changes (`OrderDecider` only reads it), so the
/// service restores a partition by applying `order.events.v1` from the start (or from a snapshot).
extension OrderState {
    /// Applies one event. A repeated event is a no-op: records apply an event only from the
    /// transition it records (see `OrderRecord.apply`), placing is skipped for a known order, and the
    /// single-event facts (`approval-rules-set`, `command-rejected`) are skipped for a known command.
    public mutating func apply(_ event: OrderEvent) {
        let limit = rememberedCommandsPerBuyer
        switch event {
        case let .placed(placed):
            if !orders.contains(placed.order) {
                let record = OrderRecord(placed: placed)
                orders[placed.order] = record
                modifyBook(of: placed.buyer, limit: limit) { book in
                    book.positions[placed.order] = book.orderIDs.count
                    book.orderIDs.append(placed.order)
                    if let key = placed.idempotencyKey { book.idempotencyKeys[key] = placed.order }
                    book.deadlines[placed.order] = record.deadline
                }
            }
        case let .approvalRulesSet(set):
            modifyBook(of: set.buyer, limit: limit) { book in
                if !book.recentCommands.contains(set.commandId) { book.approvalRules = set.rules }
            }
        case let .commandRejected(rejected):
            let stored = ProcessedCommands.StoredRejection(code: rejected.code, field: rejected.field,
                                                            message: rejected.reason)
            modifyBook(of: rejected.buyer, limit: limit) { $0.recentCommands.insert(rejected.commandId, rejection: stored) }
            return
        default:
            // The buyer's book lists the order exactly when the order is the buyer's: no unpacking to check.
            if let order = event.order, buyers[event.buyer]?.positions[order] != nil {
                var deadline: Date?
                var deskChange: (change: DeskChange, order: OrderID)?
                let changed = orders.modify(order) { record in
                    defer { deadline = record.deadline }
                    let changed = record.apply(event)
                    // The record's id, not the event's: it shares its storage with the table's key
                    // (the order has been in flight since it was placed), so desks add no string.
                    if changed, let change = DeskChange(event, appliedTo: record) { deskChange = (change, record.order) }
                    return changed
                }
                if changed == true { modifyBook(of: event.buyer, limit: limit) { $0.deadlines[order] = deadline } }
                if let deskChange { applyToDesks(deskChange.change, order: deskChange.order) }
            }
        }
        modifyBook(of: event.buyer, limit: limit) { $0.recentCommands.insert(event.commandId) }
    }

    /// The state after `events`, in order.
    public func applying(_ events: [OrderEvent]) -> OrderState {
        var next = self
        for event in events { next.apply(event) }
        return next
    }

    /// Mutates a buyer's book in place (no copy of its order lists per event).
    private mutating func modifyBook(of buyer: CompanyID, limit: Int, _ body: (inout BuyerBook) -> Void) {
        body(&buyers[buyer, default: BuyerBook(rememberedCommands: limit)])
    }
}
