import Foundation
import Testing
@testable import Contracts

/// Decode failures become dead-letter reasons; they must say exactly what is wrong.
@Suite struct WireFormatErrorTests {
    /// The receive-stock fixture with `edit` applied to its JSON object.
    private func receiveStock(_ edit: (inout [String: Any]) -> Void) throws -> [UInt8] {
        let fixture = try FixtureFiles.bytes("inventory.receive-stock.v1.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(fixture)) as? [String: Any])
        edit(&object)
        return Array(try JSONSerialization.data(withJSONObject: object))
    }

    private func failure(decoding bytes: [UInt8]) -> WireFormatError? {
        do {
            _ = try WireFormat.decode(bytes, as: InventoryCommand.self)
            return nil
        } catch {
            return error
        }
    }

    @Test func rejectsUnknownMessageType_namingTypeAndVersion() throws {
        let bytes = try receiveStock { $0["type"] = "inventory.teleport-stock" }
        let error = try #require(failure(decoding: bytes))
        #expect(error == .unknownMessageType(type: "inventory.teleport-stock", version: 1))
        #expect(error.reason == "unknown message type inventory.teleport-stock v1")
    }

    @Test func rejectsAnUnknownEnumerationValue_namingEveryAllowedOne() throws {
        struct Body: Decodable { let paymentMethod: PaymentMethod }
        do {
            _ = try WireFormat.decodeValue(Body.self, from: Array(#"{"paymentMethod":"cheque"}"#.utf8))
            Issue.record("decoded an unknown payment method")
        } catch {
            let allowed = PaymentMethod.allCases.map(\.rawValue).joined(separator: ", ")
            #expect(error.reason == "invalid value at paymentMethod: \"cheque\" is not one of \(allowed)")
        }
    }

    @Test func rejectsKnownTypeWithUnknownVersion() throws {
        let bytes = try receiveStock { $0["version"] = 2 }
        #expect(failure(decoding: bytes)?.reason == "unknown message type inventory.receive-stock v2")
    }

    @Test func rejectsMissingPayloadField_namingItsPath() throws {
        let bytes = try receiveStock { object in
            var payload = object["payload"] as? [String: Any] ?? [:]
            payload["quantity"] = nil
            object["payload"] = payload
        }
        let error = try #require(failure(decoding: bytes))
        #expect(error == .missingField(path: "payload.quantity"))
        #expect(error.reason == "missing field payload.quantity")
    }

    @Test(arguments: ["id", "type", "version", "occurredAt", "correlationId", "tenant", "key", "payload"])
    func rejectsMissingHeaderField_namingIt(_ field: String) throws {
        let bytes = try receiveStock { $0[field] = nil }
        #expect(failure(decoding: bytes)?.reason == "missing field \(field)")
    }

    @Test func acceptsAbsentCausationId_asRootMessage() throws {
        let bytes = try receiveStock { $0["causationId"] = nil }
        #expect(try WireFormat.decode(bytes, as: InventoryCommand.self).causationId == nil)
    }

    @Test func rejectsWrongFieldType_namingFieldAndExpectedType() throws {
        let bytes = try receiveStock { object in
            var payload = object["payload"] as? [String: Any] ?? [:]
            payload["quantity"] = "120"
            object["payload"] = payload
        }
        #expect(failure(decoding: bytes)?.reason == "wrong type at payload.quantity: expected integer")
    }

    @Test func rejectsNullField_namingIt() throws {
        let bytes = try receiveStock { object in
            var payload = object["payload"] as? [String: Any] ?? [:]
            payload["reference"] = NSNull()
            object["payload"] = payload
        }
        #expect(failure(decoding: bytes)?.reason == "field payload.reference is null, expected string")
    }

    @Test func rejectsInvalidIdentifier_namingFieldAndRule() throws {
        let bytes = try receiveStock { object in
            var payload = object["payload"] as? [String: Any] ?? [:]
            payload["sku"] = "SKU RED"
            object["payload"] = payload
        }
        #expect(failure(decoding: bytes)?.reason
            == "invalid value at payload.sku: invalid SKU: character at position 3 is not one of A-Z a-z 0-9 . _ : -")
    }

    /// Foundation reports these as "not valid JSON" without a path; the reason must still name the field.
    @Test(arguments: ["1.5", "1e30", "99999999999999999999", "-9223372036854775809"])
    func rejectsQuantityThatIsNotAWholeInt64_namingField(_ literal: String) throws {
        let fixture = String(decoding: try FixtureFiles.bytes("inventory.receive-stock.v1.json"), as: UTF8.self)
        let bytes = Array(fixture.replacingOccurrences(of: #""quantity":120"#, with: #""quantity":\#(literal)"#).utf8)
        #expect(failure(decoding: bytes)?.reason
            == "invalid value at payload.quantity: \(literal) is not a whole number in the 64-bit integer range")
    }

    @Test func acceptsIntegralNumberWrittenWithFraction() throws {
        let fixture = String(decoding: try FixtureFiles.bytes("inventory.receive-stock.v1.json"), as: UTF8.self)
        let bytes = Array(fixture.replacingOccurrences(of: #""quantity":120"#, with: #""quantity":120.0"#).utf8)
        #expect(try WireFormat.decode(bytes, as: InventoryCommand.self) == Samples.commands[0].1)
    }

    @Test func rejectsInvalidUTF8_namingTheByteOffset() {
        let bytes = Array(#"{"id":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(failure(decoding: bytes)?.reason == "not JSON at byte 7: invalid UTF-8")
    }

    @Test func rejectsTimestampWithoutUTCDesignator() throws {
        let bytes = try receiveStock { $0["occurredAt"] = "2026-11-22T04:00:00.000+08:00" }
        #expect(failure(decoding: bytes)?.reason == "invalid value at occurredAt: expected an ISO-8601 UTC timestamp "
            + "like 2026-11-22T04:00:00.000Z, got \"2026-11-22T04:00:00.000+08:00\"")
    }

    @Test func rejectsNonJSON_namingTheByteOffset() {
        #expect(failure(decoding: Array(#"{"id": cmd-1}"#.utf8))?.reason == "not JSON at byte 7: unexpected 'c'")
        #expect(failure(decoding: Array(#"{"id":"a" "type":"b"}"#.utf8))?.reason
            == "not JSON at byte 10: expected ',' or '}', found '\"'")
        #expect(failure(decoding: Array(#"{"id":"a","#.utf8))?.reason
            == "not JSON at byte 10: expected a string key, found end of input")
        #expect(failure(decoding: Array("GET / HTTP/1.1".utf8))?.reason == "not JSON at byte 0: unexpected 'G'")
        #expect(failure(decoding: Array("{} {}".utf8))?.reason == "not JSON at byte 3: unexpected '{' after the JSON value")
    }

    @Test func rejectsAbsurdNesting_withoutExhaustingTheStack() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(failure(decoding: bytes)?.reason == "not JSON at byte 512: nesting deeper than 512")
    }

    @Test func rejectsJSONThatIsNotAnObject() {
        #expect(failure(decoding: Array("[1,2]".utf8))?.reason == "wrong type at (envelope): expected object")
    }

    @Test func rejectsEmptyAndOversizedMessages() {
        #expect(failure(decoding: [])?.reason == "empty message")
        let big = [UInt8](repeating: UInt8(ascii: " "), count: WireFormat.maximumMessageBytes + 1)
        #expect(failure(decoding: big)
            == .tooLarge(bytes: WireFormat.maximumMessageBytes + 1, limit: WireFormat.maximumMessageBytes))
    }

    @Test func decodesHeader_whenPayloadFamilyIsUnknown() throws {
        let bytes = try receiveStock { $0["type"] = "inventory.teleport-stock" }
        let header = try WireFormat.decodeHeader(bytes)
        #expect(header.type == "inventory.teleport-stock")
        #expect(header.id.rawValue == "cmd-0001")
    }

    @Test func ignoresUnknownFields_soProducersMayAddFields() throws {
        let bytes = try receiveStock { object in
            object["priority"] = "high"
            var payload = object["payload"] as? [String: Any] ?? [:]
            payload["lotNumber"] = "LOT-9"
            object["payload"] = payload
        }
        #expect(try WireFormat.decode(bytes, as: InventoryCommand.self) == Samples.commands[0].1)
    }

    @Test func refusesToEncodeDateOutsideFourDigitYears() {
        let envelope = Envelope(id: Samples.id("m-1"), occurredAt: Date(timeIntervalSince1970: 1e12),
                                causationId: nil, correlationId: Samples.correlation, tenant: "t", key: "",
                                payload: RawFamily(messageType: "x.y", version: 1, payload: .null))
        #expect(throws: WireFormatError.unencodable(problem: "date outside the years 0000-9999 at occurredAt")) {
            try WireFormat.encode(envelope)
        }
    }
}
