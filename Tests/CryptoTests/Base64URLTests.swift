import Crypto
import Testing

@Suite struct Base64URLTests {
    /// RFC 4648 §10 vectors, without padding.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func encodesRFC4648Vectors_withoutPadding(plain: String, encoded: String) throws {
        #expect(Base64URL.encode(utf8: plain) == encoded)
        #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func usesURLSafeAlphabet_forEveryByteValue() throws {
        let all = (0...255).map { UInt8($0) }
        let text = Base64URL.encode(all)
        #expect(!text.contains("+") && !text.contains("/") && !text.contains("="))
        #expect(text.hasSuffix("-_w"))
        #expect(try Base64URL.decode(text) == all)
    }

    @Test func decode_refusesPaddingAndForeignCharacters() {
        #expect(throws: Base64URLError.invalidCharacter(offset: 2)) { try Base64URL.decode("Zg==") }
        #expect(throws: Base64URLError.invalidCharacter(offset: 2)) { try Base64URL.decode("Zm+v") }
        #expect(throws: Base64URLError.invalidCharacter(offset: 1)) { try Base64URL.decode("Z m9") }
    }

    @Test func decode_refusesImpossibleLength_andNonCanonicalTrailingBits() {
        #expect(throws: Base64URLError.invalidLength(5)) { try Base64URL.decode("Zm9vY") }
        // "Zh" carries the same byte as "Zg" but with a non-zero unused bit.
        #expect(throws: Base64URLError.nonCanonical) { try Base64URL.decode("Zh") }
    }
}
