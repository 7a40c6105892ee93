import Foundation
import Testing
@testable import Contracts

/// The wire's fast decoding path must give exactly what Foundation's `JSONDecoder` gives, or step
/// aside: every fixture is read by the fast path itself, edge cases are compared one by one, and
/// thousands of generated and mutated documents are decoded both ways.
@Suite struct IndexedJSONDecoderTests {
    /// The fast path alone, without the fallback.
    static func fast<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) -> T? {
        bytes.withUnsafeBufferPointer { IndexedJSONDecoder.decodeIfSupported(T.self, from: $0) }
    }

    /// Foundation alone, with the wire's error reasons.
    static func foundation<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) -> Result<T, WireFormatError> {
        Result { () throws(WireFormatError) -> T in
            do {
                return try WireFormat.makeDecoder().decode(T.self, from: Data(bytes))
            } catch {
                throw WireFormatError(decodingFailure: error, in: bytes)
            }
        }
    }

    static func wire<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) -> Result<T, WireFormatError> {
        Result { () throws(WireFormatError) -> T in try WireFormat.decodeValue(T.self, from: bytes) }
    }

    func expectFastPathReads<Message: MessageFamily & Equatable>(_ samples: [(String, Envelope<Message>)]) throws {
        for (fixture, expected) in samples {
            let bytes = try FixtureFiles.bytes(fixture)
            #expect(Self.fast(Envelope<Message>.self, bytes) == expected, "\(fixture)")
            #expect(Self.fast(EnvelopeHeader.self, bytes) == expected.header, "\(fixture) header")
        }
    }

    @Test func readsEveryFixture_itselfAndToTheExpectedValue() throws {
        try expectFastPathReads(Samples.commands)
        try expectFastPathReads(Samples.events)
        try expectFastPathReads(OrderSamples.commands + OrderSamples.returnCommands)
        try expectFastPathReads(OrderSamples.events + OrderSamples.returnEvents)
        try expectFastPathReads(OrderSamples.replies + OrderSamples.returnReplies)
        try expectFastPathReads(PaymentSamples.commands)
        try expectFastPathReads(PaymentSamples.events)
        try expectFastPathReads(PaymentSamples.results)
        try expectFastPathReads(CatalogSamples.commands)
        try expectFastPathReads(CatalogSamples.events)
        try expectFastPathReads(CatalogSamples.replies)
        try expectFastPathReads(NotificationSamples.commands)
        try expectFastPathReads(NotificationSamples.events)
        try expectFastPathReads(NotificationSamples.replies)
        try expectFastPathReads(IdentitySamples.events)
        try expectFastPathReads(AnalyticsSamples.snapshots)
        try expectFastPathReads(ShipmentFixtureTests.samples)
    }

    @Test func readsAnyFixtureAsRawJSON_likeFoundation() throws {
        for name in try FixtureFiles.names() where name != "money.examples.json" {
            let bytes = try FixtureFiles.bytes(name)
            let fast = try #require(Self.fast(Envelope<RawFamily>.self, bytes), "\(name)")
            #expect(Self.foundation(Envelope<RawFamily>.self, bytes) == .success(fast), "\(name)")
        }
    }

    /// Documents the fast path reads itself, with Foundation's result.
    @Test(arguments: [
        #"{"a":"x\n\"\\\/\b\f\r\t\u00e9\ud83d\ude00"}"#,
        " { \"b\" : [ 1 , -2 , 0 ] ,\n\t\"a\" : null } ",
        #"{"name":"龙井 250g","note":"€ 5"}"#,
        #"[-9223372036854775808,9223372036854775807,0,-0]"#,
        #"[1.5,-0.25,1e-3,2.25E+1,"1.0"]"#,
        #"[true,false,null,{},[],""]"#,
        #"{"z":1,"a":2,"m":{"k":[{"x":"y"}]}}"#,
    ])
    func readsValidJSON_exactlyAsFoundation(_ text: String) throws {
        let bytes = Array(text.utf8)
        let fast = try #require(Self.fast(JSONValue.self, bytes))
        #expect(Self.foundation(JSONValue.self, bytes) == .success(fast))
    }

    /// Documents the fast path leaves to Foundation (invalid, or read differently by Foundation).
    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"\u0061":1}"#, #"{"é":1}"#, #""\ud83d""#, #""\udc00x""#, "\"\u{01}\"", "01", "1.", ".5", "+1",
        "-", "1.0", "1e2", "[1]x", "[1,]", #"{"a":1,}"#, "nul", "NaN", "1e400", #""\x""#, #""\u12G4""#,
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ])
    func leavesToFoundation_whatItCannotVouchFor(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.fast(JSONValue.self, bytes) == nil)
        #expect(Self.wire(JSONValue.self, bytes) == Self.foundation(JSONValue.self, bytes))
    }

    @Test func refusesInvalidUTF8_andLeavesItToFoundation() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xE0, 0x80, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
                               [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xFF, 0x22], [0x22, 0xE4, 0xB8, 0x22]] {
            #expect(Self.fast(String.self, bytes) == nil)
            #expect(Self.wire(String.self, bytes) == Self.foundation(String.self, bytes))
        }
    }

    /// A `try?` inside an `init(from:)` must not turn a refusal into a different value: "1.0" is
    /// an integer for Foundation, so JSONValue's Int64 attempt must not silently fall to Double.
    @Test func refusalInsideATryQuestionMark_stillHandsTheWholeDecodeToFoundation() throws {
        let bytes = Array("1.0".utf8)
        #expect(Self.fast(JSONValue.self, bytes) == nil)
        #expect(try WireFormat.decodeValue(JSONValue.self, from: bytes) == .integer(1))
    }

    @Test func errorsNameTheFieldAsFoundationDoes() throws {
        let fixture = try FixtureFiles.bytes("order.placed.v1.json")
        var text = String(decoding: fixture, as: UTF8.self)
        text = text.replacingOccurrences(of: #""quantity":"#, with: #""quantity":"x","was":"#)
        let bytes = Array(text.utf8)
        #expect(Self.fast(Envelope<OrderEvent>.self, bytes) == nil)
        let result = Self.wire(Envelope<OrderEvent>.self, bytes)
        #expect(result == Self.foundation(Envelope<OrderEvent>.self, bytes))
        guard case let .failure(.wrongType(path, expected)) = result else {
            Issue.record("expected a wrong-type error, got \(result)")
            return
        }
        #expect(path.hasPrefix("payload.lines[0].quantity") && expected == "integer")
    }

    @Test func largeObjects_findEveryMember() throws {
        var object: [String: JSONValue] = [:]
        for index in 0..<200 { object["key-\(index)"] = .integer(Int64(index)) }
        let bytes = try WireFormat.encodeValue(JSONValue.object(object))
        #expect(Self.fast([String: Int64].self, bytes) == object.mapValues { value -> Int64 in
            guard case let .integer(number) = value else { return -1 }
            return number
        })
    }

    /// Generated documents (random shapes, whitespace and escapes) and byte-level mutations of every
    /// fixture: the wire's answer (fast path or fallback) is always Foundation's.
    @Test func agreesWithFoundation_onGeneratedAndMutatedDocuments() throws {
        var random = SplitMix(seed: 20261123)
        var readByFastPath = 0
        for _ in 0..<1_500 {
            let bytes = Array(JSONGenerator.document(&random).utf8)
            if Self.fast(JSONValue.self, bytes) != nil { readByFastPath += 1 }
            #expect(Self.wire(JSONValue.self, bytes) == Self.foundation(JSONValue.self, bytes),
                    "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(readByFastPath > 1_000)
        let fixtures = try FixtureFiles.names().filter { $0.hasPrefix("order.") || $0.hasPrefix("inventory.") }
        let replacements = Array(#"{}[],:"\-.e0 a"#.utf8) + [0x80, 0xFF, 0xE4]
        for name in fixtures {
            let original = try FixtureFiles.bytes(name)
            for _ in 0..<20 {
                var bytes = original
                let index = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[index] = replacements[Int(random.next() % UInt64(replacements.count))]
                case 1: bytes.remove(at: index)
                default: bytes.insert(replacements[Int(random.next() % UInt64(replacements.count))], at: index)
                }
                #expect(Self.wire(Envelope<RawFamily>.self, bytes) == Self.foundation(Envelope<RawFamily>.self, bytes), "\(name)")
                if name.hasPrefix("order.") && !name.contains("reply") {
                    #expect(Self.wire(Envelope<OrderEvent>.self, bytes) == Self.foundation(Envelope<OrderEvent>.self, bytes), "\(name)")
                }
            }
        }
    }
}

/// A small deterministic random source (SplitMix64), so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Random JSON text: nested objects and arrays, every scalar kind, escapes, optional whitespace.
enum JSONGenerator {
    static func document(_ random: inout SplitMix) -> String {
        value(&random, depth: 0)
    }

    private static func value(_ random: inout SplitMix, depth: Int) -> String {
        let space = random.next() % 4 == 0 ? " " : ""
        switch random.next() % (depth > 3 ? 6 : 8) {
        case 0: return "null"
        case 1: return random.next() % 2 == 0 ? "true" : "false"
        case 2: return String(Int64(bitPattern: random.next()) >> (random.next() % 64))
        case 3: return ["0.5", "-12.75", "3e5", "1E-2", "-0", "0", "1.0", "123456789012345678901"][Int(random.next() % 8)]
        case 4, 5: return string(&random)
        case 6:
            let count = Int(random.next() % 4)
            return "[" + space + (0..<count).map { _ in value(&random, depth: depth + 1) }.joined(separator: "," + space) + "]"
        default:
            let count = Int(random.next() % 5)
            let members = (0..<count).map { index in
                "\"k\(random.next() % 6)\(index)\"" + space + ":" + space + value(&random, depth: depth + 1)
            }
            return "{" + space + members.joined(separator: ",") + space + "}"
        }
    }

    private static func string(_ random: inout SplitMix) -> String {
        let pieces = ["a", "Z", "9", " ", "茶", "€", "😀", #"\n"#, #"\""#, #"\\"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\/"#, "-"]
        let count = Int(random.next() % 6)
        return "\"" + (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() + "\""
    }
}
