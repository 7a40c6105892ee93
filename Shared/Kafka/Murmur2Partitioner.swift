/// Kafka's default key partitioner (Java's `Utils.murmur2`, librdkafka's `murmur2_random` for keyed
/// records): which partition a key belongs to. Services use it to notice a record that an outside
/// producer with another partitioner put on the wrong partition for its key.
public enum Murmur2Partitioner {
    public static func partition(for key: String, partitions: Int) -> Int32 {
        Int32((murmur2(Array(key.utf8)) & 0x7fff_ffff) % UInt32(partitions))
    }

    /// Murmur2 32-bit with Kafka's seed, over the key bytes.
    public static func murmur2(_ data: [UInt8]) -> UInt32 {
        let seed: UInt32 = 0x9747_b28c
        let m: UInt32 = 0x5bd1_e995
        let r: UInt32 = 24
        var h = seed ^ UInt32(truncatingIfNeeded: data.count)
        let blocks = data.count / 4
        for index in 0..<blocks {
            let offset = index * 4
            var k = UInt32(data[offset]) | UInt32(data[offset + 1]) << 8 | UInt32(data[offset + 2]) << 16 | UInt32(data[offset + 3]) << 24
            k = k &* m
            k ^= k >> r
            k = k &* m
            h = h &* m
            h ^= k
        }
        let tail = blocks * 4
        switch data.count & 3 {
        case 3:
            h ^= UInt32(data[tail + 2]) << 16
            h ^= UInt32(data[tail + 1]) << 8
            h ^= UInt32(data[tail])
            h = h &* m
        case 2:
            h ^= UInt32(data[tail + 1]) << 8
            h ^= UInt32(data[tail])
            h = h &* m
        case 1:
            h ^= UInt32(data[tail])
            h = h &* m
        default: break
        }
        h ^= h >> 13
        h = h &* m
        h ^= h >> 15
        return h
    }
}
