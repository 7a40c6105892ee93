import Contracts
import Crypto
import Foundation
import NotificationCore
import Testing

@Suite struct NotificationDeciderTests {
    typealias Types = NotificationEventTypes

    func created(_ decision: NotificationDecision) -> NotificationCreated? {
        guard case let .created(created)? = decision.events.first else { return nil }
        return created
    }

    @Test func deliver_createsInboxEntry_forTheAudience_andPlansSubscribedWebhooks() throws {
        var harness = Harness()
        harness.handle(Fixture.command("cmd-reg", Fixture.register()))
        harness.handle(Fixture.command("cmd-reg2", Fixture.register("wh-2", types: ["order.shipped"])))
        let decision = harness.handle(Fixture.command("cmd-n1", Fixture.deliver()))
        let event = try #require(created(decision))
        #expect(event.recipients == [Fixture.purchaser])
        #expect(event.deliveries.map(\.webhook) == [Fixture.id("wh-1")], "only the webhook subscribed to the type")
        let job = try #require(decision.deliveries.first)
        guard case let .webhook(request) = job.target else { Issue.record("expected a webhook job"); return }
        #expect(request.url == "https://erp.acme.example/hooks/tradeflow")
        #expect(request.eventId == "n-1")
        #expect(job.queue == "webhook:BUYER-ACME/wh-1")
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.contains(#""id":"n-1""#) && body.contains(#""type":"order.confirmed""#))
        let headers = try request.headers(at: 1_798_272_000)
        let signature = try #require(headers.first { $0.name == WebhookSignature.signatureHeader }?.value)
        try WebhookSignature.verify(header: signature, body: request.body, secret: Fixture.secret, now: 1_798_272_000)
    }

    @Test func audienceOfRoles_resolvesThroughTheDirectory_withAdminFallback() throws {
        var harness = Harness()
        let toApprovers = harness.handle(Fixture.command("c1", Fixture.deliver("n-a", type: Types.orderApprovalRequested,
                                                                                 audience: NotificationAudience(roles: [.approver]))))
        #expect(created(toApprovers)?.recipients == [Fixture.approver])
        let everyone = harness.handle(Fixture.command("c2", Fixture.deliver("n-b", audience: .everyone)))
        #expect(created(everyone)?.recipients == [Fixture.admin, Fixture.approver, Fixture.finance, Fixture.purchaser],
                "inactive users are left out")
        let nobody = harness.handle(Fixture.command("c3", Fixture.deliver("n-c", audience: NotificationAudience(roles: [.warehouse]))))
        #expect(created(nobody)?.recipients == [Fixture.admin])
    }

    @Test func repeatedDeliver_isADuplicate_evenWithANewCommandId() {
        var harness = Harness()
        harness.handle(Fixture.command("cmd-1", Fixture.deliver()))
        let again = harness.handle(Fixture.command("cmd-1", Fixture.deliver()))
        let relayedAgain = harness.handle(Fixture.command("cmd-2", Fixture.deliver()))
        #expect(again.isDuplicate && again.events.isEmpty)
        #expect(relayedAgain.isDuplicate && relayedAgain.events.isEmpty)
        #expect(harness.state.company(Fixture.buyer)?.records.count == 1)
    }

    @Test func markRead_marksOnlyUnread_andInboxShowsIt() throws {
        var harness = Harness()
        harness.handle(Fixture.command("c1", Fixture.deliver("n-1")))
        harness.handle(Fixture.command("c2", Fixture.deliver("n-2", type: Types.orderShipped)))
        let mark = harness.handle(Fixture.command("c3", .markRead(MarkNotificationsRead(
            company: Fixture.buyer, user: Fixture.purchaser, notifications: [Fixture.id("n-1")], replyTo: Fixture.replyTo))))
        #expect(mark.reply?.outcome == .done(affected: 1))
        let again = harness.handle(Fixture.command("c4", .markRead(MarkNotificationsRead(
            company: Fixture.buyer, user: Fixture.purchaser, notifications: [Fixture.id("n-1")], replyTo: Fixture.replyTo))))
        #expect(again.events.isEmpty && again.reply?.outcome == .done(affected: 0))

        let list = harness.handle(Fixture.command("q1", .listInbox(ListInbox(
            company: Fixture.buyer, user: Fixture.purchaser, limit: 10, replyTo: Fixture.replyTo))))
        guard case let .inbox(page)? = list.reply?.outcome else { Issue.record("expected an inbox page"); return }
        #expect(page.items.map(\.notification.rawValue) == ["n-2", "n-1"])
        #expect(page.items.map(\.read) == [false, true])
        #expect(page.unread == 1)
        #expect(page.items[1].title == "Order ORD-1 confirmed")
        #expect(list.events.isEmpty, "queries are never recorded")

        let unreadOnly = harness.handle(Fixture.command("q2", .listInbox(ListInbox(
            company: Fixture.buyer, user: Fixture.purchaser, unreadOnly: true, limit: 1, replyTo: Fixture.replyTo))))
        guard case let .inbox(unread)? = unreadOnly.reply?.outcome else { Issue.record("expected a page"); return }
        #expect(unread.items.map(\.notification.rawValue) == ["n-2"])
        #expect(unread.nextBefore == nil)

        // One event type: a warehouse's list of orders to ship, say.
        let confirmedOnly = harness.handle(Fixture.command("q3", .listInbox(ListInbox(
            company: Fixture.buyer, user: Fixture.purchaser, limit: 10, eventType: Types.orderConfirmed, replyTo: Fixture.replyTo))))
        guard case let .inbox(ofType)? = confirmedOnly.reply?.outcome else { Issue.record("expected a page"); return }
        #expect(ofType.items.map(\.notification.rawValue) == ["n-1"])
        let unknown = harness.handle(Fixture.command("q4", .listInbox(ListInbox(
            company: Fixture.buyer, user: Fixture.purchaser, limit: 10, eventType: "order.teleported", replyTo: Fixture.replyTo))))
        #expect(unknown.rejection?.code == .unknownEventType && unknown.rejection?.field == "eventType")
    }

    @Test func markRead_ofSomeoneElsesNotification_isRefused() {
        var harness = Harness()
        harness.handle(Fixture.command("c1", Fixture.deliver("n-1")))
        let decision = harness.handle(Fixture.command("c2", .markRead(MarkNotificationsRead(
            company: Fixture.buyer, user: Fixture.finance, notifications: [Fixture.id("n-1")], replyTo: Fixture.replyTo))))
        #expect(decision.rejection?.code == .notificationNotFound)
        #expect(decision.rejection?.field == "notifications[0]")
    }

    @Test func preferences_switchChannels_fromInboxToEmail() throws {
        var harness = Harness()
        let set = harness.handle(Fixture.command("c1", .setPreferences(SetNotificationPreferences(
            company: Fixture.buyer, user: Fixture.purchaser,
            preferences: NotificationPreferences(channels: ["order.confirmed": [.email], "*": [.inbox, .email]],
                                                 email: "li@acme.example", locale: "zh"),
            replyTo: Fixture.replyTo))))
        #expect(set.rejection == nil)
        let confirmed = harness.handle(Fixture.command("c2", Fixture.deliver("n-1")))
        let event = try #require(created(confirmed))
        #expect(event.recipients.isEmpty, "the inbox was switched off for order.confirmed")
        #expect(event.deliveries.map(\.channel) == [.email])
        guard case let .email(message)? = confirmed.deliveries.first?.target else { Issue.record("expected email"); return }
        #expect(message.to == "li@acme.example")
        #expect(message.subject == "订单 ORD-1 已确认")
        #expect(message.body.hasSuffix("https://console.tradeflow.example/v1/orders/ORD-1"))
        let shipped = harness.handle(Fixture.command("c3", Fixture.deliver("n-2", type: Types.orderShipped)))
        #expect(created(shipped)?.recipients == [Fixture.purchaser])
        #expect(created(shipped)?.deliveries.map(\.channel) == [.email])
    }

    @Test func preferences_refuseWebhookChannel_unknownType_badEmail() {
        func refusal(_ preferences: NotificationPreferences) -> Refusal? {
            var harness = Harness()
            return harness.handle(Fixture.command("c", .setPreferences(SetNotificationPreferences(
                company: Fixture.buyer, user: Fixture.purchaser, preferences: preferences)))).rejection
        }
        #expect(refusal(NotificationPreferences(channels: ["order.confirmed": [.webhook]]))?.field == "preferences.channels.order.confirmed")
        #expect(refusal(NotificationPreferences(channels: ["order.teleported": [.inbox]]))?.code == .unknownEventType)
        #expect(refusal(NotificationPreferences(channels: ["*": [.email]]))?.field == "preferences.email")
        #expect(refusal(NotificationPreferences(channels: [:], email: "li@acme.example\r\nBcc: x@y.z"))?.field == "preferences.email")
        #expect(refusal(NotificationPreferences(channels: [:], locale: "fr"))?.field == "preferences.locale")
    }

    @Test(arguments: [
        ("ftp://erp.acme.example/hook", "url"), ("https://user:pw@erp.acme.example/hook", "url"),
        ("https:///nohost", "url"), ("https://erp.acme.example:99999/hook", "url"), ("https://erp.acme.example:0/hook", "url"),
        ("not a url", "url"), ("https://erp.acme.example/" + String(repeating: "a", count: 2_048), "url"),
    ])
    func registerWebhook_refusesBadURLs(_ url: String, _ field: String) {
        var harness = Harness()
        let decision = harness.handle(Fixture.command("c", Fixture.register(url: url)))
        #expect(decision.rejection?.code == .invalidField, "\(url)")
        #expect(decision.rejection?.field == field)
        guard case .commandRejected(let rejected)? = decision.events.first else { Issue.record("no rejection event"); return }
        #expect(rejected.commandType == "notification.register-webhook")
        #expect(decision.reply?.outcome == .rejected(code: .invalidField, message: rejected.reason, field: field))
    }

    @Test func registerWebhook_asksTheServicesHostCheck_withTheHostWithoutBrackets() {
        final class Hosts: @unchecked Sendable { var asked: [String] = [] }  // the harness decides on this thread
        let hosts = Hosts()
        var harness = Harness(decider: NotificationDecider { host in
            hosts.asked.append(host)
            return host == "10.0.0.7" || host == "::1" ? "url points at \(host), not a public address" : nil
        })
        let refused = harness.handle(Fixture.command("c1", Fixture.register("wh-1", url: "http://10.0.0.7:8080/hook")))
        #expect(refused.rejection?.field == "url")
        #expect(refused.rejection?.message == "url points at 10.0.0.7, not a public address")
        #expect(harness.handle(Fixture.command("c2", Fixture.register("wh-2", url: "http://[::1]/hook"))).rejection?.field == "url")
        #expect(harness.handle(Fixture.command("c3", Fixture.register("wh-3"))).rejection == nil)
        #expect(hosts.asked == ["10.0.0.7", "::1", "erp.acme.example"])
        #expect(harness.state.company(Fixture.buyer)?.webhooks.count == 1)
    }

    @Test func registerWebhook_refusesUnknownEventType() {
        var harness = Harness()
        let decision = harness.handle(Fixture.command("c", Fixture.register(types: ["order.confirmed", "order.teleported"])))
        #expect(decision.rejection?.code == .unknownEventType)
        #expect(decision.rejection?.field == "eventTypes[1]")
        #expect(harness.handle(Fixture.command("c2", Fixture.register(types: ["*"]))).rejection == nil)
    }

    @Test func registerWebhook_refusesAnEleventh() {
        var harness = Harness()
        for index in 1...10 { harness.handle(Fixture.command("c\(index)", Fixture.register("wh-\(index)"))) }
        let decision = harness.handle(Fixture.command("c11", Fixture.register("wh-11")))
        #expect(decision.rejection?.code == .webhookLimitReached)
        #expect(decision.rejection?.field == "webhook")
    }

    @Test func webhooksOfAnotherCompany_cannotBeRemovedOrRegisteredByOutsiders() {
        var harness = Harness()
        harness.handle(Fixture.command("c1", Fixture.register()))
        let remove = harness.handle(Fixture.command("c2", .removeWebhook(RemoveWebhook(
            company: Fixture.otherBuyer, webhook: Fixture.id("wh-1"), by: Fixture.id("u-other"), replyTo: Fixture.replyTo))))
        #expect(remove.rejection?.code == .webhookNotFound)
        #expect(harness.state.company(Fixture.buyer)?.webhooks.count == 1)
        let outsider = harness.handle(Fixture.command("c3", Fixture.register("wh-9", by: Fixture.id("u-other"))))
        #expect(outsider.rejection?.code == .accessDenied)
        #expect(outsider.rejection?.field == "by")
    }

    @Test func repeatedRefusedCommand_isAnsweredWithTheSameRejection() {
        var harness = Harness()
        let first = harness.handle(Fixture.command("c1", Fixture.register(url: "ftp://x.example")))
        harness.handle(Fixture.command("c2", Fixture.register(url: "https://x.example/ok")))
        let again = harness.handle(Fixture.command("c1", Fixture.register(url: "ftp://x.example")))
        #expect(again.isDuplicate && again.events.isEmpty)
        #expect(again.reply?.outcome == first.reply?.outcome)
    }

    @Test func listWebhooks_showsRecentDeliveryStatus_neverTheSecret() throws {
        var harness = Harness()
        harness.handle(Fixture.command("c1", Fixture.register()))
        let created = try #require(self.created(harness.handle(Fixture.command("c2", Fixture.deliver()))))
        harness.handle(Fixture.command("c3", .recordDelivery(RecordDelivery(
            company: Fixture.buyer, notification: created.notification, delivery: created.deliveries[0].delivery,
            outcome: .failed, attempts: 6, lastError: "HTTP 503", at: Fixture.at(40)))))
        let list = harness.handle(Fixture.command("q", .listWebhooks(ListWebhooks(company: Fixture.buyer, replyTo: Fixture.replyTo))))
        guard case let .webhooks(views)? = list.reply?.outcome else { Issue.record("expected webhooks"); return }
        #expect(views.count == 1)
        #expect(views[0].secretHint == "…cdef")
        #expect(views[0].recentDeliveries.map(\.status) == [.failed])
        #expect(views[0].recentDeliveries.first?.lastError == "HTTP 503")
        #expect(views[0].recentDeliveries.first?.attempts == 6)
    }

    @Test func pendingDeliveries_afterReplay_listOnlyUnsettledOnes() throws {
        var harness = Harness()
        harness.handle(Fixture.command("c1", Fixture.register()))
        harness.handle(Fixture.command("c2", Fixture.register("wh-2", url: "https://wms.acme.example/in", types: ["*"])))
        let first = try #require(created(harness.handle(Fixture.command("c3", Fixture.deliver("n-1")))))
        _ = try #require(created(harness.handle(Fixture.command("c4", Fixture.deliver("n-2")))))
        harness.handle(Fixture.command("c5", .recordDelivery(RecordDelivery(
            company: Fixture.buyer, notification: first.notification, delivery: first.deliveries[0].delivery,
            outcome: .delivered, attempts: 1, lastError: nil, at: Fixture.at(1)))))
        harness.handle(Fixture.command("c6", .recordDelivery(RecordDelivery(
            company: Fixture.buyer, notification: first.notification, delivery: first.deliveries[1].delivery,
            outcome: .failed, attempts: 6, lastError: "timeout", at: Fixture.at(31)))))

        // A restart: fold the event log into a fresh state.
        let restored = NotificationState().applying(harness.log)
        #expect(restored == harness.state)
        let pending = restored.pendingDeliveries()
        #expect(pending.map(\.notification.rawValue) == ["n-2", "n-2"])
        #expect(Set(pending.map(\.queue)).count == 2, "one queue per endpoint")
        // A late or repeated report does not plan a settled delivery again.
        let late = harness.handle(Fixture.command("c7", .recordDelivery(RecordDelivery(
            company: Fixture.buyer, notification: first.notification, delivery: first.deliveries[0].delivery,
            outcome: .failed, attempts: 2, lastError: "x", at: Fixture.at(50)))))
        #expect(late.events.isEmpty)
        // A removed webhook's pending deliveries are dropped.
        harness.handle(Fixture.command("c8", .removeWebhook(RemoveWebhook(company: Fixture.buyer, webhook: Fixture.id("wh-2"),
                                                                            by: Fixture.admin))))
        #expect(harness.state.pendingDeliveries().map(\.queue) == ["webhook:BUYER-ACME/wh-1"])
    }

    @Test func checkpoint_roundTripsThroughJSON() throws {
        var harness = Harness()
        harness.handle(Fixture.command("c1", Fixture.register()))
        harness.handle(Fixture.command("c2", Fixture.deliver()))
        let bytes = try StreamingJSONEncoder().encode(harness.state)
        #expect(try WireFormat.decodeValue(NotificationState.self, from: bytes) == harness.state)
    }

    @Test func recordDelivery_refusesUnknownDelivery() {
        var harness = Harness()
        harness.handle(Fixture.command("c1", Fixture.deliver()))
        let decision = harness.handle(Fixture.command("c2", .recordDelivery(RecordDelivery(
            company: Fixture.buyer, notification: Fixture.id("n-1"), delivery: Fixture.id("nope"), outcome: .delivered,
            attempts: 1, lastError: nil, at: Fixture.t0))))
        #expect(decision.rejection?.code == .deliveryNotFound)
        #expect(decision.rejection?.field == "delivery")
    }

    @Test func deliver_refusesUnknownEventType() {
        var harness = Harness()
        let decision = harness.handle(Fixture.command("c1", Fixture.deliver(type: "order.teleported")))
        #expect(decision.rejection?.code == .unknownEventType)
        #expect(decision.rejection?.field == "eventType")
    }

    @Test func inbox_keepsTheNewestThousand() {
        var settings = NotificationSettings()
        settings.maximumNotificationsPerCompany = 3
        var harness = Harness(state: NotificationState(settings: settings))
        for index in 1...5 { harness.handle(Fixture.command("c\(index)", Fixture.deliver("n-\(index)"))) }
        #expect(harness.state.company(Fixture.buyer)?.records.map(\.notification.rawValue) == ["n-3", "n-4", "n-5"])
        #expect(harness.handle(Fixture.command("c9", Fixture.deliver("n-1"))).isDuplicate, "forgotten records are still deduped")
    }

    @Test func announce_fansOutToEveryApprovedBuyer_onlyForTheOperator() {
        var harness = Harness()
        let announce = AnnounceNotification(company: Fixture.platform, by: Fixture.operatorUser, allBuyers: true, companies: [],
                                            title: "双十二 sale", body: "20% off tea", replyTo: Fixture.replyTo)
        let decision = harness.handle(Fixture.command("a1", .announce(announce)))
        #expect(decision.fanOut.map(\.company) == [Fixture.buyer, Fixture.otherBuyer])
        #expect(decision.fanOut.allSatisfy { $0.eventType == NotificationEventTypes.promotionAnnounced && $0.audience.isEveryone })
        #expect(decision.reply?.outcome == .done(affected: 2))
        let envelopes = decision.fanOutEnvelopes(causedBy: Fixture.command("a1", .announce(announce)), occurredAt: Fixture.t0)
        #expect(envelopes.map(\.key) == ["BUYER-ACME", "BUYER-OTHER"])

        let bySupplier = AnnounceNotification(company: Fixture.supplier, by: Fixture.warehouse, allBuyers: true, companies: [],
                                              title: "New tea", body: "Fresh", replyTo: nil)
        let refused = harness.handle(Fixture.command("a2", .announce(bySupplier)))
        #expect(refused.rejection?.field == "allBuyers")
        #expect(refused.rejection?.code == .accessDenied)
    }

    @Test func aSupplierAnnounces_toNamedBuyersOnly() {
        var harness = Harness()
        func announce(_ id: String, to companies: [CompanyID]) -> NotificationDecision {
            harness.handle(Fixture.command(id, .announce(AnnounceNotification(
                company: Fixture.supplier, by: Fixture.warehouse, allBuyers: false, companies: companies,
                title: "New tea", body: "Fresh from the hills", replyTo: nil))))
        }
        #expect(announce("a1", to: [Fixture.buyer]).fanOut.map(\.company) == [Fixture.buyer])
        let toSupplier = announce("a2", to: [Fixture.buyer, Fixture.supplier])
        #expect(toSupplier.rejection?.field == "companies[1]")
        #expect(toSupplier.rejection?.message.contains("not an approved buyer") == true)
        #expect(announce("a3", to: [Fixture.id("NOBODY")]).rejection?.field == "companies[0]")
    }

    @Test func aNotice_namesTheCompaniesTheDirectoryKnows_besideTheirIds() {
        var harness = Harness()
        let decision = harness.handle(Fixture.command("d1", Fixture.deliver(
            type: NotificationEventTypes.orderShipped,
            parameters: ["order": "ORD-1", "supplier": Fixture.supplier.rawValue, "buyer": "NOT-KNOWN"])))
        guard case let .created(created)? = decision.events.first else { Issue.record("no notification"); return }
        #expect(created.parameters["supplier"] == Fixture.supplier.rawValue)
        #expect(created.parameters["supplierName"] == "\(Fixture.supplier.rawValue) Ltd")
        #expect(created.parameters["buyerName"] == nil, "an unknown company keeps its id")
    }
}
