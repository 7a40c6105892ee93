import Contracts
import Foundation
import GatewayCore
import Testing

/// Merging the order partitions' parts of a desk into pages, and the cursor between them.
@Suite struct SubOrderDeskPagesTests {
    /// An entry at `position` whose order `name` was confirmed `second` seconds past 04:00 (only
    /// the id and the time matter to paging).
    static func entry(_ name: String, position: Int, second: Int) -> SubOrderDeskPart.Entry {
        let json = """
            {"order":"\(name)","buyer":"BUYER-ACME","subOrder":"\(name)-S-SUP-TEA","supplier":"SUP-TEA",
             "orderStatus":"confirmed","status":"open","placedAt":"2026-11-22T04:00:00.000Z",
             "confirmedAt":"2026-11-22T04:00:\(String(format: "%02d", second)).000Z",
             "deliveryAddress":{"name":"Dock 3","phone":"+86 21 5555 0101","region":"CN-EAST","city":"Shanghai","street":"88 Century Ave"},
             "totals":{"lineCount":1,"quantity":1,"amount":{"amount":100,"currency":"CNY"}}}
            """
        return .init(position: position, item: try! WireFormat.decodeValue(SubOrderListItem.self, from: Array(json.utf8)))
    }

    @Test func takesTheNewestOfAllPartitions_andEachGoesOnWhereItsPageEnded() throws {
        let parts = [
            SubOrderDeskPart(entries: [Self.entry("O-a9", position: 9, second: 59), Self.entry("O-a8", position: 8, second: 40)],
                             scannedTo: 8),
            SubOrderDeskPart(entries: [], scannedTo: 0),
            SubOrderDeskPart(entries: [Self.entry("O-c3", position: 3, second: 58), Self.entry("O-c2", position: 2, second: 50)],
                             scannedTo: 2),
        ]
        let page = SubOrderDeskPages.page(of: parts, limit: 2)
        #expect(page.subOrders.map(\.order.rawValue) == ["O-a9", "O-c3"])
        // Partition 0 goes on from O-a8 (not taken), 1 is done, 2 from O-c2.
        #expect(page.nextBefore == "9.0.3")
        #expect(try SubOrderDeskPages.positions(from: page.nextBefore, partitions: 3) == [9, 0, 3])

        let everything = SubOrderDeskPages.page(of: parts, limit: 10)
        #expect(everything.subOrders.map(\.order.rawValue) == ["O-a9", "O-c3", "O-c2", "O-a8"])
        #expect(everything.nextBefore == "8.0.2")
    }

    @Test func aPartitionThatLookedWithoutFinding_goesOnFromWhereItStopped_andTheLastPageHasNoCursor() {
        let stillLooking = SubOrderDeskPages.page(of: [SubOrderDeskPart(entries: [], scannedTo: 2_000),
                                                       SubOrderDeskPart(entries: [], scannedTo: 0)], limit: 20)
        #expect(stillLooking.subOrders.isEmpty && stillLooking.nextBefore == "2000.0")
        let done = SubOrderDeskPages.page(of: [SubOrderDeskPart(entries: [Self.entry("O-x", position: 0, second: 1)], scannedTo: 0),
                                               SubOrderDeskPart(entries: [], scannedTo: 0)], limit: 20)
        #expect(done.subOrders.count == 1 && done.nextBefore == nil)
    }

    @Test func oldestFirst_takesTheOldestOfAllPartitions_andEndsWhenEachReachedItsNewest() throws {
        let parts = [
            SubOrderDeskPart(entries: [Self.entry("O-a0", position: 0, second: 10), Self.entry("O-a1", position: 1, second: 40)],
                             scannedTo: 2, reachedEnd: true),
            SubOrderDeskPart(entries: [Self.entry("O-b4", position: 4, second: 20)], scannedTo: 9, reachedEnd: false),
        ]
        let page = SubOrderDeskPages.page(of: parts, limit: 2, oldestFirst: true)
        #expect(page.subOrders.map(\.order.rawValue) == ["O-a0", "O-b4"])
        #expect(page.nextBefore == "o:1.9")
        #expect(try SubOrderDeskPages.positions(from: page.nextBefore, partitions: 2, oldestFirst: true) == [1, 9])
        #expect(throws: SubOrderDeskPages.InvalidCursor.self) { try SubOrderDeskPages.positions(from: "o:1.9", partitions: 2) }
        #expect(throws: SubOrderDeskPages.InvalidCursor.self) { try SubOrderDeskPages.positions(from: "1.9", partitions: 2, oldestFirst: true) }
        // Partition 1 looked only so far: not done yet, even with nothing found.
        #expect(SubOrderDeskPages.page(of: parts, limit: 10, oldestFirst: true).nextBefore == "o:2.9")
        let done = SubOrderDeskPages.page(of: [parts[0]], limit: 10, oldestFirst: true)
        #expect(done.subOrders.count == 2 && done.nextBefore == nil)
        #expect(page.resumeBefore == nil, "only the last page says where later sub-orders start")
    }

    @Test func oldestFirst_theLastPageSaysWhereSubOrdersConfirmedLaterStart_newestFirstNever() throws {
        let parts = [
            SubOrderDeskPart(entries: [Self.entry("O-a0", position: 0, second: 10)], scannedTo: 1, reachedEnd: true),
            SubOrderDeskPart(entries: [], scannedTo: 7, reachedEnd: true),
        ]
        let last = SubOrderDeskPages.page(of: parts, limit: 10, oldestFirst: true)
        #expect(last.nextBefore == nil && last.resumeBefore == "o:1.7")
        #expect(try SubOrderDeskPages.positions(from: last.resumeBefore, partitions: 2, oldestFirst: true) == [1, 7])
        // Asked again later with it: nothing new yet gives the same cursor back.
        let nothingNew = SubOrderDeskPages.page(of: [SubOrderDeskPart(entries: [], scannedTo: 1, reachedEnd: true),
                                                     SubOrderDeskPart(entries: [], scannedTo: 7, reachedEnd: true)],
                                                limit: 10, oldestFirst: true)
        #expect(nothingNew.subOrders.isEmpty && nothingNew.resumeBefore == "o:1.7")
        let newestFirst = SubOrderDeskPages.page(of: [SubOrderDeskPart(entries: [Self.entry("O-a0", position: 0, second: 10)], scannedTo: 0),
                                                      SubOrderDeskPart(entries: [], scannedTo: 0)], limit: 10)
        #expect(newestFirst.nextBefore == nil && newestFirst.resumeBefore == nil)
    }

    @Test func aCursorNotOfThisList_isRefusedWithTheReason() throws {
        #expect(try SubOrderDeskPages.positions(from: nil, partitions: 2) == [nil, nil])
        for bad in ["1.2.3", "1", "1.x", "1.-2", "1.", "１.2", "99999999999999999999.0"] {
            #expect(throws: SubOrderDeskPages.InvalidCursor.self, "\(bad)") {
                try SubOrderDeskPages.positions(from: bad, partitions: 2)
            }
        }
    }
}

/// The desk page as CSV for shipping slips and WMS imports.
@Suite struct SubOrderDeskCSVTests {
    @Test func aPageIsAHeaderAndOneQuotedRowPerSubOrder_withCRLFLineEnds() throws {
        let json = """
            {"order":"O-9","buyer":"BUYER-ACME","subOrder":"O-9-S-SUP-TEA","supplier":"SUP-TEA","orderStatus":"confirmed",
             "status":"shipped","placedAt":"2026-11-22T04:00:00.000Z","confirmedAt":"2026-11-22T04:00:01.250Z","poNumber":"PO \\"7\\"",
             "deliveryAddress":{"name":"李伟, Dock 3","phone":"+86 21 5555 0101","region":"CN-EAST","city":"Shanghai","street":"88 Century Ave"},
             "totals":{"lineCount":2,"quantity":30,"amount":{"amount":123456,"currency":"CNY"}},
             "shipment":{"carrier":"SF Express","trackingNumber":"SF1","shippedAt":"2026-11-23T09:00:00.000Z"}}
            """
        let item = try WireFormat.decodeValue(SubOrderListItem.self, from: Array(json.utf8))
        let text = SubOrderDeskCSV.export(SubOrderPage(subOrders: [item], nextBefore: "3.0"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0] == SubOrderDeskCSV.header.joined(separator: ","))
        #expect(lines[1] == #"O-9,O-9-S-SUP-TEA,BUYER-ACME,SUP-TEA,confirmed,shipped,2026-11-22T04:00:00.000Z,2026-11-22T04:00:01.250Z,"PO ""7""","李伟, Dock 3",+86 21 5555 0101,CN-EAST,Shanghai,88 Century Ave,,2,30,1234.56,CNY,SF Express,SF1,2026-11-23T09:00:00.000Z,"#)
    }

    @Test func withLines_aPageIsOneRowPerLine_withTheSubOrdersColumnsRepeated() throws {
        let json = """
            {"order":"O-9","buyer":"BUYER-ACME","subOrder":"O-9-S-SUP-TEA","supplier":"SUP-TEA","orderStatus":"confirmed",
             "status":"open","placedAt":"2026-11-22T04:00:00.000Z","confirmedAt":"2026-11-22T04:00:01.250Z",
             "deliveryAddress":{"name":"Li","phone":"1","region":"CN-EAST","city":"Shanghai","street":"88 Century Ave"},
             "totals":{"lineCount":2,"quantity":30,"amount":{"amount":123456,"currency":"CNY"}},
             "lines":[{"line":"1","sku":"TEA-1","product":"P-TEA","quantity":10,"unitPrice":{"amount":5000,"currency":"CNY"},
                       "lineTotal":{"amount":50000,"currency":"CNY"},"allocations":[{"warehouse":"WH-SH","quantity":6},{"warehouse":"WH-BJ","quantity":4}]},
                      {"line":"2","sku":"TEA-2","product":"P-TEA","distributor":"DIST-1","quantity":20,
                       "unitPrice":{"amount":3672,"currency":"CNY"},"lineTotal":{"amount":73456,"currency":"CNY"},"allocations":[]}]}
            """
        let item = try WireFormat.decodeValue(SubOrderListItem.self, from: Array(json.utf8))
        let rows = SubOrderDeskCSV.export(SubOrderPage(subOrders: [item], nextBefore: nil), withLines: true)
            .components(separatedBy: "\r\n")
        #expect(rows.count == 4 && rows[3].isEmpty)
        #expect(rows[0] == (SubOrderDeskCSV.header + SubOrderDeskCSV.lineHeader).joined(separator: ","))
        #expect(rows[1].hasPrefix("O-9,O-9-S-SUP-TEA,BUYER-ACME,") && rows[1].hasSuffix(",1,TEA-1,P-TEA,,10,50.00,500.00,WH-SH:6 WH-BJ:4"))
        #expect(rows[2].hasSuffix(",2,TEA-2,P-TEA,DIST-1,20,36.72,734.56,"))
        // An empty page still says which columns it has.
        #expect(SubOrderDeskCSV.export(SubOrderPage(subOrders: [], nextBefore: nil), withLines: true).hasPrefix("order,subOrder,"))
    }

    /// A buyer's text that a spreadsheet would run (a name `=HYPERLINK(...)`, a PO `+cmd|calc`)
    /// is written as text; numbers, negative ones too, stay numbers.
    @Test func formulaLikeText_isWrittenAsText() {
        #expect(CSVWriter.cell(#"=HYPERLINK("http://evil.example","click")"#) == #""'=HYPERLINK(""http://evil.example"",""click"")""#)
        #expect(CSVWriter.cell("+cmd|calc") == "'+cmd|calc")
        #expect(CSVWriter.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.cell("-2+3") == "'-2+3")
        #expect(CSVWriter.cell("-12.50") == "-12.50" && CSVWriter.cell("+3") == "+3" && CSVWriter.cell("1234.56") == "1234.56")
        #expect(CSVWriter.cell("+86 21 5555-0101") == "+86 21 5555-0101" && CSVWriter.cell("+86 1+1") == "'+86 1+1")
        #expect(CSVWriter.cell("李伟") == "李伟" && CSVWriter.cell("") == "")
        #expect(CSVWriter.withoutFormulaGuard("'=1+1") == "=1+1" && CSVWriter.withoutFormulaGuard("'quoted") == "'quoted")
        // Text that starts with ' reads back whole after a round trip, as everything else does.
        for text in ["'=odd", "'quoted", "'", "''", "=x", "plain", "-12.50", "'+86 21"] {
            #expect(CSVWriter.withoutFormulaGuard(CSVWriter.cell(text)) == text, "\(text)")
        }
        #expect(CSVWriter.cell("'=odd") == "''=odd")
    }
}
