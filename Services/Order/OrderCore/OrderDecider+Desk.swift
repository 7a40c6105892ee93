import Contracts

extension OrderDecider {
    /// Answers `order.list-sub-orders`: one partition's part of a supplier's or distributor's
    /// desk. It concerns no one buyer, so it is decided apart from the buyer-keyed commands.
    static func deskDecision(_ query: ListSubOrders, command: Envelope<OrderCommand>, state: OrderState) -> OrderDecision {
        guard let replyTo = query.replyTo else {
            return .rejected(code: .invalidField, message: "a query needs a replyTo address to answer to", field: "replyTo")
        }
        guard (1...DecisionContext.maximumPageSize).contains(query.limit) else {
            return .rejected(code: .invalidField,
                             message: "limit must be between 1 and \(DecisionContext.maximumPageSize), got \(query.limit)",
                             field: "limit")
        }
        for (field, position) in [("before", query.before), ("from", query.from)] {
            if let position, position < 0 {
                return .rejected(code: .invalidField, message: "\(field) must be a desk position (0 or more), got \(position)",
                                 field: field)
            }
        }
        let part = state.deskPart(of: query.company, orderStatus: query.orderStatus, status: query.status,
                                  before: query.before, oldestFirst: query.oldestFirst ?? false, from: query.from,
                                  limit: query.limit, withLines: query.withLines ?? false)
        return .accepted(events: [], outbox: [], reply: OrderReply(requestId: replyTo.requestId, commandId: command.id,
                                                                   outcome: .subOrders(part)))
    }
}
