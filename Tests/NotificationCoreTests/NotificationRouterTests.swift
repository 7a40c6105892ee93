import Contracts
import Foundation
import NotificationCore
import Testing

@Suite struct NotificationRouterTests {
    typealias Types = NotificationEventTypes

    func orderEvent(_ id: String, _ event: OrderEvent) -> Envelope<OrderEvent> {
        Fixture.envelope(id, event, key: Fixture.buyer.rawValue)
    }

    func routerAfterPlaced() -> (NotificationRouter, [NotificationDraft]) {
        var router = NotificationRouter()
        let drafts = router.route(orderEvent("evt-placed", .placed(Fixture.placed)))
        return (router, drafts)
    }

    @Test func placed_tellsOnlyThePlacer_suppliersWaitForConfirmation() {
        let (_, drafts) = routerAfterPlaced()
        #expect(drafts.map(\.eventType) == [Types.orderPlaced])
        #expect(drafts[0].recipient == Fixture.buyer)
        #expect(drafts[0].audience == NotificationAudience(users: [Fixture.purchaser]))
        #expect(drafts[0].link == "/v1/orders/ORD-1")
    }

    /// A sold-out flash sale rejects most attempts while their stock is reserved: their suppliers
    /// hear nothing of them (no "new order", no "not shipped"); the buyer hears of the rejection.
    @Test func rejectedWhileReserving_reachesOnlyTheBuyer() {
        var (router, _) = routerAfterPlaced()
        let rejected = router.route(orderEvent("evt-rej", .rejected(OrderRejected(
            commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0,
            code: .insufficientStock, reason: "sold out", sku: Fixture.sku, available: 0, released: []))))
        #expect(rejected.map(\.eventType) == [Types.orderRejected])
        #expect(rejected.map(\.recipient) == [Fixture.buyer])
    }

    /// An order that waits (payment here, approval likewise) is announced to each supplier once,
    /// and its end reaches them.
    @Test func waitingOrder_tellsEachSupplierOnce_andItsEnd() {
        var (router, _) = routerAfterPlaced()
        let waiting = OrderAwaitingPayment(commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0,
                                           method: .bankTransfer, reference: "TF-1", amount: Fixture.cny(1_234_560),
                                           dueBy: Fixture.at(86_400))
        let first = router.route(orderEvent("evt-wait", .awaitingPayment(waiting)))
        #expect(first.map(\.eventType) == [Types.orderAwaitingPayment, Types.subOrderPlaced])
        #expect(first[1].recipient == Fixture.supplier)
        #expect(first[1].audience == NotificationAudience(roles: [.warehouse]))
        #expect(first[1].parameters["subOrder"] == "ORD-1-S-SUP-TEA")
        #expect(first[1].parameters["total"] == "12345.60 CNY")
        #expect(first[1].parameters["status"] == "awaiting-payment")
        let again = router.route(orderEvent("evt-wait-2", .awaitingPayment(waiting)))
        #expect(again.map(\.eventType) == [Types.orderAwaitingPayment])
        let expired = router.route(orderEvent("evt-exp", .expired(OrderExpired(
            commandId: Fixture.id("c2"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, expiredIn: .awaitingPayment,
            deadline: Fixture.at(86_400), reason: "not paid in time", released: [], payment: nil))))
        #expect(expired.map(\.eventType) == [Types.orderExpired, Types.subOrderCancelled])
    }

    @Test func approvalRequested_goesToTheStepsRole() {
        var (router, _) = routerAfterPlaced()
        let drafts = router.route(orderEvent("evt-appr", .approvalRequested(OrderApprovalRequested(
            commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0,
            steps: [ApprovalStep(role: "approver", rules: ["over 10k"]), ApprovalStep(role: "finance", rules: [])],
            dueBy: Fixture.at(86_400)))))
        #expect(drafts.map(\.eventType) == [Types.orderApprovalRequested, Types.subOrderPlaced])
        #expect(drafts[0].audience == NotificationAudience(roles: [.approver]))
        #expect(drafts[0].parameters["dueBy"] == "2026-12-27 08:00 UTC")
        // The order waits: its supplier hears of it now.
        #expect(drafts[1].recipient == Fixture.supplier && drafts[1].parameters["status"] == "pending-approval")
        // The next step's role hears when the first step is approved.
        let next = router.route(orderEvent("evt-approved", .approved(OrderApproved(
            commandId: Fixture.id("c2"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, approver: Fixture.approver,
            role: "approver", step: 1, comment: nil, remainingRoles: ["finance"], paymentDueBy: nil))))
        #expect(next.map(\.audience) == [NotificationAudience(roles: [.finance])])
    }

    @Test func confirmed_andCancelled_reachBuyerAndSupplier_shippedOnlyTheBuyer() {
        var (router, _) = routerAfterPlaced()
        let confirmed = router.route(orderEvent("evt-conf", .confirmed(OrderConfirmed(
            commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, payment: .authorized,
            amount: Fixture.cny(1_234_560), committed: []))))
        #expect(confirmed.map(\.eventType) == [Types.orderConfirmed, Types.subOrderConfirmed])
        #expect(confirmed.map(\.recipient) == [Fixture.buyer, Fixture.supplier])
        // The buyer's notice links to the order; the supplier's to its sub-order, all it may read of it.
        #expect(confirmed.map(\.link) == ["/v1/orders/ORD-1", "/v1/orders/ORD-1/sub-orders/ORD-1-S-SUP-TEA?buyer=BUYER-ACME"])
        let shipped = router.route(orderEvent("evt-ship", .subOrderShipped(OrderSubOrderShipped(
            commandId: Fixture.id("c3"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0,
            subOrder: "ORD-1-S-SUP-TEA", supplier: Fixture.supplier, carrier: "SF", trackingNumber: "SF123", committed: []))))
        #expect(shipped.map(\.eventType) == [Types.orderShipped])
        #expect(shipped[0].parameters["trackingNumber"] == "SF123")
        let cancelled = router.route(orderEvent("evt-cancel", .cancelled(OrderCancelled(
            commandId: Fixture.id("c4"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, by: Fixture.purchaser,
            reason: "changed plans", cancelledIn: .confirmed, released: [], payment: nil))))
        #expect(cancelled.map(\.eventType) == [Types.orderCancelled, Types.subOrderCancelled])
        #expect(cancelled[1].parameters["status"] == "cancelled")
    }

    /// A part cancelled on its own: the side that did not cancel it hears of it. A supplier
    /// cancelling tells the buyer (not charged); the buyer cancelling tells that supplier not to ship;
    /// an operator cancelling tells both.
    @Test func aCancelledPart_reachesTheOtherSide() {
        func cancelled(_ id: String, by: CompanyID) -> [NotificationDraft] {
            var (router, _) = routerAfterPlaced()
            return router.route(orderEvent(id, .subOrderCancelled(OrderSubOrderCancelled(
                commandId: Fixture.id(id), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0,
                subOrder: "ORD-1-S-SUP-TEA", supplier: Fixture.supplier, by: by, user: Fixture.warehouse,
                reason: "kiln broke down", amount: Fixture.cny(500_00), released: ["ORD-1-L1"]))))
        }
        let bySupplier = cancelled("evt-part-1", by: Fixture.supplier)
        #expect(bySupplier.map(\.eventType) == [Types.orderPartCancelled])
        #expect(bySupplier.map(\.recipient) == [Fixture.buyer])
        #expect(bySupplier[0].parameters["amount"] == "500.00 CNY" && bySupplier[0].parameters["reason"] == "kiln broke down")
        let byBuyer = cancelled("evt-part-2", by: Fixture.buyer)
        #expect(byBuyer.map(\.eventType) == [Types.subOrderCancelled])
        #expect(byBuyer.map(\.recipient) == [Fixture.supplier])
        #expect(byBuyer[0].link == "/v1/orders/ORD-1/sub-orders/ORD-1-S-SUP-TEA?buyer=BUYER-ACME")
        // A platform operator settling a dispute: neither side cancelled it, so both hear of it.
        let byPlatform = cancelled("evt-part-3", by: Fixture.id("PLATFORM"))
        #expect(byPlatform.map(\.eventType) == [Types.orderPartCancelled, Types.subOrderCancelled])
        #expect(byPlatform.map(\.recipient) == [Fixture.buyer, Fixture.supplier])
        #expect(byPlatform[1].parameters["status"] == "sub-order cancelled by the platform")
    }

    /// The completion notice names what the buyer pays, not the order's total when a part was
    /// cancelled; a supplier that cancelled its part hears nothing more of the order's end.
    @Test func afterACancelledPart_theCompletionNamesWhatIsCharged_andThePartIsNotToldAgain() {
        var (router, _) = routerAfterPlaced()
        _ = router.route(orderEvent("evt-conf", .confirmed(OrderConfirmed(
            commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, payment: .authorized,
            amount: Fixture.cny(1_234_560), committed: []))))
        _ = router.route(orderEvent("evt-part", .subOrderCancelled(OrderSubOrderCancelled(
            commandId: Fixture.id("c2"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0,
            subOrder: "ORD-1-S-SUP-TEA", supplier: Fixture.supplier, by: Fixture.supplier, user: Fixture.warehouse,
            reason: "kiln broke down", amount: Fixture.cny(234_560), released: []))))
        var forEnd = router
        let ended = forEnd.route(orderEvent("evt-cancel", .cancelled(OrderCancelled(
            commandId: Fixture.id("c4"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, by: Fixture.purchaser,
            reason: "changed plans", cancelledIn: .confirmed, released: [], payment: nil))))
        #expect(ended.map(\.eventType) == [Types.orderCancelled], "the supplier already knows its part is off")
        let completed = router.route(orderEvent("evt-done", .completed(OrderCompleted(
            commandId: Fixture.id("c3"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, amount: Fixture.cny(1_234_560)))))
        #expect(completed.first?.parameters["amount"] == "10000.00 CNY")
    }

    @Test func withoutPlaced_buyerEventsGoToPurchasers_andSuppliersAreUnknown() {
        var router = NotificationRouter()
        let drafts = router.route(orderEvent("evt-conf", .confirmed(OrderConfirmed(
            commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, payment: .paid,
            amount: Fixture.cny(100), committed: []))))
        #expect(drafts.count == 1)
        #expect(drafts[0].audience == NotificationAudience(roles: [.purchaser]))
    }

    /// Returns: the supplier decides, the buyer hears the decision.
    @Test func returns_reachTheSupplierToDecide_andTheBuyerWithTheDecision() throws {
        var router = NotificationRouter()
        let price = Money(minorUnits: 10_00, currency: .cny)
        let requested = router.route(orderEvent("evt-rma", .returnRequested(OrderReturnRequested(
            commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, returnId: "R-1",
            supplier: Fixture.supplier, requestedBy: Fixture.purchaser,
            lines: [OrderReturnLine(line: "L1", sku: try SKU("TEA-1"), quantity: 3, reason: "crushed", unitPrice: price,
                                    amount: Money(minorUnits: 30_00, currency: .cny))],
            amount: Money(minorUnits: 30_00, currency: .cny)))))
        #expect(requested.map(\.eventType) == [Types.returnRequested])
        #expect(requested.first?.recipient == Fixture.supplier)
        #expect(requested.first?.parameters["units"] == "3" && requested.first?.parameters["reason"] == "crushed")
        #expect(requested.first?.link == "/v1/orders/ORD-1/sub-orders/ORD-1-S-SUP-TEA?buyer=BUYER-ACME")
        let rejected = router.route(orderEvent("evt-rma-no", .returnRejected(OrderReturnRejected(
            commandId: Fixture.id("d"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, returnId: "R-1",
            supplier: Fixture.supplier, decidedBy: Fixture.purchaser, comment: "no damage on the photos"))))
        #expect(rejected.map(\.eventType) == [Types.returnDecided])
        #expect(rejected.first?.recipient == Fixture.buyer && rejected.first?.parameters["decision"] == "rejected")
    }

    @Test func draftIds_areDeterministicPerSourceAndRecipient() {
        func confirmedDrafts() -> [NotificationDraft] {
            var (router, _) = routerAfterPlaced()
            return router.route(orderEvent("evt-conf", .confirmed(OrderConfirmed(
                commandId: Fixture.id("c"), order: Fixture.order, buyer: Fixture.buyer, at: Fixture.t0, payment: .authorized,
                amount: Fixture.cny(1_234_560), committed: []))))
        }
        let first = confirmedDrafts()
        let again = confirmedDrafts()
        #expect(first.map(\.notification) == again.map(\.notification))
        #expect(Set(first.map(\.notification)).count == 2)
        let envelope = first[0].envelope(causedBy: nil, tenant: "tradeflow", occurredAt: Fixture.t0)
        #expect(envelope.key == "BUYER-ACME")
        #expect(envelope.id == again[0].envelope(causedBy: nil, tenant: "tradeflow", occurredAt: Fixture.t0).id)
    }

    @Test func lowStock_goesToTheSupplierLearntFromOrdersOrCatalog() {
        let low = Fixture.envelope("evt-low", InventoryEvent.lowStock(LowStock(
            commandId: Fixture.id("c"), sku: Fixture.sku, warehouse: Fixture.id("WH-1"), available: 3, safetyStock: 10)),
            key: Fixture.sku.rawValue)
        #expect(SKUSuppliers().route(low).isEmpty, "unknown owner: nothing to route")
        var fromOrders = SKUSuppliers()
        fromOrders.learn(OrderEvent.placed(Fixture.placed))
        let drafts = fromOrders.route(low)
        #expect(drafts.map(\.recipient) == [Fixture.supplier])
        #expect(drafts[0].eventType == Types.lowStock)
        #expect(drafts[0].audience == NotificationAudience(roles: [.warehouse, .catalogManager]))
        #expect(Templates.render(drafts[0].eventType, parameters: drafts[0].parameters).body
                == "SKU-TEA-1 has 3 available (WH-1), below the safety stock of 10.")

        var fromCatalog = SKUSuppliers()
        fromCatalog.learn(CatalogEvent.productChanged(Product(
            id: Fixture.id("P-1"), supplier: Fixture.supplier, name: "Tea", categoryPath: ["Tea"],
            skus: [ProductSKU(sku: Fixture.sku, unit: "box", basePrice: Fixture.cny(100))],
            status: .listed, revision: 1, updatedAt: Fixture.t0)))
        #expect(fromCatalog.route(low).map(\.recipient) == [Fixture.supplier])
    }

    func paymentEvent(_ id: String, _ event: PaymentEvent) -> Envelope<PaymentEvent> {
        Fixture.envelope(id, event, key: Fixture.buyer.rawValue)
    }

    @Test func invoicesDueSoonAndOverdue_reachThePayersFinance_andLeaveNoMemory() {
        var router = NotificationRouter()
        let dueAt = Fixture.at(10 * 86_400)
        let issued = router.route(paymentEvent("evt-inv", .invoiceIssued(InvoiceIssued(
            commandId: Fixture.id("c"), payer: Fixture.buyer, order: Fixture.order, amount: Fixture.cny(50_000),
            issuedAt: Fixture.t0, dueAt: dueAt, termDays: 10))))
        #expect(issued.isEmpty)
        // Announced by payment 2.4 days before the due date, in its 3-day window.
        let soon = Fixture.envelope("evt-soon", PaymentEvent.invoiceDueSoon(InvoiceDueSoon(
            commandId: Fixture.id("c1"), payer: Fixture.buyer, order: Fixture.order, outstanding: Fixture.cny(20_000),
            dueAt: dueAt, withinDays: 3)), key: Fixture.buyer.rawValue, at: Fixture.at(7.6 * 86_400))
        let reminder = router.route(soon)
        #expect(reminder.count == 1)
        #expect(reminder.first?.recipient == Fixture.buyer)
        #expect(reminder.first?.eventType == NotificationEventTypes.invoiceDue)
        #expect(reminder.first?.audience == NotificationAudience(roles: [.finance]))
        #expect(reminder.first?.parameters["days"] == "3")
        #expect(reminder.first?.parameters["amount"] == "200.00 CNY", "what is still unpaid")
        #expect(router.route(soon).map(\.notification) == reminder.map(\.notification),
                "the same event relayed again gives the same notification, which the decider drops")

        let overdue = router.route(paymentEvent("evt-over", .invoiceOverdue(InvoiceOverdue(
            commandId: Fixture.id("c2"), payer: Fixture.buyer, order: Fixture.order, outstanding: Fixture.cny(50_000),
            dueAt: dueAt))))
        #expect(overdue.map(\.eventType) == [NotificationEventTypes.invoiceOverdue])
        #expect(overdue[0].parameters["outstanding"] == "500.00 CNY")
        #expect(router == NotificationRouter(), "payment holds the invoices; the router keeps nothing of them")
    }

    @Test func aFailedProviderPayment_reachesThePayersFinance_andASuccessDoesNot() {
        let router = NotificationRouter()
        func recorded(_ status: ProviderPaymentStatus, reason: String?) -> PaymentEvent {
            .providerPaymentRecorded(ProviderPaymentRecorded(
                commandId: Fixture.id("cb-\(status.rawValue)"), payer: Fixture.buyer, order: Fixture.order,
                providerPaymentId: "wx-1", amount: Fixture.cny(50_000), status: status, failureReason: reason,
                match: nil, appliedTo: nil, applied: Fixture.cny(0), excess: Fixture.cny(0), remainingDue: nil,
                recordedAt: Fixture.t0, paidInFull: nil, replyKey: nil))
        }
        let failed = router.route(paymentEvent("evt-failed", recorded(.failed, reason: "card declined")))
        #expect(failed.map(\.eventType) == [NotificationEventTypes.paymentFailed])
        #expect(failed.first?.recipient == Fixture.buyer)
        #expect(failed.first?.audience == NotificationAudience(roles: [.finance]))
        #expect(failed.first?.parameters["reason"] == "card declined")
        #expect(failed.first?.parameters["amount"] == "500.00 CNY")
        #expect(failed.first?.link == "/v1/orders/\(Fixture.order.rawValue)")
        let text = Templates.render(NotificationEventTypes.paymentFailed, parameters: failed[0].parameters)
        #expect(text.body.contains("card declined") && !text.body.contains("{"), "\(text.body)")
        #expect(router.route(paymentEvent("evt-ok", recorded(.succeeded, reason: nil))).isEmpty,
                "a success is told by the order's own notices (confirmed)")
    }
}
