import Contracts
import Foundation

extension NotificationRouter {
    /// The drafts for an order event; remembers what `order.placed` says for later events.
    public mutating func route(_ envelope: Envelope<OrderEvent>) -> [NotificationDraft] {
        let event = envelope.payload
        guard let order = event.order else { return [] }
        let facts = orders[order]
        let buyerAudience = facts.map { NotificationAudience(users: [$0.placedBy]) }
            ?? NotificationAudience(roles: [.purchaser])
        var base = ["order": order.rawValue]
        if let facts { base["total"] = facts.total.formatted }

        func buyer(_ type: String, _ audience: NotificationAudience, _ extra: [String: String] = [:]) -> NotificationDraft {
            draft(envelope, to: event.buyer, audience, type, base.merging(extra) { $1 }, order: order)
        }
        func suppliers(_ type: String, _ extra: [String: String]) -> [NotificationDraft] {
            (facts?.subOrders ?? []).map { sub in
                draft(envelope, to: sub.supplier, NotificationAudience(roles: [.warehouse]), type,
                      base.merging(extra) { $1 }.merging(["subOrder": sub.subOrder, "total": sub.total.formatted,
                                                          "buyer": event.buyer.rawValue]) { $1 }, order: order,
                      link: Self.subOrderLink(order, sub.subOrder, buyer: event.buyer))
            }
        }
        /// Remembers that the suppliers know of the order, so its end reaches them too.
        func tellSuppliers(_ type: String, _ extra: [String: String]) -> [NotificationDraft] {
            guard var known = facts else { return [] }
            known.suppliersTold = true
            orders[order] = known
            return suppliers(type, extra)
        }
        func tellSuppliersOnce(_ type: String, _ extra: [String: String]) -> [NotificationDraft] {
            facts?.suppliersTold == false ? tellSuppliers(type, extra) : []
        }

        switch event {
        case let .placed(placed):
            orders[order] = OrderFacts(placedBy: placed.placedBy, total: placed.total, subOrders: placed.subOrders.map {
                SubOrderFacts(subOrder: $0.subOrder, supplier: $0.supplier, total: $0.total)
            })
            base["total"] = placed.total.formatted
            // Suppliers hear nothing yet: most orders are confirmed or rejected within a second,
            // and a sold-out flash sale would otherwise send each failed attempt's supplier a
            // "new order" and a "not shipped" notice. They hear once it waits (approval, payment).
            return [buyer(NotificationEventTypes.orderPlaced, NotificationAudience(users: [placed.placedBy]),
                          ["status": placed.status.rawValue])]
        case let .approvalRequested(requested):
            guard let step = requested.steps.first, let role = Role(rawValue: step.role) else { return [] }
            return [buyer(NotificationEventTypes.orderApprovalRequested, NotificationAudience(roles: [role]),
                          ["role": step.role, "dueBy": DisplayText.date(requested.dueBy)])]
                + tellSuppliersOnce(NotificationEventTypes.subOrderPlaced, ["status": OrderStatus.pendingApproval.rawValue])
        case let .approved(approved):
            if let next = approved.remainingRoles.first, let role = Role(rawValue: next) {
                return [buyer(NotificationEventTypes.orderApprovalRequested, NotificationAudience(roles: [role]),
                              ["role": next, "dueBy": approved.paymentDueBy.map(DisplayText.date) ?? "-"])]
            }
            return [buyer(NotificationEventTypes.orderApproved, buyerAudience, ["approver": approved.approver.rawValue])]
        case let .approvalRejected(rejected):
            return [buyer(NotificationEventTypes.orderApprovalRejected, buyerAudience,
                          ["approver": rejected.approver.rawValue, "comment": rejected.comment])]
        case let .awaitingPayment(waiting):
            let audience = NotificationAudience(roles: [.finance], users: facts.map { [$0.placedBy] } ?? [])
            return [buyer(NotificationEventTypes.orderAwaitingPayment, audience,
                          ["amount": waiting.amount.formatted, "reference": waiting.reference,
                           "dueBy": DisplayText.date(waiting.dueBy)])]
                + tellSuppliersOnce(NotificationEventTypes.subOrderPlaced, ["status": OrderStatus.awaitingPayment.rawValue])
        case let .confirmed(confirmed):
            return [buyer(NotificationEventTypes.orderConfirmed, buyerAudience, ["amount": confirmed.amount.formatted])]
                + tellSuppliers(NotificationEventTypes.subOrderConfirmed, [:])
        case let .rejected(rejected):
            return ended(NotificationEventTypes.orderRejected, "rejected", rejected.reason)
        case let .cancelled(cancelled):
            return ended(NotificationEventTypes.orderCancelled, "cancelled", cancelled.reason)
        case let .expired(expired):
            return ended(NotificationEventTypes.orderExpired, "expired", expired.reason)
        case let .subOrderShipped(shipped):
            return [buyer(NotificationEventTypes.orderShipped, buyerAudience,
                          ["subOrder": shipped.subOrder, "supplier": shipped.supplier.rawValue,
                           "carrier": shipped.carrier, "trackingNumber": shipped.trackingNumber])]
        case let .subOrderCancelled(cancelled):
            if var known = facts {
                known.subOrders.removeAll { $0.subOrder == cancelled.subOrder }
                known.cancelled = (try? known.cancelled?.adding(cancelled.amount)) ?? known.cancelled ?? cancelled.amount
                orders[order] = known
            }
            // Whoever did not cancel it is told: the supplier must not ship it, the buyer will not
            // get it (both when a platform operator cancelled it).
            let byBuyer = cancelled.by == cancelled.buyer
            let supplierNotice = cancelled.by == cancelled.supplier ? [] : suppliers(
                NotificationEventTypes.subOrderCancelled,
                ["status": "sub-order cancelled by \(byBuyer ? "the buyer" : "the platform")", "reason": cancelled.reason])
                .filter { $0.recipient == cancelled.supplier }
            let buyerNotice = byBuyer ? [] : [buyer(NotificationEventTypes.orderPartCancelled, buyerAudience,
                                                    ["subOrder": cancelled.subOrder, "supplier": cancelled.supplier.rawValue,
                                                     "amount": cancelled.amount.formatted, "reason": cancelled.reason])]
            return buyerNotice + supplierNotice
        case let .subOrderDelivered(delivered):
            return [buyer(NotificationEventTypes.orderDelivered, buyerAudience,
                          ["subOrder": delivered.subOrder, "supplier": delivered.supplier.rawValue])]
        case let .completed(completed):
            orders[order] = nil
            // What the buyer pays: the order less the parts cancelled on their own (refunded at once).
            let charged = facts?.cancelled.flatMap { try? completed.amount.subtracting($0) } ?? completed.amount
            return [buyer(NotificationEventTypes.orderCompleted, buyerAudience, ["amount": charged.formatted])]
        case let .returnRequested(requested):
            let units = requested.lines.reduce(Int64(0)) { $0 + $1.quantity }
            return [draft(envelope, to: requested.supplier, NotificationAudience(roles: [.warehouse, .companyAdmin]),
                          NotificationEventTypes.returnRequested,
                          base.merging(["returnId": requested.returnId, "buyer": requested.buyer.rawValue, "units": "\(units)",
                                        "amount": requested.amount.formatted,
                                        "reason": requested.lines.first?.reason ?? "-"]) { $1 }, order: order,
                          link: Self.subOrderLink(order, order.subOrderId(supplier: requested.supplier), buyer: requested.buyer))]
        case let .returnApproved(approved):
            return [buyer(NotificationEventTypes.returnDecided, buyerAudience,
                          ["returnId": approved.returnId, "supplier": approved.supplier.rawValue, "decision": "approved",
                           "comment": approved.comment ?? ""])]
        case let .returnRejected(rejected):
            return [buyer(NotificationEventTypes.returnDecided, buyerAudience,
                          ["returnId": rejected.returnId, "supplier": rejected.supplier.rawValue, "decision": "rejected",
                           "comment": rejected.comment])]
        case let .returnRefunded(refunded):
            return [buyer(NotificationEventTypes.returnRefunded, NotificationAudience(roles: [.finance]),
                          ["returnId": refunded.returnId, "amount": refunded.amount.formatted, "settlement": refunded.refund])]
        default:
            return []
        }

        /// Suppliers hear of the end only of an order they heard of (confirmed, or waiting).
        func ended(_ type: String, _ status: String, _ reason: String) -> [NotificationDraft] {
            let toSuppliers = facts?.suppliersTold == true
                ? suppliers(NotificationEventTypes.subOrderCancelled, ["status": status, "reason": reason]) : []
            let drafts = [buyer(type, buyerAudience, ["reason": reason])] + toSuppliers
            orders[order] = nil
            return drafts
        }
    }

    /// Links to the order for its buyer; a supplier's notices link to its sub-order (all it may read of the order).
    private func draft(_ envelope: Envelope<OrderEvent>, to recipient: CompanyID, _ audience: NotificationAudience,
                       _ type: String, _ parameters: [String: String], order: OrderID, link: String? = nil) -> NotificationDraft {
        NotificationDraft(recipient: recipient, audience: audience, eventType: type, parameters: parameters,
                          link: link ?? "/v1/orders/\(order.rawValue)", source: envelope.id, idSeed: envelope.id.rawValue,
                          occurredAt: envelope.occurredAt)
    }

    /// `GET` answers it with what the supplier ships (`?buyer=` names the partition the order is on).
    static func subOrderLink(_ order: OrderID, _ subOrder: String, buyer: CompanyID) -> String {
        "/v1/orders/\(order.rawValue)/sub-orders/\(subOrder)?buyer=\(buyer.rawValue)"
    }
}
