import Contracts
import Foundation
import PaymentCore
import Testing

/// 账期到期提醒: payment, which holds every invoice, reminds payers 7, 3 and 1 days before an
/// invoice falls due (`invoice-due-soon`), once per window, from state that survives restarts.
@Suite struct InvoiceReminderTests {
    typealias T = TestData

    private func creditOrders(_ orders: [String], termDays: Int, amount: Int64 = 100_00) -> Harness {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(100_000_000_00), termDays: termDays))
        for order in orders {
            harness.handle(T.authorize(order, T.cny(amount)))
            harness.handle(T.capture(order))
        }
        return harness
    }

    private func dueSoon(_ decision: PaymentDecision) -> [InvoiceDueSoon] {
        decision.events.compactMap { if case let .invoiceDueSoon(event) = $0 { event } else { nil } }
    }

    @Test func eachWindowIsAnnouncedOnce_theNearestWhenSeveralAreReached() {
        var harness = creditOrders(["ORD-1"], termDays: 10)
        let days = harness.decider.limits.invoiceReminderDays
        harness.advance(days: 2)
        #expect(harness.state.payersWithRemindersDue(at: harness.now, days: days).isEmpty, "8 days left: no window yet")
        #expect(harness.handle(T.remindDue(at: harness.now)).events.isEmpty)

        harness.advance(days: 1.5)
        #expect(harness.state.payersWithRemindersDue(at: harness.now, days: days) == [T.buyer])
        let seven = dueSoon(harness.handle(T.remindDue(at: harness.now)))
        #expect(seven.map(\.withinDays) == [7])
        #expect(seven.first?.order == T.id("ORD-1"))
        #expect(seven.first?.outstanding == T.cny(100_00))
        #expect(harness.state.payersWithRemindersDue(at: harness.now, days: days).isEmpty)
        #expect(harness.handle(T.remindDue(at: harness.now.addingTimeInterval(3_600))).events.isEmpty,
                "a later tick in the same window adds nothing")

        // Past the 3-day window unnoticed (the service was down): only the 1-day one is announced.
        harness.advance(days: 6)
        #expect(dueSoon(harness.handle(T.remindDue(at: harness.now))).map(\.withinDays) == [1])
        #expect(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")]?.remindedWithinDays == 1)

        // Once due, the invoice is overdue instead; no reminder follows.
        harness.advance(days: 1)
        #expect(harness.handle(T.remindDue(at: harness.now)).events.isEmpty)
        #expect(harness.handle(T.markOverdue(at: harness.now)).types == ["payment.invoice-overdue"])
    }

    @Test func paidInvoices_areNotReminded_partlyPaidOnesNameWhatIsLeft() {
        var harness = creditOrders(["ORD-1", "ORD-2"], termDays: 5)
        harness.handle(T.bankTransfer("ORD-1", T.cny(100_00), transaction: "BT-1"))
        harness.handle(T.bankTransfer("ORD-2", T.cny(30_00), transaction: "BT-2"))
        harness.advance(days: 4.5)
        let reminders = dueSoon(harness.handle(T.remindDue(at: harness.now)))
        #expect(reminders.map(\.order) == [T.id("ORD-2")])
        #expect(reminders.first?.outstanding == T.cny(70_00))
        #expect(reminders.first?.withinDays == 1)
    }

    /// The relay used to hold open invoices for reminders, at most 25,000 per partition, forgetting
    /// the oldest (the ones falling due first). Payment holds them all: every one is reminded.
    @Test func everyOpenInvoice_isReminded_howeverMany() {
        let orders = (0..<300).map { "ORD-\($0)" }
        var harness = creditOrders(orders, termDays: 7, amount: 1_00)
        harness.advance(days: 0.5)
        let reminders = dueSoon(harness.handle(T.remindDue(at: harness.now)))
        #expect(Set(reminders.map(\.order)) == Set(orders.map { T.id($0) }))
        #expect(reminders.allSatisfy { $0.withinDays == 7 })
    }

    /// Reminders decided for several invoices, only the first published before a crash: the command
    /// comes back, is a duplicate, and the missing reminders are rebuilt with their original ids.
    @Test func partlyPublishedReminders_areCompletedOnReplay() {
        var harness = creditOrders(["ORD-1", "ORD-2", "ORD-3"], termDays: 3)
        harness.advance(days: 0.5)
        let command = harness.envelope(T.remindDue(at: harness.now), id: "tick-1")
        let decision = harness.decider.decide(command, state: harness.state, now: harness.now)
        let full = decision.eventEnvelopes(causedBy: command, occurredAt: harness.now)
        #expect(full.count == 3)
        var crashed = harness.state
        crashed.apply(decision.events[0])
        let replay = harness.decider.decide(command, state: crashed, now: harness.now.addingTimeInterval(30))
        #expect(replay.isDuplicate)
        #expect(replay.eventEnvelopes(causedBy: command, occurredAt: harness.now) == Array(full.dropFirst()))
        #expect(crashed.applying(replay.events) == harness.state.applying(decision.events))
    }

    @Test func invoiceFromAnOlderState_withoutReminders_decodes() throws {
        let harness = creditOrders(["ORD-1"], termDays: 10)
        let invoice = try #require(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")])
        let bytes = try StreamingJSONEncoder().encode(invoice)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("remindedWithinDays"), "absent until reminded")
        #expect(try WireFormat.decodeValue(Invoice.self, from: bytes) == invoice)
    }
}

extension TestData {
    static func remindDue(at now: Date, payer: CompanyID = buyer) -> PaymentCommand {
        .remindInvoicesDue(RemindInvoicesDue(payer: payer, now: now))
    }
}
