import Contracts
import Testing

/// The CSV reader shared by the catalog import and the quick order.
@Suite struct CSVReaderTests {
    @Test func quotedCells_keepSeparatorsAndQuotes_andRecordsKnowTheirLine() {
        let records = CSVReader.records("sku,name\r\n\"A-1\",\"Tea, \"\"green\"\"\"\n\nB-2 , plain \n")
        #expect(records.map(\.cells) == [["sku", "name"], ["A-1", "Tea, \"green\""], ["B-2", "plain"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func otherSeparators_asSpreadsheetsPasteThem() {
        let separators: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        let records = CSVReader.records("\"A-1\";\"1,000\"\nB-2\t10\n", separators: separators)
        #expect(records.map(\.cells) == [["A-1", "1,000"], ["B-2", "10"]])
        #expect(CSVReader.records("A;1").map(\.cells) == [["A;1"]], "only commas unless told")
    }

    @Test func anUnclosedQuote_isAProblemOfItsRecord() {
        let records = CSVReader.records("A,1\n\"B,2\n")
        #expect(records.count == 2)
        #expect(records[1].problem == "the quoted cell opened on line 2 is never closed")
    }
}

/// Free text people type: line breaks and tabs pass, other control characters are named.
@Suite struct FreeTextTests {
    @Test func controlCharacters_butLineBreaksAndTabs_areNamed() {
        #expect(FreeText.controlCharacter(in: "kiln broke\ndown\tagain\r\n") == nil)
        #expect(FreeText.controlCharacter(in: "窑炉故障 🚀") == nil)
        #expect(FreeText.controlCharacter(in: "bad\u{1B}[31m") == "U+001B")
        #expect(FreeText.controlCharacter(in: "nul\u{0}") == "U+0000")
        #expect(FreeText.controlCharacter(in: "del\u{7F}") == "U+007F")
    }
}
