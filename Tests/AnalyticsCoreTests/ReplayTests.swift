import AnalyticsCore
import Contracts
import Foundation
import Testing

/// A rebuild reads the partitions in a different interleaving every time and may see a message
/// twice: the numbers must not move.
@Suite struct ReplayTests {
    let asOfs = [T.at(days: 4, hours: 1), T.at(days: 70, hours: 1), T.at(days: 100)]

    func snapshots(_ state: AnalyticsState) -> [AnalyticsSnapshot] {
        asOfs.flatMap { asOf in Scenario.everyScope.map { state.snapshot(for: $0, asOf: asOf) } }
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 34] as [UInt64])
    func anyInterleavingOfPartitions_givesTheSameSnapshots(seed: UInt64) {
        let reference = snapshots(Scenario.fold())
        let shuffled = Scenario.interleaved(Scenario.deliveries, seed: seed)
        #expect(shuffled.map(\.id) != Scenario.deliveries.map(\.id), "seed \(seed) should reorder something")
        #expect(snapshots(Scenario.fold(shuffled)) == reference)
    }

    @Test(arguments: [1, 7, 42] as [UInt64])
    func replayedDuplicates_countOnce(seed: UInt64) {
        let reference = snapshots(Scenario.fold())
        let replayed = Scenario.interleaved(Scenario.withReplayedDuplicates(Scenario.deliveries), seed: seed)
        #expect(replayed.count > 2 * Scenario.deliveries.count)
        #expect(snapshots(Scenario.fold(replayed)) == reference)
    }

    @Test func aDuplicateBeyondTheIdMemory_isStillCaughtByTheOrdersStage() {
        // Remember one envelope id per key: re-delivered order events are caught by their transition.
        let policy = AnalyticsPolicy(rememberedEventsPerKey: 1)
        let reference = snapshots(Scenario.fold(policy: policy))
        let orders = Scenario.deliveries.filter { $0.partition.hasPrefix("order/") }
        let others = Scenario.deliveries.filter { !$0.partition.hasPrefix("order/") }
        #expect(snapshots(Scenario.fold(orders + orders + others, policy: policy)) == reference)
    }

    @Test func reportsOnlyTheScopesAnEventChanged() {
        var state = AnalyticsState()
        let placed = T.placed("O1", buyer: T.acme, at: T.at(), [
            T.Line(sku: "CUP-1", supplier: T.cup, distributor: T.east, quantity: 1, unitPrice: 1),
        ])
        let first = state.apply(placed, envelopeId: T.id("e1"))
        #expect(first)
        #expect(state.takeChangedScopes() == [.platform, .company(T.acme), .company(T.east), .company(T.cup)])
        #expect(state.takeChangedScopes().isEmpty)
        let again = state.apply(placed, envelopeId: T.id("e1"))
        #expect(!again, "a duplicate changes nothing")
        #expect(state.takeChangedScopes().isEmpty)
        let received = state.apply(T.received("CUP-1", 5, onHand: 5), envelopeId: T.id("e2"), occurredAt: T.at())
        #expect(received)
        #expect(state.takeChangedScopes() == [.platform, .company(T.cup)])
        #expect(state.knownScopes == [.platform, .company(T.acme), .company(T.east), .company(T.cup)])
    }

    @Test func eventsOfAnUnknownOrder_areCountedAsUnmatched_notFolded() {
        var state = AnalyticsState()
        let folded = state.apply(T.confirmed("GHOST", buyer: T.acme, at: T.at(), amount: 1), envelopeId: T.id("e1"))
        #expect(!folded)
        #expect(state.unmatchedEvents == 1)
        #expect(state.knownScopes.isEmpty)
    }
}
