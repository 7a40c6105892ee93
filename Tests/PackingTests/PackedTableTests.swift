import Contracts
import Packing
import Testing

@Suite struct PackedTableTests {
    /// A ticket is quiet once closed; its summary is whether it is open.
    private struct Ticket: TableValue, Equatable {
        var title: String
        var closed: Bool
        var isQuiet: Bool { closed }
        var tableSummary: Bool { !closed }
    }

    private typealias Tickets = PackedTable<String, Ticket>

    @Test func keepsQuietValuesPacked_andReadsThemBack() {
        var table = Tickets()
        table["a"] = Ticket(title: "open one", closed: false)
        table["b"] = Ticket(title: "closed one", closed: true)
        #expect(table.count == 2 && table.packedCount == 1)
        #expect(table["b"] == Ticket(title: "closed one", closed: true))
        #expect(table["a"]?.title == "open one")
        #expect(Set(table.summaries.filter(\.summary).map(\.key)) == ["a"])
        #expect(table.summary(of: "b") == false)
    }

    @Test func storedKey_isTheTablesOwnCopyOfAnEqualKey() throws {
        func address(_ text: String) -> UInt {
            var text = text
            return text.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        }
        var table = Tickets()
        let key = String(repeating: "O-20261122-", count: 3)  // long enough to live on the heap
        table[key] = Ticket(title: "t", closed: true)
        let equal = String(repeating: "O-20261122-", count: 3)
        let stored = try #require(table.storedKey(equalTo: equal))
        #expect(stored == equal && address(stored) == address(key) && address(stored) != address(equal))
        #expect(table.storedKey(equalTo: "O-missing") == nil)
    }

    @Test func settingAndRemoving_keepThePackedCount() {
        var table = Tickets()
        table["a"] = Ticket(title: "t", closed: true)
        table["a"]?.closed = false
        #expect(table.packedCount == 0 && table["a"]?.closed == false)
        table["a"]?.closed = true
        #expect(table.packedCount == 1)
        table["a"] = nil
        #expect(table.isEmpty && table.packedCount == 0)
    }

    @Test func modify_repacksAChangedValue_andReportsNoneForAMissingKey() {
        var table = Tickets()
        table["a"] = Ticket(title: "t", closed: true)
        #expect(table.modify("a") { ticket in
            ticket.title = "renamed"
            return true
        } == true)
        #expect(table["a"]?.title == "renamed" && table.packedCount == 1)
        #expect(table.modify("a") { _ in false } == false)
        #expect(table.modify("missing") { _ in true } == nil)
    }

    @Test func equalByContent_andSurvivesACheckpoint() throws {
        var packed = Tickets()
        packed["a"] = Ticket(title: "t", closed: true)
        packed["b"] = Ticket(title: "u", closed: false)
        var other = Tickets()
        other["b"] = Ticket(title: "u", closed: false)
        other["a"] = Ticket(title: "t", closed: false)
        #expect(packed != other)
        other["a"]?.closed = true
        #expect(packed == other)
        let read = try WireFormat.decodeValue(Tickets.self, from: WireFormat.encodeValue(packed))
        #expect(read == packed && read.packedCount == 1)
    }
}
