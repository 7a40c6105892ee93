import Contracts
import Foundation
import Testing
@testable import OrderCore

/// The order desks of suppliers and distributors (`order.list-sub-orders`): which sub-orders
/// reach them, in what order, filtered and paged.
@Suite struct SubOrderDeskTests {
    /// Asks the partition for a page of `company`'s desk, as the gateway does.
    static func page(_ saga: inout Saga, of company: CompanyID, orderStatus: OrderStatus? = nil,
                     status: SubOrderStatus? = nil, before: Int? = nil, limit: Int = 20) -> SubOrderDeskPart? {
        let handled = saga.send(.listSubOrders(ListSubOrders(company: company, orderStatus: orderStatus, status: status,
                                                             before: before, limit: limit, routingKey: "desk-0",
                                                             replyTo: T.replyTo)), key: "desk-0")
        if case let .subOrders(part)? = handled.reply?.outcome { return part }
        return nil
    }

    static func orders(_ part: SubOrderDeskPart?) -> [String] {
        part?.entries.map(\.item.order.rawValue) ?? []
    }

    @Test func anOrderReachesItsSuppliersDesks_whenConfirmed_andNeverIfItIsNot() throws {
        var saga = FulfilmentTests.confirmedTwoSupplierOrder()
        saga.send(T.place("O-2", lines: [T.line("A", supplier: T.supplierA)]))
        saga.send(T.unavailable("O-2", line: 1, sku: "A"))
        saga.placeAndReserve("O-3", skus: ["A"])
        #expect(saga.status("O-2") == .rejected && saga.status("O-3") == .awaitingPayment)
        #expect(Self.orders(Self.page(&saga, of: T.supplierA)) == ["O-1"])
        #expect(Self.orders(Self.page(&saga, of: T.supplierB)) == ["O-1"])
        #expect(Self.orders(Self.page(&saga, of: T.buyer)) == [])

        saga.send(T.payment("O-3", .authorized(method: .credit)))
        let page = try #require(Self.page(&saga, of: T.supplierA))
        #expect(Self.orders(page) == ["O-3", "O-1"])
        #expect(page.entries.map(\.position) == [1, 0] && page.scannedTo == 0)
        let item = page.entries[1].item
        #expect(item.subOrder == "O-1-S-SUP-TEA" && item.supplier == T.supplierA && item.buyer == T.buyer)
        #expect(item.orderStatus == .confirmed && item.status == .open && item.deliveryAddress == T.address)
        #expect(item.totals == OrderTotals(lineCount: 1, quantity: 10, amount: T.cny(1_000_00)))
        #expect(item.confirmedAt == T.t0 && item.poNumber == "PO-7788")
    }

    @Test func aDeskEntryFollowsItsSubOrder_shippedAndDelivered_onTheSuppliersAndTheDistributorsDesk() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A", supplier: T.supplierA, distributor: T.distributor),
                                         T.line("B", supplier: T.supplierB)]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        saga.send(T.reserved("O-1", line: 2, sku: "B"))
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        func statuses() -> [[SubOrderStatus]] {
            [T.supplierA, T.distributor, T.supplierB].map { saga.state.desks[$0]?.map(\.status) ?? [] }
        }
        #expect(statuses() == [[.open], [.open], [.open]])
        saga.send(T.ship("O-1", supplier: T.supplierA))
        #expect(statuses() == [[.shipped], [.shipped], [.open]])
        saga.send(T.deliver("O-1", supplier: T.supplierA))
        #expect(statuses() == [[.delivered], [.delivered], [.open]])
        #expect(OrderState().applying(saga.log).desks == saga.state.desks)
    }

    @Test func theEventsAppliedAgain_changeNoDesk() {
        var saga = FulfilmentTests.confirmedTwoSupplierOrder()
        saga.send(T.ship("O-1", supplier: T.supplierB))
        let desks = saga.state.desks
        for event in saga.log { saga.state.apply(event) }
        #expect(saga.state.desks == desks)
        #expect(OrderState().applying(saga.log).desks == desks)
    }

    @Test func filters_byTheSubOrdersAndTheOrdersStatus() throws {
        var saga = FulfilmentTests.confirmedTwoSupplierOrder()
        saga.confirmOnCredit("O-2", skus: ["A"])
        saga.confirmOnCredit("O-3", skus: ["A"])
        saga.send(T.ship("O-1", supplier: T.supplierA))
        saga.send(T.cancel("O-3"))
        // The cancelled order's part is no longer open: nobody should ship it.
        #expect(Self.orders(Self.page(&saga, of: T.supplierA, status: .open)) == ["O-2"])
        #expect(Self.orders(Self.page(&saga, of: T.supplierA, status: .cancelled)) == ["O-3"])
        #expect(Self.orders(Self.page(&saga, of: T.supplierA, orderStatus: .confirmed, status: .open)) == ["O-2"])
        #expect(Self.orders(Self.page(&saga, of: T.supplierA, status: .shipped)) == ["O-1"])
        #expect(Self.orders(Self.page(&saga, of: T.supplierA, orderStatus: .cancelled)) == ["O-3"])
        // The other supplier's part of O-1 is still open.
        #expect(Self.orders(Self.page(&saga, of: T.supplierB, status: .open)) == ["O-1"])
    }

    @Test func aDistributor_findsTheSubOrdersWithLinesItsShopSold_andOnlyThoseLines() throws {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A", supplier: T.supplierA, quantity: 3, distributor: T.distributor),
                                         T.line("B", supplier: T.supplierA, quantity: 5),
                                         T.line("C", supplier: T.supplierB, quantity: 7)]))
        for (line, (sku, quantity)) in [("A", 3), ("B", 5), ("C", 7)].enumerated() {
            saga.send(T.reserved("O-1", line: line + 1, sku: sku, quantity: Int64(quantity)))
        }
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        #expect(saga.status("O-1") == .confirmed)
        let page = try #require(Self.page(&saga, of: T.distributor))
        #expect(page.entries.map(\.item.subOrder) == ["O-1-S-SUP-TEA"])
        #expect(page.entries.first?.item.totals.quantity == 3)
        #expect(Self.page(&saga, of: T.supplierA)?.entries.first?.item.totals.quantity == 8)
    }

    @Test func pages_goOnFromTheirPositions_andALongFruitlessLookStopsWithACursor() throws {
        var saga = Saga()
        for index in 1...5 { saga.confirmOnCredit("O-\(index)", skus: ["A"]) }
        let first = try #require(Self.page(&saga, of: T.supplierA, limit: 2))
        #expect(Self.orders(first) == ["O-5", "O-4"] && first.scannedTo == 3)
        let second = try #require(Self.page(&saga, of: T.supplierA, before: 3, limit: 2))
        #expect(Self.orders(second) == ["O-3", "O-2"] && second.scannedTo == 1)
        let last = try #require(Self.page(&saga, of: T.supplierA, before: 1, limit: 2))
        #expect(Self.orders(last) == ["O-1"] && last.scannedTo == 0)
        // A position beyond the desk reads from its newest.
        #expect(Self.orders(Self.page(&saga, of: T.supplierA, before: 99, limit: 1)) == ["O-5"])

        // Nothing cancelled: looking for cancelled orders stops after its budget, with a cursor.
        let bounded = saga.state.deskPart(of: T.supplierA, orderStatus: .cancelled, status: nil, before: nil, limit: 10,
                                          maximumPositions: 2)
        #expect(bounded.entries.isEmpty && bounded.scannedTo == 3)
    }

    @Test func withLines_eachSubOrderCarriesTheLinesToPick_andAPageStopsAtItsLineBudget() throws {
        var saga = Saga()
        saga.confirmOnCredit("O-1", skus: ["A", "B"])
        saga.confirmOnCredit("O-2", skus: ["A"])
        saga.confirmOnCredit("O-3", skus: ["A", "B"])
        #expect(Self.page(&saga, of: T.supplierA)?.entries.allSatisfy { $0.item.lines == nil } == true, "no lines unless asked")
        // Budget 3 lines: O-3 (2) and O-2 (1) fit; O-1 waits for the next page, which goes on from it.
        let first = saga.state.deskPart(of: T.supplierA, orderStatus: nil, status: nil, before: nil, limit: 10,
                                        withLines: true, maximumLines: 3)
        #expect(Self.orders(first) == ["O-3", "O-2"] && first.scannedTo == 1)
        let picked = try #require(first.entries.first?.item.lines)
        #expect(picked.map(\.sku.rawValue) == ["A", "B"])
        #expect(picked.allSatisfy { !$0.allocations.isEmpty && $0.quantity > 0 })
        let next = saga.state.deskPart(of: T.supplierA, orderStatus: nil, status: nil, before: first.scannedTo, limit: 10,
                                       withLines: true, maximumLines: 3)
        #expect(Self.orders(next) == ["O-1"] && next.scannedTo == 0)
        // One sub-order larger than the budget still makes a page of its own, oldest first too.
        let alone = saga.state.deskPart(of: T.supplierA, orderStatus: nil, status: nil, before: nil, oldestFirst: true,
                                        limit: 10, withLines: true, maximumLines: 1)
        #expect(Self.orders(alone) == ["O-1"] && alone.scannedTo == 1 && alone.reachedEnd == false)
    }

    @Test func oldestFirst_pagesForward_andSaysWhenItReachedTheNewest() throws {
        var saga = Saga()
        for index in 1...3 { saga.confirmOnCredit("O-\(index)", skus: ["A"]) }
        func part(from: Int?, limit: Int = 2) -> SubOrderDeskPart? {
            let handled = saga.send(.listSubOrders(ListSubOrders(company: T.supplierA, oldestFirst: true, from: from, limit: limit,
                                                                 routingKey: "desk-0", replyTo: T.replyTo)), key: "desk-0")
            if case let .subOrders(part)? = handled.reply?.outcome { return part }
            return nil
        }
        let first = try #require(part(from: nil))
        #expect(Self.orders(first) == ["O-1", "O-2"] && first.scannedTo == 2 && first.reachedEnd == false)
        let second = try #require(part(from: 2))
        #expect(Self.orders(second) == ["O-3"] && second.scannedTo == 3 && second.reachedEnd == true)
        // Confirmed later: the same cursor finds it.
        saga.confirmOnCredit("O-4", skus: ["A"])
        #expect(Self.orders(part(from: 3)) == ["O-4"])
        let bounded = saga.state.deskPart(of: T.supplierA, orderStatus: .cancelled, status: nil, before: nil, oldestFirst: true,
                                          from: 1, limit: 10, maximumPositions: 2)
        #expect(bounded.entries.isEmpty && bounded.scannedTo == 3 && bounded.reachedEnd == false)
    }

    @Test func aMalformedQuery_isRejectedNamingTheField_andRecordsNothing() {
        var saga = FulfilmentTests.confirmedTwoSupplierOrder()
        let before = saga.state
        func rejection(limit: Int = 20, position: Int? = nil, replyTo: ReplyAddress? = T.replyTo) -> String? {
            saga.send(.listSubOrders(ListSubOrders(company: T.supplierA, before: position, limit: limit, routingKey: "desk-0",
                                                   replyTo: replyTo)), key: "desk-0").rejection?.field
        }
        #expect(rejection(limit: 0) == "limit")
        #expect(rejection(limit: 101) == "limit")
        #expect(rejection(position: -1) == "before")
        #expect(saga.send(.listSubOrders(ListSubOrders(company: T.supplierA, oldestFirst: true, from: -1, limit: 5,
                                                       routingKey: "desk-0", replyTo: T.replyTo)), key: "desk-0").rejection?.field == "from")
        #expect(rejection(replyTo: nil) == "replyTo")
        #expect(saga.state == before)
    }

    @Test func aCheckpointWrittenBeforeDesksExisted_restoresWithTheDesksAFoldWouldHaveBuilt() throws {
        var saga = Saga()
        func confirm(_ order: String, lines: [PricedLine]) {
            saga.send(T.place(order, lines: lines))
            for (index, line) in lines.enumerated() { saga.send(T.reserved(order, line: index + 1, sku: line.sku.rawValue)) }
            saga.send(T.payment(order, .authorized(method: .credit)))
            saga.advance(1)
        }
        // Confirmed out of id order, so the rebuilt order can only come from confirmation times.
        confirm("O-2", lines: [T.line("A", supplier: T.supplierA)])
        confirm("O-1", lines: [T.line("A", supplier: T.supplierA, distributor: T.distributor), T.line("B", supplier: T.supplierB)])
        saga.send(T.place("O-3", lines: [T.line("A", supplier: T.supplierA)]))
        saga.send(T.unavailable("O-3", line: 1, sku: "A"))
        saga.send(T.ship("O-1", supplier: T.supplierA))
        saga.send(T.deliver("O-1", supplier: T.supplierA))
        #expect(saga.state.desks[T.supplierA]?.map(\.order.rawValue) == ["O-2", "O-1"])

        var checkpoint = try #require(try JSONSerialization.jsonObject(with: Data(WireFormat.encodeValue(saga.state))) as? [String: Any])
        #expect(checkpoint.removeValue(forKey: "desks") != nil)
        let restored = try WireFormat.decodeValue(OrderState.self, from: [UInt8](JSONSerialization.data(withJSONObject: checkpoint)))
        #expect(restored == saga.state)
        #expect(restored.desks[T.distributor] == [DeskEntry(order: T.id("O-1"), part: 0, status: .delivered)])
        var resumed = Saga(state: restored)
        #expect(Self.orders(Self.page(&resumed, of: T.supplierA)) == ["O-1", "O-2"])
    }
}
