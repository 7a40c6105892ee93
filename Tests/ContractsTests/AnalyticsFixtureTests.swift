import Foundation
import Testing
@testable import Contracts

/// The wire format of `analytics.snapshots.v1`, which the gateway serves as is: frozen like the other
/// fixtures. A failure means bytes on Kafka would change; add a field or publish a new version.
@Suite struct AnalyticsFixtureTests {
    @Test(arguments: AnalyticsSamples.snapshots.map(\.0))
    func encodesSnapshot_byteForByteAsFixture_andDecodesBack(_ fixture: String) throws {
        let value = try #require(AnalyticsSamples.snapshots.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: AnalyticsSnapshot.self) == value)
        #expect(value.key == value.payload.scope.key)
    }

    @Test func snapshotTopic_isTypedCompactedAndKeyedByCompany() throws {
        #expect(AnalyticsSnapshot.messageTypes == ["analytics.snapshot"])
        #expect(try FixtureFiles.names().contains("analytics.snapshot.v1.json"))
        let topic = Topics.analyticsSnapshots
        #expect(topic.name == "analytics.snapshots.v1" && topic.cleanup == .compact && topic.keyedBy == .companyId)
        #expect(AnalyticsScope.platform.key == "platform")
        #expect(AnalyticsRole.allCases.sorted() == [.buyer, .supplier, .distributor, .platform])
    }

    @Test func unknownScopeKind_isADeadLetterReasonNamingTheKind() throws {
        let text = String(decoding: try FixtureFiles.bytes("analytics.snapshot.v1.platform-empty.json"), as: UTF8.self)
            .replacingOccurrences(of: #""kind":"platform""#, with: #""kind":"galaxy""#)
        let error = #expect(throws: WireFormatError.self) {
            try WireFormat.decode(Array(text.utf8), as: AnalyticsSnapshot.self)
        }
        #expect(error?.reason.contains("unknown analytics scope \"galaxy\"") == true, "\(String(describing: error))")
    }
}
