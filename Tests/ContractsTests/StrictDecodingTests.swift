import Testing
@testable import Contracts

/// Requests are decoded strictly: a field the type does not read is a mistake to report, not
/// something to drop (a misspelt optional field would otherwise change the request's meaning).
@Suite struct StrictDecodingTests {
    struct SafetyStock: Decodable, Equatable {
        let sku: String
        let warehouse: String?
        let level: Int64
    }

    struct Line: Decodable { let sku: String; let quantity: Int64 }
    struct Order: Decodable {
        let lines: [Line]
        let attributes: [String: String]?
        let note: String?
    }

    private func strictFailure<T: Decodable>(_ type: T.Type, _ json: String) -> WireFormatError? {
        do {
            _ = try WireFormat.decodeValue(type, from: Array(json.utf8), unknownFields: .refused)
            return nil
        } catch {
            return error
        }
    }

    @Test func refusesAMisspeltOptionalField_namingItAndTheFieldsThere() throws {
        let error = try #require(strictFailure(SafetyStock.self, #"{"sku":"TEA-1","warehose":"SH","level":5}"#))
        #expect(error == .unknownField(path: "warehose", known: ["level", "sku", "warehouse"]))
        #expect(error.reason == "unknown field warehose; the fields there are level, sku, warehouse")
    }

    @Test func aMisspeltRequiredField_isNamedBesideTheMissingOne() throws {
        let error = try #require(strictFailure(Order.self, #"{"lines":[{"sku":"A","quantity":1},{"sku":"B","quantiy":2}]}"#))
        #expect(error == .misspeltField(path: "lines[1].quantity", given: ["quantiy"]))
        #expect(error.reason == "missing field lines[1].quantity; a field named quantiy given instead: misspelt?")
        // Case and underscores count as near; a short name allows one slip, not two.
        #expect(strictFailure(SafetyStock.self, #"{"SKU":"TEA-1","level":5}"#) == .misspeltField(path: "sku", given: ["SKU"]))
        #expect(strictFailure(SafetyStock.self, #"{"sku":"TEA-1","lvl":5}"#) == .misspeltField(path: "level", given: ["lvl"]))
        #expect(strictFailure(SafetyStock.self, #"{"sku":"TEA-1","levle":5}"#) == .misspeltField(path: "level", given: ["levle"]))
        #expect(strictFailure(SafetyStock.self, #"{"id":"TEA-1","level":5}"#) == .missingField(path: "sku"))
        // Messages are read leniently and keep the plain error.
        #expect(throws: WireFormatError.missingField(path: "lines[1].quantity")) {
            try WireFormat.decodeValue(Order.self, from: Array(#"{"lines":[{"sku":"A","quantity":1},{"sku":"B","quantiy":2}]}"#.utf8))
        }
    }

    @Test func editDistance_countsSwapsAsOneStep() {
        func distance(_ a: String, _ b: String) -> Int {
            JSONDocument.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: 3)
        }
        #expect(distance("quantity", "quantiy") == 1)
        #expect(distance("level", "levle") == 1)
        #expect(distance("warehouse", "wearhouse") == 2)
        #expect(distance("", "abc") == 3 && distance("abc", "") == 3)
        #expect(distance("sku", "quantity") == 4, "beyond the limit: limit + 1")
    }

    @Test func ignoredMode_keepsReadingMessagesWithNewFields() throws {
        let value = try WireFormat.decodeValue(SafetyStock.self, from: Array(#"{"sku":"TEA-1","warehose":"SH","level":5}"#.utf8))
        #expect(value == SafetyStock(sku: "TEA-1", warehouse: nil, level: 5))
    }

    @Test func namesTheFullPathOfAnUnknownFieldInsideAnArray() throws {
        let json = #"{"lines":[{"sku":"A","quantity":1},{"sku":"B","quantity":2,"quantiy":3}]}"#
        let error = try #require(strictFailure(Order.self, json))
        #expect(error == .unknownField(path: "lines[1].quantiy", known: ["quantity", "sku"]))
    }

    @Test func anUnknownObjectIsReportedByItsOwnName_notByWhatIsInside() throws {
        let error = try #require(strictFailure(Order.self, #"{"lines":[],"delivery":{"city":"Shanghai"}}"#))
        #expect(error == .unknownField(path: "delivery", known: ["attributes", "lines", "note"]))
    }

    @Test func refusesAnUnknownFieldEvenWhenItIsNull() throws {
        let error = try #require(strictFailure(Order.self, #"{"lines":[],"poNumber":null}"#))
        #expect(error == .unknownField(path: "poNumber", known: ["attributes", "lines", "note"]))
    }

    @Test func acceptsKnownFieldsNullOrAbsent_andAnyKeyOfAMap() throws {
        let json = #"{"lines":[{"sku":"A","quantity":1}],"note":null,"attributes":{"colour":"green","anything":"goes"}}"#
        let order = try WireFormat.decodeValue(Order.self, from: Array(json.utf8), unknownFields: .refused)
        #expect(order.lines.count == 1)
        #expect(order.attributes == ["colour": "green", "anything": "goes"])
        #expect(order.note == nil)
    }

    @Test func refusesAFieldGivenTwice_namingIt() throws {
        let error = try #require(strictFailure(SafetyStock.self, #"{"sku":"A","level":5,"level":7}"#))
        #expect(error == .notAccepted(offset: 21, problem: "field level given twice"))
        // Read leniently, Foundation would have taken one of the two without a word.
        #expect(throws: Never.self) {
            _ = try WireFormat.decodeValue(SafetyStock.self, from: Array(#"{"sku":"A","level":5,"level":7}"#.utf8))
        }
    }

    @Test func refusesFieldNamesWithEscapesOrNonASCII() throws {
        let escaped = try #require(strictFailure(SafetyStock.self, #"{"sku":"A","lev\u0065l":5}"#))
        #expect(escaped == .notAccepted(offset: 11, problem: "a field name with an escape or a non-ASCII character"))
        let chinese = try #require(strictFailure(SafetyStock.self, #"{"sku":"A","level":5,"数量":2}"#))
        #expect(chinese == .notAccepted(offset: 21, problem: "a field name with an escape or a non-ASCII character"))
    }

    @Test func checksFieldsAlsoWhenAWholeNumberIsWrittenWithAFractionOrExponent() throws {
        let value = try WireFormat.decodeValue(SafetyStock.self, from: Array(#"{"sku":"A","level":1e2}"#.utf8), unknownFields: .refused)
        #expect(value.level == 100)
        #expect(strictFailure(SafetyStock.self, #"{"sku":"A","level":5.0,"levl":6}"#) == .unknownField(path: "levl", known: ["level", "sku", "warehouse"]))
        #expect(strictFailure(SafetyStock.self, #"{"sku":"A","level":5.5}"#) == .invalidValue(path: "level", problem: "5.5 is not a whole number in the 64-bit integer range"))
    }

    @Test func stillReportsMissingAndMistypedFieldsAsBefore() throws {
        #expect(strictFailure(SafetyStock.self, #"{"sku":"A"}"#) == .missingField(path: "level"))
        #expect(strictFailure(SafetyStock.self, #"{"sku":"A","level":"5"}"#) == .wrongType(path: "level", expected: "integer"))
    }
}
