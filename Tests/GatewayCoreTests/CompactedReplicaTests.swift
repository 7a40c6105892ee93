import GatewayCore
import Testing

@Test func laterRecordReplacesEarlierOne_underTheSameKey() {
    var replica = CompactedReplica<String>()
    replica.apply(key: "p1", value: "v1", partition: 0, offset: 0)
    replica.apply(key: "p1", value: "v2", partition: 0, offset: 1)
    #expect(replica["p1"] == "v2")
    #expect(replica.count == 1)
}

@Test func tombstoneDeletesTheKey() {
    var replica = CompactedReplica<String>()
    replica.apply(key: "p1", value: "v1", partition: 0, offset: 0)
    replica.apply(key: "p1", value: nil, partition: 0, offset: 1)
    #expect(replica["p1"] == nil)
    #expect(replica.count == 0)
}

@Test func replayedRecord_isSkipped_andStateUnchanged() {
    var replica = CompactedReplica<String>()
    replica.apply(key: "p1", value: "v1", partition: 0, offset: 5)
    replica.apply(key: "p1", value: "v2", partition: 0, offset: 6)
    let replayed = replica.apply(key: "p1", value: "v1", partition: 0, offset: 5)
    #expect(!replayed)
    #expect(replica["p1"] == "v2")
    let otherPartition = replica.apply(key: "p2", value: "x", partition: 1, offset: 0)
    #expect(otherPartition, "offsets are tracked per partition")
}
