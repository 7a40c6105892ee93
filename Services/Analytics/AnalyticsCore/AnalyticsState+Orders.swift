import Contracts
import Foundation

extension AnalyticsState {
    /// Folds one event of `order.events.v1`. Returns true when it changed any number; false for a
    /// duplicate, an event analytics does not count, or one for an unknown order.
    ///
    /// Stages count on their transition, once per order: placed (and approved when no approval was
    /// needed) on `placed`; approved on the last `approved`; confirmed (GMV, buckets, rankings) on
    /// `confirmed`; paid on `confirmed` with money received, or on a recorded capture; shipped per
    /// sub-order; completed, rejected, cancelled, expired on those events (the order then ends).
    @discardableResult
    public mutating func apply(_ event: OrderEvent, envelopeId: MessageID) -> Bool {
        guard seenOrderEvents[event.buyer, default: RecentMemory(limit: policy.rememberedEventsPerKey)]
            .insert(envelopeId, Seen())
        else { return false }
        switch event {
        case let .placed(placed):
            return place(placed)
        case let .approved(approved):
            guard approved.remainingRoles.isEmpty else { return false }
            return approve(approved.order, at: approved.at)
        case let .confirmed(confirmed):
            return confirm(confirmed)
        case let .subOrderShipped(shipped):
            return ship(shipped)
        case let .paymentRecorded(recorded):
            guard case .captured = recorded.outcome else { return false }
            return markPaid(recorded.order, buyer: recorded.buyer, at: recorded.at)
        case let .completed(completed):
            return finish(completed.order, buyer: completed.buyer, at: completed.at) { $0.completed += 1 }
        case let .rejected(rejected):
            return finish(rejected.order, buyer: rejected.buyer, at: rejected.at) { $0.rejected += 1 }
        case let .cancelled(cancelled):
            return finish(cancelled.order, buyer: cancelled.buyer, at: cancelled.at) { $0.cancelled += 1 }
        case let .expired(expired):
            return finish(expired.order, buyer: expired.buyer, at: expired.at) { $0.expired += 1 }
        case .approvalRequested, .approvalRejected, .lineReserved, .lineReservationFailed, .stockReserved,
             .awaitingPayment, .subOrderDelivered, .subOrderCancelled, .reservationReleased, .approvalRulesSet, .commandRejected,
             .returnRequested, .returnApproved, .returnRejected, .returnRefunded, .returnRefundFailed:
            return false
        }
    }

    /// `apply(_:envelopeId:)` with the envelope's id.
    @discardableResult
    public mutating func apply(_ envelope: Envelope<OrderEvent>) -> Bool {
        apply(envelope.payload, envelopeId: envelope.id)
    }

    private mutating func place(_ placed: OrderPlaced) -> Bool {
        guard !openOrders.contains(placed.order), finishedOrders[placed.buyer]?.contains(placed.order) != true else {
            return false
        }
        advanceWatermark(placed.at)
        var order = OrderTrack(placed)
        order.approved = placed.status != .pendingApproval
        for line in order.lines { skuSuppliers[line.sku, default: []].insert(line.supplier) }
        let (windows, watermark) = (policy.windows, watermark)
        for key in order.scopes {
            withAggregate(key) { aggregate in
                aggregate.funnel.placed += 1
                if order.approved { aggregate.funnel.approved += 1 }
                aggregate.recordPlacement(by: placed.buyer, at: placed.at, windows: windows,
                                          watermark: watermark)
            }
        }
        openOrders[placed.order] = order
        return true
    }

    private mutating func approve(_ id: OrderID, at date: Date) -> Bool {
        guard var order = openOrders[id] else { noteUnmatched(); return false }
        guard !order.approved else { return false }
        advanceWatermark(date)
        order.approved = true
        openOrders[id] = order
        for key in order.scopes { withAggregate(key) { $0.funnel.approved += 1 } }
        return true
    }

    private mutating func confirm(_ confirmed: OrderConfirmed) -> Bool {
        guard var order = openOrders[confirmed.order] else { noteUnmatched(); return false }
        guard order.confirmedAt == nil else { return false }
        advanceWatermark(confirmed.at)
        order.confirmedAt = confirmed.at
        let paidNow = confirmed.payment == .paid && !order.paid
        if paidNow { order.paid = true }
        openOrders[confirmed.order] = order
        for line in order.lines {
            stock[line.sku, default: SKUStockTrack()].lastSaleAt =
                max(stock[line.sku]?.lastSaleAt ?? confirmed.at, confirmed.at)
        }
        let watermark = watermark
        for key in order.scopes {
            withAggregate(key) { aggregate in
                aggregate.funnel.confirmed += 1
                if paidNow { aggregate.funnel.paid += 1 }
                aggregate.recordSale(order.lines(countedIn: key), of: order, at: confirmed.at, watermark: watermark)
            }
        }
        return true
    }

    private mutating func ship(_ shipped: OrderSubOrderShipped) -> Bool {
        guard var order = openOrders[shipped.order] else { noteUnmatched(); return false }
        guard order.shipped.insert(shipped.subOrder).inserted else { return false }
        advanceWatermark(shipped.at)
        openOrders[shipped.order] = order
        let window = TimeInterval(policy.windows.onTimeShippingHours) * 3_600
        let onTime = order.confirmedAt.map { shipped.at.timeIntervalSince($0) <= window } ?? false
        let lines = order.lines.filter { $0.subOrder == shipped.subOrder }
        for key in order.scopes where key == .platform || key == .buyer(order.buyer) || lines.contains(where: key.counts) {
            withAggregate(key) { $0.recordShipment(by: shipped.supplier, onTime: onTime) }
        }
        return true
    }

    /// Counts the order as paid once, whether it is still open or already ended (credit orders are
    /// captured after completion).
    private mutating func markPaid(_ id: OrderID, buyer: CompanyID, at date: Date) -> Bool {
        if var order = openOrders[id] {
            guard !order.paid else { return false }
            order.paid = true
            openOrders[id] = order
            for key in order.scopes { withAggregate(key) { $0.funnel.paid += 1 } }
            return true
        }
        guard let finished = finishedOrders[buyer]?[id] else { noteUnmatched(); return false }
        guard !finished.paid else { return false }
        finishedOrders[buyer]?[id] = FinishedOrder(scopes: finished.scopes, paid: true)
        for key in finished.scopes { withAggregate(key) { $0.funnel.paid += 1 } }
        return true
    }

    /// Ends the order: counts `stage` once, drops its lines and remembers that it ended.
    private mutating func finish(_ id: OrderID, buyer: CompanyID, at date: Date,
                                 stage: (inout FunnelTally) -> Void) -> Bool {
        guard let order = openOrders[id] else {
            if finishedOrders[buyer]?.contains(id) != true { noteUnmatched() }
            return false
        }
        openOrders[id] = nil
        advanceWatermark(date)
        for key in order.scopes { withAggregate(key) { stage(&$0.funnel) } }
        finishedOrders[buyer, default: RecentMemory(limit: policy.rememberedFinishedOrdersPerBuyer)]
            .insert(id, FinishedOrder(scopes: order.scopes, paid: order.paid))
        return true
    }

    private mutating func advanceWatermark(_ date: Date) {
        watermark = max(watermark, date)
    }
}
