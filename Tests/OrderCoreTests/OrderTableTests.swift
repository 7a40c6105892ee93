import Contracts
import Foundation
import Testing
@testable import OrderCore
import Packing

/// Quiet orders are kept packed (`OrderTable`); nothing a buyer or the saga sees may change.
@Suite struct OrderTableTests {
    @Test func packsAnOrderOnceItIsConfirmed_andKeepsItsSummary() {
        var saga = Saga()
        saga.placeAndReserve("O-1")
        #expect(saga.state.orderCounts == (held: 1, packed: 0))
        let awaiting = saga.summary("O-1")
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        #expect(saga.state.orderCounts == (held: 1, packed: 1))
        let confirmed = saga.summary("O-1")
        #expect(confirmed?.status == .confirmed)
        #expect(confirmed?.lines.map(\.lineTotal) == awaiting?.lines.map(\.lineTotal))
        #expect(confirmed?.lines.map(\.allocations) == awaiting?.lines.map(\.allocations))
        #expect(confirmed?.lines.map(\.reservation) == [.committed, .committed])
        #expect(confirmed?.history.count == (awaiting?.history.count ?? 0) + 1)
    }

    @Test func ordersInFlight_stayUnpacked() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        saga.send(T.rules([ApprovalRule(name: "all", roles: ["approver"])]))
        saga.send(T.place("O-2", lines: [T.line("A")]))
        #expect(saga.status("O-1") == .reservingStock && saga.status("O-2") == .pendingApproval)
        #expect(saga.state.orderCounts == (held: 2, packed: 0))
    }

    /// Shipments, deliveries and the capture reach an order while it is packed.
    @Test func eventsForAPackedOrder_applyAndRepack() {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        saga.send(T.ship("O-1"))
        #expect(saga.summary("O-1")?.subOrders.first?.status == .shipped)
        saga.send(T.deliver("O-1"))
        #expect(saga.status("O-1") == .completed)
        #expect(saga.state.orderCounts == (held: 1, packed: 1))
        // The live (packed as it went) and the refolded state agree, and so does a checkpoint of it.
        #expect(OrderState().applying(saga.log) == saga.state)
    }

    @Test func aRepeatedEventForAPackedOrder_changesNothing() {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        saga.send(T.ship("O-1"))
        let before = saga.state
        var again = saga.state
        for event in saga.log.suffix(2) { again.apply(event) }
        #expect(again == before)
        #expect(again.summary(of: T.id("O-1"), buyer: T.buyer) == before.summary(of: T.id("O-1"), buyer: T.buyer))
    }

    @Test func aCheckpointKeepsPackedOrdersPacked() throws {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        saga.send(T.place("O-2", lines: [T.line("A")]))
        let written = try StreamingJSONEncoder().encode(saga.state)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: Any])
        let orders = try #require(json["orders"] as? [String: Any])
        #expect((orders["packed"] as? [[String: Any]])?.compactMap { $0["key"] as? String } == ["O-1"])
        #expect((orders["active"] as? [[String: Any]])?.compactMap { $0["key"] as? String } == ["O-2"])
        let read = try WireFormat.decodeValue(OrderState.self, from: written)
        #expect(read == saga.state)
        #expect(read.orderCounts == (held: 2, packed: 1))
        #expect(read.summary(of: T.id("O-1"), buyer: T.buyer) == saga.summary("O-1"))
    }

    @Test func listingByStatus_mixesPackedAndUnpackedOrders() throws {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        saga.send(T.place("O-2", lines: [T.line("A")]))
        saga.confirmOnCredit("O-3")
        let handled = saga.send(.listOrders(ListOrders(buyer: T.buyer, status: .confirmed, before: nil, limit: 10,
                                                       replyTo: T.replyTo)))
        guard case let .orders(page)? = handled.reply?.outcome else {
            Issue.record("no page: \(String(describing: handled.reply?.outcome))")
            return
        }
        #expect(page.orders.map(\.order.rawValue) == ["O-3", "O-1"])
        #expect(page.orders.allSatisfy { $0.status == .confirmed })
    }
}

@Suite struct OrderPackingTests {
    /// The preset dictionary earns its keep: a confirmed order packs well below its JSON deflated alone.
    @Test func theDictionaryShrinksAPackedOrder() throws {
        var saga = Saga()
        saga.confirmOnCredit("O-1", skus: ["TEA-1", "TEA-2", "TEA-3"])
        let record = try #require(saga.state.orders[T.id("O-1")])
        let json = try WireFormat.encodeValue(record)
        let withDictionary = try Packed(record).bytes.count
        let without = try Deflate.compress(json).count
        #expect(withDictionary * 10 < without * 8, "\(withDictionary) bytes with the dictionary, \(without) without")
        #expect(try Packed(record).unpacked() == record)
    }
}
