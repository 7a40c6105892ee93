import Contracts
import Packing
import Testing

@Suite struct PackedLogTests {
    private struct Line: Packable, Equatable {
        let number: Int
        let text: String
    }

    private static func lines(_ count: Int) -> [Line] {
        (0..<count).map { Line(number: $0, text: "line \($0) of the log") }
    }

    @Test func packsFullBlocks_andWalksEveryElementInOrder() {
        var log = PackedLog<Line>(blockSize: 4)
        for line in Self.lines(10) { log.append(line) }
        #expect(log.count == 10 && log.packedCount == 8)
        #expect(Array(log) == Self.lines(10))
        #expect(log.filter { $0.number.isMultiple(of: 3) }.map(\.number) == [0, 3, 6, 9])
    }

    @Test func anEmptyLog_hasNothingToWalk() {
        let log = PackedLog<Line>()
        #expect(log.isEmpty && log.count == 0 && Array(log).isEmpty)
    }

    @Test func equalByElements_howeverEachSideKeepsThem() {
        var small = PackedLog<Line>(blockSize: 2)
        var large = PackedLog<Line>(blockSize: 100)
        for line in Self.lines(5) {
            small.append(line)
            large.append(line)
        }
        #expect(small.packedCount == 4 && large.packedCount == 0)
        #expect(small == large)
        large.append(Line(number: 5, text: "one more"))
        #expect(small != large)
    }

    @Test func survivesACheckpoint_withBlocksLeftPacked() throws {
        var log = PackedLog<Line>(blockSize: 3)
        for line in Self.lines(7) { log.append(line) }
        let json = try WireFormat.encodeValue(log)
        let read = try WireFormat.decodeValue(PackedLog<Line>.self, from: json)
        #expect(read == log && read.packedCount == 6 && read.blockSize == 3)
        // The packed text is not in the checkpoint as JSON; the tail is.
        let text = String(decoding: json, as: UTF8.self)
        #expect(!text.contains("line 0 of the log") && text.contains("line 6 of the log"))
        var grown = read
        grown.append(Line(number: 7, text: "after the restart"))
        #expect(grown.count == 8 && Array(grown).last?.text == "after the restart")
    }

    @Test func aCheckpointWithAZeroBlockSize_isRefused() {
        let json = Array(#"{"blockSize":0,"packedCount":0,"blocks":[],"tail":[]}"#.utf8)
        let error = #expect(throws: (any Error).self) { try WireFormat.decodeValue(PackedLog<Line>.self, from: json) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("blockSize"))
    }
}
