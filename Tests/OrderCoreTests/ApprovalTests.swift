import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct ApprovalTests {
    static let over1000 = ApprovalRule(name: "orders from 1,000 CNY", minimumTotal: T.cny(1_000_00), roles: ["approver"])
    static let over5000 = ApprovalRule(name: "orders from 5,000 CNY", minimumTotal: T.cny(5_000_00), roles: ["finance"])
    static let chemicals = ApprovalRule(name: "hazardous goods", category: ["Chemicals"], roles: ["approver"])

    /// A saga whose buyer has `rules`; the order "O-1" has lines worth `total` (one line per 100 CNY unit).
    static func saga(rules: [ApprovalRule], policy: OrderPolicy = OrderPolicy()) -> Saga {
        var saga = Saga(policy: policy)
        saga.send(T.rules(rules))
        return saga
    }

    @Test func orderAtTheThreshold_needsApproval_andReservesNothingYet() throws {
        var saga = Self.saga(rules: [Self.over1000])
        let handled = saga.send(T.place("O-1", lines: [T.line("A", quantity: 10, price: 100_00)]))
        #expect(handled.eventTypes == ["order.placed", "order.approval-requested"])
        #expect(handled.outbox.isEmpty)
        let summary = try #require(handled.replySummary)
        #expect(summary.status == .pendingApproval)
        #expect(summary.approval.map(\.role) == ["approver"])
        #expect(summary.approval.map(\.rules) == [["orders from 1,000 CNY"]])
        #expect(summary.approval.map(\.decision) == [.pending])
        #expect(summary.lines.map(\.reservation) == [.unrequested])
        #expect(summary.deadline == T.t0.addingTimeInterval(72 * T.hour))
    }

    @Test func orderBelowTheThreshold_needsNoApproval() {
        var saga = Self.saga(rules: [Self.over1000])
        let handled = saga.send(T.place("O-1", lines: [T.line("A", quantity: 9, price: 111_11)]))
        #expect(handled.eventTypes == ["order.placed"])
        #expect(saga.status("O-1") == .reservingStock)
    }

    @Test func categoryRule_matchesByPathPrefix_onAnyLine() {
        var saga = Self.saga(rules: [Self.chemicals])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 1, price: 1), T.line("SOLVENT", quantity: 1, price: 1,
                                                                                 category: ["Chemicals", "Solvents"])]))
        saga.send(T.place("O-2", lines: [T.line("B", quantity: 1, price: 1, category: ["Chemistry books"])]))
        #expect(saga.status("O-1") == .pendingApproval)
        #expect(saga.status("O-2") == .reservingStock)
    }

    @Test func approval_startsStockReservation_andThePaymentDeadline() throws {
        var saga = Self.saga(rules: [Self.over1000])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 20)]))
        saga.advance(T.hour)
        let handled = saga.send(T.approve("O-1", by: T.approver, roles: ["approver", "purchaser"]))
        #expect(handled.eventTypes == ["order.approved"])
        #expect(handled.reserves.map(\.reservation) == ["O-1-L1"])
        let summary = try #require(handled.replySummary)
        #expect(summary.status == .reservingStock)
        #expect(summary.approval.first?.decision == .approved)
        #expect(summary.approval.first?.by == T.approver)
        #expect(summary.deadline == T.t0.addingTimeInterval(T.hour + 48 * T.hour))
        #expect(summary.lines.map(\.reservation) == [.requested])
    }

    @Test func twoStepApproval_goesApproverThenFinance() throws {
        var saga = Self.saga(rules: [Self.over1000, Self.over5000])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 60)]))
        #expect(saga.summary("O-1")?.approval.map(\.role) == ["approver", "finance"])

        let financeFirst = saga.send(T.approve("O-1", by: T.finance, roles: ["finance"]))
        #expect(financeFirst.rejection?.code == .forbidden)
        #expect(financeFirst.rejection?.message == "step 1 of order O-1 needs a user with role approver; u-finance has finance")

        let first = saga.send(T.approve("O-1", by: T.approver, roles: ["approver"]))
        guard case let .approved(approved)? = first.events.first else { Issue.record("no approval"); return }
        #expect(approved.step == 1 && approved.remainingRoles == ["finance"] && approved.paymentDueBy == nil)
        #expect(first.outbox.isEmpty)
        #expect(saga.status("O-1") == .pendingApproval)

        let second = saga.send(T.approve("O-1", by: T.finance, roles: ["finance"]))
        #expect(second.reserves.count == 1)
        #expect(saga.status("O-1") == .reservingStock)
        #expect(saga.summary("O-1")?.approval.map(\.decision) == [.approved, .approved])
    }

    @Test func aRejectionAtTheFirstStep_leavesTheSecondNotReached_notPending() {
        var saga = Self.saga(rules: [Self.over1000, Self.over5000])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 60)]))
        #expect(saga.summary("O-1")?.approval.map(\.decision) == [.pending, .pending])
        saga.send(.rejectApproval(RejectOrderApproval(order: T.id("O-1"), buyer: T.buyer, approver: T.approver,
                                                      roles: ["approver"], comment: "no", replyTo: T.replyTo)))
        #expect(saga.summary("O-1")?.approval.map(\.decision) == [.rejected, .notReached])
    }

    @Test func rulesNamingTheSameRole_mergeIntoOneStep_listingBothRules() {
        var saga = Self.saga(rules: [Self.over1000, Self.chemicals])
        saga.send(T.place("O-1", lines: [T.line("X", quantity: 20, category: ["Chemicals"])]))
        #expect(saga.summary("O-1")?.approval.map(\.role) == ["approver"])
        #expect(saga.summary("O-1")?.approval.first?.rules == ["orders from 1,000 CNY", "hazardous goods"])
    }

    @Test func thresholdInAnotherCurrency_failsClosed_andRequiresApproval() {
        let usdRule = ApprovalRule(name: "USD", minimumTotal: Money(minorUnits: 1_000_000_00, currency: .usd), roles: ["approver"])
        var saga = Self.saga(rules: [usdRule])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 1, price: 1)]))
        #expect(saga.status("O-1") == .pendingApproval)
    }

    @Test func separationOfDuties_refusesThePlacer_andASecondStepBySameUser() {
        let both = ApprovalRule(name: "big", roles: ["approver", "finance"])
        var saga = Self.saga(rules: [both])
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let own = saga.send(T.approve("O-1", by: T.purchaser, roles: ["approver"]))
        #expect(own.rejection?.message == "u-purchaser placed order O-1 and cannot approve it")
        saga.send(T.approve("O-1", by: T.approver, roles: ["approver", "finance"]))
        let twice = saga.send(T.approve("O-1", by: T.approver, roles: ["approver", "finance"]))
        #expect(twice.rejection?.code == .forbidden)
        #expect(twice.rejection?.message == "u-approver already approved step 1 of order O-1; step 2 (finance) needs another user")
    }

    @Test func withoutSeparationOfDuties_oneUserMayApproveEveryStep() {
        var policy = OrderPolicy()
        policy.separationOfDuties = false
        var saga = Self.saga(rules: [ApprovalRule(name: "big", roles: ["approver", "finance"])], policy: policy)
        saga.send(T.place("O-1", lines: [T.line("A")]))
        saga.send(T.approve("O-1", by: T.purchaser, roles: ["approver", "finance"]))
        saga.send(T.approve("O-1", by: T.purchaser, roles: ["approver", "finance"]))
        #expect(saga.status("O-1") == .reservingStock)
    }

    @Test func rejectedApproval_rejectsTheOrder_withTheApproversComment() throws {
        var saga = Self.saga(rules: [Self.over1000])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 20)]))
        let handled = saga.send(.rejectApproval(RejectOrderApproval(
            order: T.id("O-1"), buyer: T.buyer, approver: T.approver, roles: ["approver"], comment: "over budget this quarter",
            replyTo: T.replyTo)))
        #expect(handled.eventTypes == ["order.approval-rejected", "order.rejected"])
        #expect(handled.outbox.isEmpty)
        let summary = try #require(handled.replySummary)
        #expect(summary.status == .rejected)
        #expect(summary.statusReason == "approval refused by u-approver (approver): over budget this quarter")
        #expect(summary.approval.first?.decision == .rejected)
        #expect(summary.deadline == nil)
    }

    @Test func approvingAConfirmedOrder_isRejectedWithTheReason() {
        var saga = Self.saga(rules: [Self.over1000])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 20)]))
        saga.send(T.approve("O-1", by: T.approver, roles: ["approver"]))
        saga.send(T.reserved("O-1", line: 1, sku: "A", quantity: 20))
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        let late = saga.send(T.approve("O-1", by: T.finance, roles: ["approver"]))
        #expect(late.rejection?.code == .invalidOrderState)
        #expect(late.rejection?.message == "order O-1 is confirmed; it can no longer be approved")
    }

    @Test func approvingAnOrderThatNeedsNoApproval_isRejected() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        #expect(saga.send(T.approve("O-1", by: T.approver, roles: ["approver"])).rejection?.message
            == "order O-1 needs no approval; it cannot be approved")
    }

    @Test func rulesChangedLater_doNotChangeAWaitingOrdersSteps() {
        var saga = Self.saga(rules: [Self.over1000])
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 60)]))
        saga.send(T.rules([Self.over1000, Self.over5000]))
        #expect(saga.summary("O-1")?.approval.map(\.role) == ["approver"])
    }

    @Test func setApprovalRules_answersWithTheRules_andValidatesThem() {
        var saga = Saga()
        let set = saga.send(T.rules([Self.over1000]))
        #expect(set.reply?.outcome == .approvalRules([Self.over1000]))
        #expect(saga.state.approvalRules(of: T.buyer) == [Self.over1000])

        let typo = saga.send(T.rules([ApprovalRule(name: "x", roles: ["approver", "finanse"])]))
        #expect(typo.rejection?.field == "rules[0].roles[1]")
        #expect(typo.rejection?.message.hasPrefix("\"finanse\" is not a role; expected one of") == true)
        let warehouse = saga.send(T.rules([ApprovalRule(name: "x", roles: ["approver", "warehouse"])]))
        #expect(warehouse.rejection?.field == "rules[0].roles[1]")
        #expect(warehouse.rejection?.message == "role warehouse cannot approve orders; expected one of approver, finance, company-admin")
        #expect(saga.send(T.rules([ApprovalRule(name: "x", roles: [])])).rejection?.field == "rules[0].roles")
        #expect(saga.send(T.rules([Self.over1000, Self.over1000])).rejection?.field == "rules[1].name")
        let negative = ApprovalRule(name: "neg", minimumTotal: T.cny(-1), roles: ["approver"])
        #expect(saga.send(T.rules([negative])).rejection?.field == "rules[0].minimumTotal")
        let many = (1...51).map { ApprovalRule(name: "r\($0)", roles: ["approver"]) }
        #expect(saga.send(T.rules(many)).rejection?.code == .limitExceeded)
        #expect(saga.state.approvalRules(of: T.buyer) == [Self.over1000])

        saga.send(T.rules([]))
        #expect(saga.state.approvalRules(of: T.buyer).isEmpty)
    }
}
