import Testing
import Foundation
@testable import Contracts

@Suite struct IdentifierTests {
    @Test(arguments: ["a", "SKU-RED-42", "ns:thing_1.2-x", "0f6c2b9e-4d1a-4b8e-9c53-1e2f3a4b5c6d",
                      String(repeating: "x", count: 128)])
    func acceptsIdentifiers_ofAllowedCharactersUpTo128(_ raw: String) throws {
        #expect(try SKU(raw).rawValue == raw)
    }

    @Test func rejectsEmptyTooLongAndForeignCharacters() {
        #expect(throws: IdentifierError(kind: "SKU", value: "", problem: "must not be empty")) { try SKU("") }
        #expect(throws: IdentifierError(kind: "order id", value: String(repeating: "x", count: 129),
                                        problem: "must be at most 128 characters, got 129")) {
            try OrderID(String(repeating: "x", count: 129))
        }
        for raw in ["has space", "a/b", "ümlaut", "tab\t", "quote\"", "emoji🙂"] {
            #expect(SKU(validating: raw) == nil, "\(raw)")
        }
    }

    @Test func encodesAsAPlainJSONString() throws {
        let sku = try SKU("SKU-1")
        #expect(try WireFormat.encodeValue([sku]) == Array(#"["SKU-1"]"#.utf8))
        #expect(try WireFormat.decodeValue([SKU].self, from: Array(#"["SKU-1"]"#.utf8)) == [sku])
    }

    @Test func encodesDictionariesKeyedByIdentifier_asJSONObjects() throws {
        let stock = [try SKU("B"): 2, try SKU("A"): 1]
        #expect(try WireFormat.encodeValue(stock) == Array(#"{"A":1,"B":2}"#.utf8))
        #expect(try WireFormat.decodeValue([SKU: Int].self, from: Array(#"{"A":1,"B":2}"#.utf8)) == stock)
    }

    /// The scheme is a wire contract: this value must never change (see `MessageID.derived`).
    /// Cross-checked with Python's hashlib.
    @Test func derivesTheSameMessageID_onEveryMachineAndRun() {
        #expect(MessageID.derived(from: "cmd-0001", "inventory.stock-received", "0").rawValue
            == "d32fe7ba40f1056cb395bbe3d1ecc39a")
        #expect(MessageID.derived(from: "cmd-0001").rawValue == "07bbba6787ba925dfc5583fc21ccd8ed")
    }

    @Test func derivedIDs_keepPartBoundaries() {
        #expect(MessageID.derived(from: "a", "bc") != MessageID.derived(from: "ab", "c"))
        #expect(MessageID.derived(from: "a", "bc").rawValue == "3bbfe8305661b7f95a096a7a1d30a030")
        #expect(MessageID.derived(from: "cmd-1", "0") != MessageID.derived(from: "cmd-1", "1"))
    }

    @Test func randomIDs_areValidAndDistinct() {
        let ids = (0..<100).map { _ in MessageID.random() }
        #expect(Set(ids).count == 100)
    }

    @Test func randomUUIDText_isAVersion4UUIDThatFoundationParses() {
        for _ in 0..<200 {
            let text = RandomUUID.lowercasedText()
            let parsed = UUID(uuidString: text)
            #expect(parsed?.uuidString.lowercased() == text)
            let characters = Array(text)
            #expect(characters.count == 36 && characters[14] == "4")
            #expect("89ab".contains(characters[19]), "RFC 4122 variant: \(text)")
            #expect(text == text.lowercased())
        }
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256_matchesFIPSVectors(_ message: String, _ digest: String) {
        let hex = SHA256.hash(Array(message.utf8)).map { String($0, radix: 16) }
            .map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == digest)
    }

    @Test func sha256_handlesMessagesSpanningSeveralBlocks() {
        // 1,000 × "a", checked against coreutils sha256sum.
        let hex = SHA256.hash(Array(repeating: UInt8(ascii: "a"), count: 1000)).map { String($0, radix: 16) }
            .map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
