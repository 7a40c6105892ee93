import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct QueryTests {
    @Test func getOrder_answersWithTheSummary_andRecordsNothing() throws {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let before = saga.state
        let handled = saga.send(.getOrder(GetOrder(order: T.id("O-1"), buyer: T.buyer, replyTo: T.replyTo)), id: "q-1")
        #expect(handled.events.isEmpty && handled.outbox.isEmpty)
        #expect(handled.replySummary == saga.summary("O-1"))
        #expect(saga.state == before)
        #expect(!saga.send(.getOrder(GetOrder(order: T.id("O-1"), buyer: T.buyer, replyTo: T.replyTo)), id: "q-1").isDuplicate)
    }

    @Test func getApprovalRules_answersTheBuyersRulesInForce_andRecordsNothing() {
        var saga = Saga()
        let query = OrderCommand.getApprovalRules(GetApprovalRules(buyer: T.buyer, replyTo: T.replyTo))
        #expect(saga.send(query).reply?.outcome == .approvalRules([]))
        let rule = ApprovalRule(name: "large", minimumTotal: T.cny(1_000_00), roles: ["approver"])
        saga.send(T.rules([rule]))
        let before = saga.state
        let handled = saga.send(query)
        #expect(handled.reply?.outcome == .approvalRules([rule]))
        #expect(handled.events.isEmpty && saga.state == before)
        let other = saga.send(.getApprovalRules(GetApprovalRules(buyer: T.otherBuyer, replyTo: T.replyTo)))
        #expect(other.reply?.outcome == .approvalRules([]), "another buyer's rules are its own")
    }

    @Test func getOrder_ofAnotherBuyer_isNotFound_andNeverRecorded() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let handled = saga.send(.getOrder(GetOrder(order: T.id("O-1"), buyer: T.otherBuyer, replyTo: T.replyTo)))
        #expect(handled.rejection?.code == .orderNotFound)
        #expect(handled.events.isEmpty)
        #expect(handled.reply?.outcome == .rejected(code: .orderNotFound, message: "buyer BUYER-OTHER has no order O-1", field: "order"))
    }

    @Test func queryWithoutReplyAddress_isRejected() {
        var saga = Saga()
        let handled = saga.send(.getOrder(GetOrder(order: T.id("O-1"), buyer: T.buyer, replyTo: nil)))
        #expect(handled.rejection?.field == "replyTo")
        #expect(handled.events.isEmpty && handled.reply == nil)
    }

    @Test func listOrders_pagesNewestFirst_andFiltersByStatus() throws {
        var saga = Saga()
        for index in 1...5 { saga.send(T.place("O-\(index)", lines: [T.line("A")])) }
        saga.send(T.cancel("O-2"))
        saga.send(T.cancel("O-4"))
        func page(status: OrderStatus? = nil, before: String? = nil, limit: Int) -> OrderPage? {
            let handled = saga.send(.listOrders(ListOrders(buyer: T.buyer, status: status, before: before.map { T.id($0) },
                                                           limit: limit, replyTo: T.replyTo)))
            if case let .orders(page)? = handled.reply?.outcome { return page }
            return nil
        }
        let first = try #require(page(limit: 2))
        #expect(first.orders.map(\.order.rawValue) == ["O-5", "O-4"])
        #expect(first.nextBefore == T.id("O-4"))
        let second = try #require(page(before: "O-4", limit: 2))
        #expect(second.orders.map(\.order.rawValue) == ["O-3", "O-2"])
        let last = try #require(page(before: "O-2", limit: 2))
        #expect(last.orders.map(\.order.rawValue) == ["O-1"])
        #expect(last.nextBefore == nil)
        let cancelled = try #require(page(status: .cancelled, limit: 10))
        #expect(cancelled.orders.map(\.order.rawValue) == ["O-4", "O-2"])
        #expect(cancelled.orders.first?.total == T.cny(1_000_00))
        #expect(page(limit: 0) == nil)
        #expect(page(before: "O-404", limit: 1) == nil)
    }
}
