import Contracts
import Foundation
@testable import NotificationCore
import Testing

/// `deliver-batch`: several notifications for one company in one command, each decided as its own
/// `deliver` would be; and the relay's grouping of a round's drafts into those commands.
@Suite struct DeliverBatchTests {
    typealias Types = NotificationEventTypes

    func notification(_ id: String, to company: CompanyID = Fixture.buyer, type: String = Types.orderConfirmed) -> DeliverNotification {
        guard case let .deliver(deliver) = Fixture.deliver(id, to: company, type: type) else { fatalError("deliver expected") }
        return deliver
    }

    func batch(_ notifications: [DeliverNotification], for company: CompanyID = Fixture.buyer) -> NotificationCommand {
        .deliverBatch(DeliverNotifications(company: company, notifications: notifications))
    }

    func created(_ events: [NotificationEvent]) -> [NotificationCreated] {
        events.compactMap { if case let .created(created) = $0 { created } else { nil } }
    }

    @Test func batch_createsEachNotification_asSeparateDeliversWould() {
        var single = Harness()
        var batched = Harness()
        single.handle(Fixture.command("cmd-reg", Fixture.register()))
        batched.handle(Fixture.command("cmd-reg", Fixture.register()))
        let items = [notification("n-1"), notification("n-2", type: Types.orderShipped), notification("n-3")]
        var one: [NotificationEvent] = []
        var oneJobs = 0
        for (index, item) in items.enumerated() {
            let decision = single.handle(Fixture.command("cmd-\(index)", .deliver(item)))
            one += decision.events
            oneJobs += decision.deliveries.count
        }
        let decision = batched.handle(Fixture.command("cmd-batch", batch(items)))
        #expect(decision.rejection == nil && !decision.isDuplicate)
        let fromBatch = created(decision.events)
        let fromSingles = created(one)
        #expect(fromBatch.map(\.notification) == fromSingles.map(\.notification))
        #expect(fromBatch.map(\.recipients) == fromSingles.map(\.recipients))
        #expect(fromBatch.map(\.deliveries) == fromSingles.map(\.deliveries))
        #expect(fromBatch.allSatisfy { $0.commandId == Fixture.id("cmd-batch") })
        #expect(decision.deliveries.count == oneJobs && oneJobs == 2, "webhook wh-1 wants order.confirmed: n-1 and n-3")
        #expect(batched.state.company(Fixture.buyer)?.records.count == 3)
    }

    @Test func repeatedNotifications_areSkipped_andARepeatedBatchIsADuplicate() {
        var harness = Harness()
        harness.handle(Fixture.command("cmd-1", .deliver(notification("n-1"))))
        let decision = harness.handle(Fixture.command("cmd-batch", batch([notification("n-1"), notification("n-2"), notification("n-2")])))
        #expect(created(decision.events).map(\.notification) == [Fixture.id("n-2")], "n-1 was seen, n-2 is in the batch twice")
        let again = harness.handle(Fixture.command("cmd-batch", batch([notification("n-1"), notification("n-2"), notification("n-2")])))
        #expect(again.isDuplicate && again.events.isEmpty)
        let regrouped = harness.handle(Fixture.command("cmd-other", batch([notification("n-2"), notification("n-1")])))
        #expect(regrouped.isDuplicate && regrouped.events.isEmpty, "relayed again in another grouping: still recognised")
        #expect(harness.state.company(Fixture.buyer)?.records.count == 2)
    }

    @Test func refusedNotification_isNamedByIndex_andTheOthersAreStillCreated() {
        var harness = Harness()
        let decision = harness.handle(Fixture.command("cmd-batch", batch([
            notification("n-1"), notification("n-2", type: "order.teleported"), notification("n-3", to: Fixture.supplier),
            notification("n-4"),
        ])))
        #expect(created(decision.events).map(\.notification) == [Fixture.id("n-1"), Fixture.id("n-4")])
        let rejections = decision.events.compactMap { if case let .commandRejected(rejected) = $0 { rejected } else { nil } }
        #expect(rejections.map(\.field) == ["notifications[1].eventType", "notifications[2].company"])
        #expect(rejections.map(\.code) == [.unknownEventType, .invalidField])
        #expect(rejections.allSatisfy { $0.commandType == DeliverNotifications.messageType })
        #expect(decision.rejection?.field == "notifications[1].eventType")
        #expect(harness.state.company(Fixture.supplier) == nil, "nothing was created for the other company")
    }

    @Test(arguments: [0, DeliverNotifications.maximumCount + 1])
    func batchOfTheWrongSize_isRefusedWhole(_ count: Int) {
        var harness = Harness()
        let decision = harness.handle(Fixture.command("cmd-batch", batch((0..<count).map { notification("n-\($0)") })))
        #expect(decision.rejection?.field == "notifications")
        #expect(created(decision.events).isEmpty)
        #expect(harness.state.company(Fixture.buyer)?.records.isEmpty ?? true)
    }

    // MARK: - The relay's grouping

    func draft(_ seed: String, to company: CompanyID, type: String = Types.subOrderPlaced) -> NotificationDraft {
        NotificationDraft(recipient: company, audience: NotificationAudience(roles: [.warehouse]), eventType: type,
                          parameters: ["order": seed], link: "/v1/orders/\(seed)", source: Fixture.id("evt-\(seed)"),
                          idSeed: "evt-\(seed)", occurredAt: Fixture.t0)
    }

    func header(_ seed: String) -> EnvelopeHeader {
        EnvelopeHeader(id: Fixture.id("evt-\(seed)"), type: "order.placed", version: 1, occurredAt: Fixture.t0,
                       causationId: nil, correlationId: Fixture.id("corr-\(seed)"), tenant: "tradeflow", key: "k")
    }

    @Test func roundsDrafts_intoOneCommandPerCompany_keepingSinglesAsDeliver() throws {
        let items: [DeliverCommands.Item] = [
            (draft("O-1", to: Fixture.buyer, type: Types.orderPlaced), header("O-1")),
            (draft("O-1", to: Fixture.supplier), header("O-1")),
            (draft("O-2", to: Fixture.supplier), header("O-2")),
            (draft("O-3", to: Fixture.supplier), header("O-3")),
            (draft("O-2", to: Fixture.otherBuyer, type: Types.orderPlaced), header("O-2")),
        ]
        let envelopes = DeliverCommands.envelopes(for: items, tenant: "tradeflow", occurredAt: Fixture.t0)
        #expect(envelopes.map(\.key) == [Fixture.buyer, Fixture.supplier, Fixture.otherBuyer].map(\.rawValue))
        #expect(envelopes[0] == items[0].draft.envelope(causedBy: items[0].source, tenant: "tradeflow", occurredAt: Fixture.t0),
                "a single notification goes out exactly as before")
        guard case let .deliverBatch(batch) = envelopes[1].payload else { Issue.record("expected a batch"); return }
        #expect(batch.company == Fixture.supplier)
        #expect(batch.notifications == items[1...3].map(\.draft.command), "in the order the events came")
        #expect(envelopes[1].causationId == nil, "gathered from three events: no single cause")
        #expect(envelopes[1].correlationId == CorrelationID(envelopes[1].id))
        #expect(DeliverCommands.envelopes(for: items, tenant: "tradeflow", occurredAt: Fixture.t0) == envelopes,
                "the same round relayed again gives the same commands")
        let fewer = DeliverCommands.envelopes(for: Array(items[1...2]), tenant: "tradeflow", occurredAt: Fixture.t0)
        #expect(fewer[0].id != envelopes[1].id, "another set of notifications, another id")

        let oneEvent = DeliverCommands.envelopes(for: [(draft("O-9", to: Fixture.supplier), header("O-9")),
                                                       (draft("O-9", to: Fixture.supplier, type: Types.subOrderConfirmed), header("O-9"))],
                                                 tenant: "tradeflow", occurredAt: Fixture.t0)
        #expect(oneEvent.count == 1 && oneEvent[0].causationId == Fixture.id("evt-O-9"))
        #expect(oneEvent[0].correlationId == Fixture.id("corr-O-9"), "one cause: its correlation carries on")
    }

    @Test func largeGroups_areSplitAtTheBatchLimit() {
        let items: [DeliverCommands.Item] = (0..<(2 * DeliverNotifications.maximumCount + 1)).map { (draft("O-\($0)", to: Fixture.supplier), nil) }
        let envelopes = DeliverCommands.envelopes(for: items, tenant: "tradeflow", occurredAt: Fixture.t0)
        let sizes = envelopes.map { envelope -> Int in
            switch envelope.payload {
            case let .deliverBatch(batch): batch.notifications.count
            case .deliver: 1
            default: 0
            }
        }
        #expect(sizes == [DeliverNotifications.maximumCount, DeliverNotifications.maximumCount, 1])
    }

    @Test func largeNotifications_closeABatchBeforeItOutgrowsAKafkaMessage() throws {
        let bulky = String(repeating: "价", count: 2_000)  // 6,000 bytes of UTF-8 per parameter
        let items: [DeliverCommands.Item] = (0..<40).map { index in
            let base = draft("O-\(index)", to: Fixture.supplier)
            let parameters = Dictionary(uniqueKeysWithValues: (0..<4).map { ("p\($0)", bulky) })
            return (NotificationDraft(recipient: base.recipient, audience: base.audience, eventType: base.eventType,
                                      parameters: parameters, link: base.link, source: base.source, idSeed: base.idSeed,
                                      occurredAt: base.occurredAt), nil)
        }
        let envelopes = DeliverCommands.envelopes(for: items, tenant: "tradeflow", occurredAt: Fixture.t0)
        #expect(envelopes.count > 1, "40 x 24 KB does not go out as one command")
        var delivered = 0
        for envelope in envelopes {
            let bytes = try WireFormat.encode(envelope)
            #expect(bytes.count < 1_048_576 / 2, "\(bytes.count) bytes")
            if case let .deliverBatch(batch) = envelope.payload { delivered += batch.notifications.count } else { delivered += 1 }
        }
        #expect(delivered == 40, "every notification is in exactly one command")
    }
}
