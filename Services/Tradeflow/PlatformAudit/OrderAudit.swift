import Contracts
import Foundation

/// The order side of the audit: one track per placed order, plus the duplicates only the order
/// stream can show (an order placed twice, one idempotency key placing two orders).
struct OrderAudit: Sendable {
    private(set) var orders: [OrderID: OrderTrack] = [:]
    private var idempotencyKeys: [IdempotencyKey: OrderID] = [:]
    private(set) var events = 0
    private(set) var transitions: ViolationLog
    private(set) var duplicatePlacements = 0
    private(set) var duplicateKeys = 0
    /// Events of orders placed before a partial partition's window: not judged (their start is gone).
    private(set) var eventsBeforeWindow = 0
    private var ordersBeforeWindow: Set<OrderID> = []
    var ordersPlacedBeforeWindow: Int { ordersBeforeWindow.count }

    private struct IdempotencyKey: Hashable {
        let buyer: CompanyID
        let key: String
    }

    init(examples: Int) {
        transitions = ViolationLog(limit: examples)
    }

    /// Folds one event; `partial` says whether its partition's history before it was deleted.
    mutating func observe(_ event: OrderEvent, at position: RecordPosition?, partial: Bool,
                          duplicates: inout ViolationLog) {
        events += 1
        if case let .placed(placed) = event {
            place(placed, at: position, duplicates: &duplicates)
            return
        }
        guard let id = event.order else { return }
        guard var track = orders[id] else {
            if case .commandRejected = event { return } // a refused command may name an order that never existed
            if partial {
                eventsBeforeWindow += 1
                ordersBeforeWindow.insert(id)
                return
            }
            transitions.add(id.rawValue, "\(event.messageType) for an order never placed", at: position)
            return
        }
        if case let .confirmed(confirmed) = event, let earlier = track.confirmation {
            duplicates.add(id.rawValue, "confirmed twice (commands \(earlier.commandId) and \(confirmed.commandId))",
                           at: position)
            return
        }
        if let problem = track.apply(event) {
            transitions.add(id.rawValue, "invalid transition: \(problem)", at: position)
        }
        orders[id] = track
    }

    private mutating func place(_ placed: OrderPlaced, at position: RecordPosition?, duplicates: inout ViolationLog) {
        if let existing = orders[placed.order] {
            duplicatePlacements += 1
            duplicates.add(placed.order.rawValue,
                           "placed twice (commands \(existing.placedBy) and \(placed.commandId))", at: position)
            return
        }
        if let key = placed.idempotencyKey {
            let slot = IdempotencyKey(buyer: placed.buyer, key: key)
            if let first = idempotencyKeys[slot] {
                duplicateKeys += 1
                duplicates.add(placed.order.rawValue,
                               "Idempotency-Key \"\(key)\" of \(placed.buyer) already placed order \(first)",
                               at: position)
            } else {
                idempotencyKeys[slot] = placed.order
            }
        }
        orders[placed.order] = OrderTrack(placed: placed, position: position)
    }
}
