import Kafka
import Testing

struct PartitionKeysTests {
    @Test(arguments: [1, 6, 12, 24])
    func covering_givesOneKeyLandingOnEachPartition(_ partitions: Int) {
        let keys = PartitionKeys.covering(partitions: partitions, prefix: "statement-")
        #expect(keys.count == partitions)
        #expect(keys.enumerated().allSatisfy { index, key in
            Murmur2Partitioner.partition(for: key, partitions: partitions) == Int32(index)
        })
        #expect(keys == PartitionKeys.covering(partitions: partitions, prefix: "statement-"), "deterministic")
    }
}
