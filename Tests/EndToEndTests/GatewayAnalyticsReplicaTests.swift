import Contracts
import Foundation
@testable import GatewayService
import Testing

/// The gateway keeps dashboard records as bytes and parses one when it is first read.
@Suite struct GatewayAnalyticsReplicaTests {
    func record(_ snapshot: AnalyticsSnapshot, id: String) throws -> [UInt8] {
        let envelope = Envelope<AnalyticsSnapshot>(id: MessageID(validating: id)!, occurredAt: snapshot.asOf, causationId: nil,
                                                   correlationId: CorrelationID(validating: id)!, tenant: "tradeflow",
                                                   key: snapshot.key, payload: snapshot)
        return try WireFormat.encode(envelope)
    }

    func snapshot(at seconds: Double) -> AnalyticsSnapshot {
        AnalyticsSnapshot(scope: .platform, asOf: Date(timeIntervalSince1970: 1_800_000_000 + seconds), windows: .standard,
                          views: [])
    }

    @Test func theNewestRecordOfAKey_isServed_olderNewsIsIgnored() throws {
        let state = GatewayState()
        #expect(state.analytics(.platform) == nil)
        state.keepAnalytics(key: "platform", offset: 5, record: try record(snapshot(at: 5), id: "s-5"))
        state.keepAnalytics(key: "platform", offset: 3, record: try record(snapshot(at: 3), id: "s-3"))
        #expect(state.analytics(.platform) == snapshot(at: 5))
        state.keepAnalytics(key: "platform", offset: 9, record: try record(snapshot(at: 9), id: "s-9"))
        #expect(state.analytics(.platform) == snapshot(at: 9))
    }

    @Test func aRecordThatDoesNotParse_leavesThePreviousSnapshotInPlace() throws {
        let state = GatewayState()
        state.keepAnalytics(key: "platform", offset: 1, record: try record(snapshot(at: 1), id: "s-1"))
        #expect(state.analytics(.platform) == snapshot(at: 1))
        state.keepAnalytics(key: "platform", offset: 2, record: Array("not json".utf8))
        #expect(state.analytics(.platform) == snapshot(at: 1))
    }
}
