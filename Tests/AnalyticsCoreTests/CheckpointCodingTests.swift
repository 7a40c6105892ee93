import AnalyticsCore
import Contracts
import Foundation
import Testing

/// The analytics service checkpoints its whole fold and, on a restart, folds only what came after:
/// a state written at any point and read back must go on exactly as the one that was written.
@Suite struct CheckpointCodingTests {
    let asOfs = [T.at(days: 4, hours: 1), T.at(days: 70, hours: 1), T.at(days: 100)]

    func snapshots(_ state: AnalyticsState) -> [AnalyticsSnapshot] {
        asOfs.flatMap { asOf in Scenario.everyScope.map { state.snapshot(for: $0, asOf: asOf) } }
    }

    /// Written the way a checkpoint is (streamed, the wire's values), read back with the wire's decoder.
    func writtenAndRead(_ state: AnalyticsState) throws -> AnalyticsState {
        let bytes = Data(try StreamingJSONEncoder().encode(state))
        return try WireFormat.makeDecoder().decode(AnalyticsState.self, from: bytes)
    }

    var cuts: [Int] { [1, Scenario.deliveries.count / 3, Scenario.deliveries.count / 2, Scenario.deliveries.count - 1] }

    @Test func aStateReadBack_equalsTheOneWritten() throws {
        for cut in cuts {
            let state = Scenario.fold(Array(Scenario.deliveries[..<cut]))
            #expect(try writtenAndRead(state) == state, "cut after \(cut) deliveries")
        }
        let whole = Scenario.fold()
        #expect(!whole.knownScopes.isEmpty)
        #expect(try writtenAndRead(whole) == whole)
    }

    @Test func aRestoredState_foldsTheRestToTheSameNumbersAsOneThatNeverStopped() throws {
        let reference = Scenario.fold()
        for cut in cuts {
            var restored = try writtenAndRead(Scenario.fold(Array(Scenario.deliveries[..<cut])))
            for delivery in Scenario.deliveries[cut...] { delivery.apply(to: &restored) }
            #expect(restored == reference, "cut after \(cut) deliveries")
            #expect(snapshots(restored) == snapshots(reference), "cut after \(cut) deliveries")
        }
    }

    @Test func aRestoredState_stillRecognisesWhatItFoldedBeforeTheCheckpoint() throws {
        // A restart may read again records just before the checkpoint's positions (the follower
        // and the restore overlap): the restored id memories and order stages must drop them.
        let reference = Scenario.fold()
        var restored = try writtenAndRead(reference)
        for delivery in Scenario.deliveries.suffix(Scenario.deliveries.count / 2) { delivery.apply(to: &restored) }
        #expect(snapshots(restored) == snapshots(reference))
        #expect(restored.unmatchedEvents == reference.unmatchedEvents)
    }

    @Test func theScopesToPublish_areNotPartOfTheCheckpoint() throws {
        var state = Scenario.fold()
        #expect(!state.changedScopes.isEmpty)
        let restored = try writtenAndRead(state)
        #expect(restored.changedScopes.isEmpty, "a restored state republishes everything on its first tick instead")
        _ = state.takeChangedScopes()
        #expect(restored == state)
    }

    @Test func aMemoryThatWrappedAround_forgetsTheSameKeysNextAfterARestore() throws {
        // One remembered id per key: the ring has wrapped many times by the end of the scenario.
        let policy = AnalyticsPolicy(rememberedEventsPerKey: 2, rememberedFinishedOrdersPerBuyer: 1)
        let half = Scenario.deliveries.count / 2
        var restored = try writtenAndRead(Scenario.fold(Array(Scenario.deliveries[..<half]), policy: policy))
        #expect(restored.policy == policy)
        for delivery in Scenario.deliveries[half...] { delivery.apply(to: &restored) }
        #expect(restored == Scenario.fold(policy: policy))
    }

    @Test func aCorruptedMemory_isRefused_notRestoredWrong() throws {
        let bytes = Data(try StreamingJSONEncoder().encode(Scenario.fold()))
        let text = String(decoding: bytes, as: UTF8.self)
        // Every memory claims room for one key; some hold more.
        #expect(text.contains(#""limit":1000"#))
        let corrupted = text.replacingOccurrences(of: #""limit":1000"#, with: #""limit":1"#)
        #expect(throws: DecodingError.self) {
            try WireFormat.makeDecoder().decode(AnalyticsState.self, from: Data(corrupted.utf8))
        }
    }
}
