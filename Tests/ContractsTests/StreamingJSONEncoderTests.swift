import Foundation
import Testing
@testable import Contracts

/// The streaming encoder must write what the wire encoder writes: every message sample (envelopes
/// use `superEncoder`, enums nested containers) decodes back to itself, its JSON means the same as
/// `JSONEncoder`'s, and with sorted keys (how `WireFormat` now encodes) is the same bytes.
@Suite struct StreamingJSONEncoderTests {
    @Test func everyMessageSample_streamsToTheSameJSONAsTheWire() throws {
        try expectSameAsWire(Samples.commands.map(\.1))
        try expectSameAsWire(Samples.events.map(\.1))
        try expectSameAsWire(SagaSamples.replies.map(\.1))
        try expectSameAsWire(CatalogSamples.commands.map(\.1))
        try expectSameAsWire(CatalogSamples.events.map(\.1))
        try expectSameAsWire(CatalogSamples.replies.map(\.1))
        try expectSameAsWire(IdentitySamples.events.map(\.1))
        try expectSameAsWire(NotificationSamples.commands.map(\.1))
        try expectSameAsWire(NotificationSamples.events.map(\.1))
        try expectSameAsWire(NotificationSamples.replies.map(\.1))
        try expectSameAsWire(OrderSamples.commands.map(\.1) + OrderSamples.returnCommands.map(\.1))
        try expectSameAsWire(OrderSamples.events.map(\.1) + OrderSamples.returnEvents.map(\.1))
        try expectSameAsWire(OrderSamples.replies.map(\.1) + OrderSamples.returnReplies.map(\.1))
        try expectSameAsWire(PaymentSamples.commands.map(\.1))
        try expectSameAsWire(PaymentSamples.events.map(\.1))
        try expectSameAsWire(PaymentSamples.results.map(\.1))
        try expectSameAsWire(AnalyticsSamples.snapshots.map(\.1))
        try expectSameAsWire(ShipmentFixtureTests.samples.map(\.1))
        try expectSameAsWire(Samples.allHeaderFields)
        try expectSameAsWire(Samples.money)
    }

    @Test func valuesTheWireWritesAsLiterals_streamTheSame() throws {
        try expectSameAsWire(Literals(
            date: Samples.date("2026-11-22T04:00:00.123Z"), data: Data([0, 1, 2, 250, 255]),
            url: URL(string: "https://erp.example.com/hooks/orders?x=1")!, decimal: Decimal(string: "12.345")!,
            double: 2.5, wholeDouble: 3, float: -0.25, big: UInt64.max, small: Int8.min,
            text: "quote \" backslash \\ slash / newline \n tab \t bell \u{7} 订单 é 🚚",
            missing: nil, present: "here", byNumber: [3: "c", 1: "a"], byName: ["z": [1, 2], "a": []],
            nested: [[[:]], [["k": nil]]], choice: .split(left: 1, right: "r"), nothing: Nothing()))
    }

    @Test func integersAndDatesAtTheirLimits_areByteForByteTheWire() throws {
        // Integers are written digit by digit and dates straight into the output, not as strings.
        try expectSameAsWire([Int64.min, Int64.min + 1, -1_000_000_007, -10, -9, -1, 0, 1, 9, 10, 99, 100, Int64.max])
        try expectSameAsWire([UInt64.max, UInt64(Int64.max) + 1, 0])
        try expectSameAsWire([Int8.min, Int8.max].map(Int.init) + [Int(Int32.min), Int(UInt32.max)])
        let dates = ["0000-01-01T00:00:00.000Z", "0001-02-03T04:05:06.007Z", "1969-12-31T23:59:59.999Z",
                     "1970-01-01T00:00:00.000Z", "2024-02-29T12:00:00.050Z", "9999-12-31T23:59:59.999Z"]
        try expectSameAsWire(dates.map(Samples.date))
        let tooLate = Date(timeIntervalSince1970: 253_402_300_800)  // 10000-01-01
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["at": tooLate]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["at": Date(timeIntervalSince1970: -62_167_219_201)]) }
    }

    @Test func aStringWithEveryEscape_isByteForByteTheWire() throws {
        let text = "\" \\ / \n \r \t \u{8} \u{C} \u{1} \u{1F} 秒杀 ü"
        #expect(try Data(StreamingJSONEncoder().encode([text])) == WireFormat.makeEncoder().encode([text]))
    }

    @Test func sortedKeys_followJSONEncodersOrder_digitsCaseAndNonASCIIIncluded() throws {
        let keys = ["a10", "a9", "a", "B", "b", "A", "_x", "aB", "ab", "a-b", "a_b", "z", "Z", "1", "10", "9", "",
                    "ß", "ss", "ä", "é", "x01", "x1", "x1y10", "x1y9", "订单", "🚚", "a ", "\u{1}", "\\"]
        let byKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        try expectSameAsWire(byKey)
        try expectSameAsWire([byKey, [:], ["only": 1]])
        try expectSameAsWire(["outer": byKey, "a": ["z": 1, "y": 2]])
    }

    @Test func anObjectSortedInPlace_keepsItsNestedObjectsWhole() throws {
        // Declared z, m, a: each object is rearranged when it closes, after its children were.
        let value = Unsorted(z: Unsorted.Inner(y: [["q": 1, "p": 2]], b: "b"), m: [Unsorted.Inner(y: [], b: "c")], a: 7)
        let bytes = try StreamingJSONEncoder().encode(value, keys: .sorted)
        #expect(String(decoding: bytes, as: UTF8.self)
            == #"{"a":7,"m":[{"b":"c","y":[]}],"z":{"b":"b","y":[{"p":2,"q":1}]}}"#)
        #expect(Data(bytes) == (try WireFormat.makeEncoder().encode(value)))
    }

    @Test func inDeclarationOrder_aTypesKeysStayAsDeclared_andEveryMapIsSorted() throws {
        // 40 keys: a hash order that happens to be sorted is out of the question.
        let attributes = Dictionary(uniqueKeysWithValues: (0..<40).map { (String(format: "k%02d", $0), "\($0)") })
        let value = Unsorted(z: Unsorted.Inner(y: [["q": 1, "p": 2]], b: "b"), m: [], a: 7)
        let text = String(decoding: try StreamingJSONEncoder().encode(Detail(value: value, attributes: attributes)), as: UTF8.self)
        let sortedAttributes = attributes.keys.sorted().map { "\"\($0)\":\"\(attributes[$0]!)\"" }.joined(separator: ",")
        #expect(text == #"{"value":{"z":{"y":[{"p":2,"q":1}],"b":"b"},"m":[],"a":7},"attributes":{"# + sortedAttributes + "}}")
        // Checkpoints are written in chunks, where an object may be gone before it closes: maps as they come.
        var chunks: [UInt8] = []
        try StreamingJSONEncoder().encode(attributes, chunkBytes: 64) { chunks += $0 }
        #expect(try JSONDecoder().decode([String: String].self, from: Data(chunks)) == attributes)
    }

    @Test func aKeyWrittenTwice_isRefusedSorted_andTheWireFallsBackToJSONEncoder() throws {
        #expect(throws: StreamingJSONEncoder.DuplicateKey.self) { try StreamingJSONEncoder().encode(TwiceA(), keys: .sorted) }
        #expect(try WireFormat.encodeValue(TwiceA()) == Array(WireFormat.makeEncoder().encode(TwiceA())))
    }

    @Test func aContainerUsedAfterItsParentMovedOn_throwsInsteadOfWritingWrongJSON() throws {
        #expect(throws: StreamingJSONEncoder.OutOfOrder.self) { try StreamingJSONEncoder().encode(Interleaved()) }
        #expect(throws: StreamingJSONEncoder.OutOfOrder.self) { try StreamingJSONEncoder().encode(Interleaved(), keys: .sorted) }
        // The wire still encodes it, through `JSONEncoder`.
        #expect(try WireFormat.encodeValue(Interleaved()) == Array(WireFormat.makeEncoder().encode(Interleaved())))
    }

    @Test func aTopLevelValueThatEncodesNothing_isRefusedAsByJSONEncoder() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(Nothing()) }
        #expect(throws: EncodingError.self) { try WireFormat.makeEncoder().encode(Nothing()) }
    }

    @Test func numbersJSONCannotHold_areRefused() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["x": Double.infinity]) }
    }

    @Test func aContainerAskedForTwice_isTheSameObject() throws {
        let data = try StreamingJSONEncoder().encode(TwoRequests())
        #expect(String(decoding: data, as: UTF8.self) == #"{"a":1,"b":2}"#)
    }

    @Test func inChunks_theSameBytesArriveAsInOnePiece() throws {
        let value = OrderSamples.events.map(\.1)
        let whole = try StreamingJSONEncoder().encode(value)
        var chunks: [[UInt8]] = []
        try StreamingJSONEncoder().encode(value, chunkBytes: 100) { chunks.append($0) }
        #expect(chunks.count > whole.count / 1_000)
        #expect(chunks.dropLast().allSatisfy { $0.count >= 100 })
        #expect(Array(chunks.joined()) == whole)
    }

    // MARK: helpers

    private func expectSameAsWire<Value: Codable & Equatable>(_ value: Value,
                                                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let streamed = try StreamingJSONEncoder().encode(value)
        let wire = try WireFormat.makeEncoder().encode(value)
        #expect(try WireFormat.makeDecoder().decode(Value.self, from: Data(streamed)) == value, sourceLocation: sourceLocation)
        #expect(try canonical(Data(streamed)) == canonical(wire), sourceLocation: sourceLocation)
        #expect(try Data(StreamingJSONEncoder().encode(value, keys: .sorted)) == wire, sourceLocation: sourceLocation)
        #expect(try Data(WireFormat.encodeValue(value)) == wire, sourceLocation: sourceLocation)
    }

    /// The same JSON with keys sorted: equal exactly when both documents mean the same.
    private func canonical(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: sorted, as: UTF8.self)
    }
}

private struct Literals: Codable, Equatable {
    enum Choice: Codable, Equatable {
        case split(left: Int, right: String)
        case none
    }

    let date: Date
    let data: Data
    let url: URL
    let decimal: Decimal
    let double: Double
    let wholeDouble: Double
    let float: Float
    let big: UInt64
    let small: Int8
    let text: String
    let missing: String?
    let present: String?
    let byNumber: [Int: String]
    let byName: [String: [Int]]
    let nested: [[[String: Int?]]]
    let choice: Choice
    let nothing: Nothing
}

/// Encodes no value at all: `{}` inside a document, an error at the top.
private struct Nothing: Codable, Equatable {
    func encode(to encoder: any Encoder) throws {}
    init() {}
    init(from decoder: any Decoder) throws {}
}

/// Writes to a nested container after writing the parent's next key: JSON written in order
/// cannot express that.
private struct Interleaved: Encodable {
    enum Keys: String, CodingKey { case inner, after, late }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        try container.encode(1, forKey: .after)
        try inner.encode(2, forKey: .late)
    }
}

/// Asks its encoder for the keyed container twice, as a type and its extension sometimes do.
private struct TwoRequests: Encodable {
    enum Keys: String, CodingKey { case a, b }

    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: Keys.self)
        try first.encode(1, forKey: .a)
        var second = encoder.container(keyedBy: Keys.self)
        try second.encode(2, forKey: .b)
    }
}

/// Keys declared out of order, with objects nested in objects and arrays.
/// Declared in an order that is not sorted, with a map after it.
private struct Detail: Codable, Equatable {
    let value: Unsorted
    let attributes: [String: String]
}

private struct Unsorted: Codable, Equatable {
    struct Inner: Codable, Equatable {
        let y: [[String: Int]]
        let b: String
    }

    let z: Inner
    let m: [Inner]
    let a: Int
}

/// Writes key `a` twice: `JSONEncoder` keeps the last value.
private struct TwiceA: Encodable {
    enum Keys: String, CodingKey { case a, b }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .a)
        try container.encode(2, forKey: .b)
        try container.encode(3, forKey: .a)
    }
}
