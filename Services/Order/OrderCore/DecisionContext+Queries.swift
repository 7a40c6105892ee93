import Contracts

extension DecisionContext {
    /// Maximum orders per page of `order.list-orders`.
    static let maximumPageSize = 100

    func getOrder(_ query: GetOrder) throws(Refusal) -> Verdict {
        try requireReplyAddress(query.replyTo)
        return .accept(Effects(replyOutcome: .order(try record(query.order).summary)))
    }

    /// The buyer's approval rules in force (none: every order goes straight to stock and payment).
    func getApprovalRules(_ query: GetApprovalRules) throws(Refusal) -> Verdict {
        try requireReplyAddress(query.replyTo)
        return .accept(Effects(replyOutcome: .approvalRules(state.approvalRules(of: buyer))))
    }

    /// A page of the buyer's orders, newest first, optionally of one status, after `before`.
    func listOrders(_ query: ListOrders) throws(Refusal) -> Verdict {
        try requireReplyAddress(query.replyTo)
        guard (1...Self.maximumPageSize).contains(query.limit) else {
            throw .invalid("limit", "limit must be between 1 and \(Self.maximumPageSize), got \(query.limit)")
        }
        let book = state.buyers[buyer]
        var position = book?.orderIDs.count ?? 0
        if let before = query.before {
            guard let found = book?.positions[before] else {
                throw Refusal(.orderNotFound, field: "before", "buyer \(buyer) has no order \(before)")
            }
            position = found
        }
        var items: [OrderListItem] = []
        var more = false
        while position > 0, let book {
            position -= 1
            let order = book.orderIDs[position]
            // Status first: it is the summary kept beside a packed order, so skipping one does not unpack it.
            guard let status = state.orders.summary(of: order), query.status.map({ $0 == status }) ?? true else { continue }
            if items.count == query.limit {
                more = true
                break
            }
            if let record = state.orders[order] { items.append(record.listItem) }
        }
        return .accept(Effects(replyOutcome: .orders(OrderPage(orders: items, nextBefore: more ? items.last?.order : nil))))
    }

    private func requireReplyAddress(_ replyTo: ReplyAddress?) throws(Refusal) {
        if replyTo == nil { throw .invalid("replyTo", "a query needs a replyTo address to answer to") }
    }
}
