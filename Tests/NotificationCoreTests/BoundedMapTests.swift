@testable import NotificationCore
import Testing

@Suite struct BoundedMapTests {
    @Test func beyondItsLimit_forgetsTheOldestKeys() {
        var map = BoundedMap<String, Int>(limit: 3)
        for (index, key) in ["a", "b", "c", "d"].enumerated() { map[key] = index }
        #expect(map["a"] == nil)
        #expect(map["b"] == 1 && map["d"] == 3)
        #expect(map.count == 3)
    }

    /// Orders end long before the limit is reached: the keys they leave behind must not pile up
    /// (they did, one per order relayed, and were carried into every checkpoint).
    @Test func keysRemovedOneByOne_doNotPileUpInTheInsertionOrder() {
        var map = BoundedMap<Int, Int>(limit: 1_000)
        for key in 0..<100_000 {
            map[key] = key
            if key >= 10 { map[key - 10] = nil }
        }
        #expect(map.count == 10)
        #expect(map.orderLength <= 2 * 64 + 10, "insertion order holds \(map.orderLength) keys for 10 live ones")
        // The oldest live key is still the first forgotten.
        for key in 100_000..<100_990 { map[key] = key }
        #expect(map.count == 1_000)
        map[200_000] = 0
        #expect(map[99_990] == nil && map[99_991] == 99_991)
    }

    @Test func aKeyRemovedAndAddedAgain_isOrderedByItsLatestInsertion() {
        var map = BoundedMap<String, Int>(limit: 3)   // a, b and one filler at a time
        map["a"] = 1
        map["b"] = 2
        map["a"] = nil
        map["a"] = 3
        for filler in 0..<200 {   // enough removals to compact
            map["x\(filler)"] = filler
            map["x\(filler)"] = nil
        }
        map["c"] = 4
        map["d"] = 5
        #expect(map["b"] == nil, "b is now the oldest")
        #expect(map["a"] == 3 && map["c"] == 4 && map["d"] == 5)
    }
}
