import Contracts
import GatewayCore
import Testing

/// The memory behind answering a sold-out SKU at once while a retried key still gets its order.
@Suite struct SoldOutRetryMemoryTests {
    let hot = try! SKU("FLASH-1")
    let other = try! SKU("P0001-1")

    func order(_ n: Int) -> OrderID { try! OrderID("O-\(n)") }

    @Test func anOrderInventoryAnswered_mayHoldTheSKU_othersCannot() {
        var decided = DecidedReservations()
        decided.record(order: order(1), sku: hot)
        decided.record(order: order(2), sku: other)
        #expect(decided.mayHaveAnswered(order: order(1), sku: hot))
        #expect(!decided.mayHaveAnswered(order: order(2), sku: hot), "answered for another SKU only")
        #expect(!decided.mayHaveAnswered(order: order(3), sku: hot), "a new key's order was never answered")
        #expect(!decided.mayHaveAnswered(order: order(1), sku: try! SKU("NEVER-SEEN")))
        decided.record(order: order(1), sku: hot)
        #expect(decided.count == 2, "a line answered twice (granted, then redelivered) counts once")
    }

    @Test func aSKUOverItsLimit_isNoLongerTracked_andEveryAttemptOnItAsks() {
        var decided = DecidedReservations(limits: .init(perSKU: 3, total: 100))
        for n in 1...3 { decided.record(order: order(n), sku: hot) }
        #expect(!decided.mayHaveAnswered(order: order(99), sku: hot) && !decided.isUntracked(hot))
        decided.record(order: order(4), sku: hot)
        #expect(decided.isUntracked(hot))
        #expect(decided.mayHaveAnswered(order: order(99), sku: hot), "unknown: the order service is asked")
        #expect(decided.count == 0, "its fingerprints are given back")
        decided.record(order: order(5), sku: hot)
        #expect(decided.count == 0)
        decided.record(order: order(6), sku: other)
        #expect(decided.count == 1 && !decided.mayHaveAnswered(order: order(7), sku: other), "other SKUs stay tracked")
    }

    @Test func overTheTotalBudget_theSKUsWithTheMostLinesAreDropped_soANewFlashSaleKeepsItsPlace() {
        let bestSeller = try! SKU("BEST-1"), steady = try! SKU("STEADY-1")
        var decided = DecidedReservations(limits: .init(perSKU: 100, total: 10))
        for n in 1...7 { decided.record(order: order(n), sku: bestSeller) }
        for n in 11...13 { decided.record(order: order(n), sku: steady) }
        #expect(decided.count == 10 && !decided.isUntracked(bestSeller))
        decided.record(order: order(21), sku: hot)   // the 11th: over the budget
        #expect(decided.isUntracked(bestSeller), "the SKU with the most lines goes first")
        #expect(decided.count == 4 && !decided.isUntracked(steady) && !decided.isUntracked(hot))
        #expect(decided.mayHaveAnswered(order: order(21), sku: hot) && !decided.mayHaveAnswered(order: order(22), sku: hot))
        #expect(decided.mayHaveAnswered(order: order(99), sku: bestSeller), "dropped: its attempts ask the order service")
        #expect(decided.mayHaveAnswered(order: order(12), sku: steady) && !decided.mayHaveAnswered(order: order(14), sku: steady))
    }

    @Test func recentOrders_forgetTheOldestBeyondCapacity() {
        var recent = RecentOrders(capacity: 3)
        for n in 1...3 { recent.insert(order(n)) }
        #expect((1...3).allSatisfy { recent.contains(order($0)) } && !recent.contains(order(4)))
        recent.insert(order(4))
        #expect(!recent.contains(order(1)) && recent.contains(order(4)) && recent.contains(order(2)))

        var again = RecentOrders(capacity: 3)
        for n in [1, 2, 1] { again.insert(order(n)) }   // a concurrent retry places the same order twice
        again.insert(order(3))
        #expect(again.contains(order(1)), "its first slot left; the second is still in the window")
        again.insert(order(4))
        again.insert(order(5))
        #expect(!again.contains(order(1)) && again.contains(order(3)) && again.contains(order(5)))
    }
}
