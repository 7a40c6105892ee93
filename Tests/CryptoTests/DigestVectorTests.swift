import Crypto
import Testing

/// Known-answer tests: FIPS 180-4 (SHA-256), RFC 4231 (HMAC-SHA256), RFC 7914 §11 / RFC 6070-style
/// vectors for PBKDF2-HMAC-SHA256 (cross-checked with Python's hashlib).
@Suite struct DigestVectorTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    private func hex(_ text: String) throws -> [UInt8] { try #require(Hex.decode(text)) }

    @Test func sha256OfABC_matchesFIPSVector() throws {
        #expect(Hex.encode(try SHA256.hash(bytes("abc")))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256OfEmptyInput_matchesFIPSVector() throws {
        #expect(try SHA256.hexDigest(ofUTF8: "")
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha256OfTwoBlockMessage_matchesFIPSVector() throws {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(try SHA256.hexDigest(ofUTF8: message)
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hmacSHA256_matchesRFC4231TestCase1() throws {
        let code = try HMACSHA256.authenticationCode(for: bytes("Hi There"), key: [UInt8](repeating: 0x0b, count: 20))
        #expect(Hex.encode(code) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func hmacSHA256_matchesRFC4231TestCase2() throws {
        let code = try HMACSHA256.authenticationCode(for: bytes("what do ya want for nothing?"), key: bytes("Jefe"))
        #expect(Hex.encode(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacSHA256_withKeyLongerThanBlock_matchesRFC4231TestCase6() throws {
        let code = try HMACSHA256.authenticationCode(
            for: bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
            key: [UInt8](repeating: 0xaa, count: 131))
        #expect(Hex.encode(code) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func hmacValidation_acceptsRightCode_andRefusesAnyFlippedBit() throws {
        let key = bytes("Jefe"), message = bytes("what do ya want for nothing?")
        let code = try HMACSHA256.authenticationCode(for: message, key: key)
        #expect(try HMACSHA256.isValid(code, for: message, key: key))
        var flipped = code
        flipped[31] ^= 0x01
        #expect(try !HMACSHA256.isValid(flipped, for: message, key: key))
        #expect(try !HMACSHA256.isValid(Array(code.prefix(16)), for: message, key: key))
    }

    @Test(arguments: [
        (1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        (2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        (4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
    ])
    func pbkdf2SHA256_ofPasswordAndSalt_matchesVector(iterations: Int, expected: String) throws {
        let key = try PBKDF2.sha256(password: bytes("password"), salt: bytes("salt"), iterations: iterations)
        #expect(Hex.encode(key) == expected)
    }

    @Test func pbkdf2SHA256_withLongInputsAnd40ByteKey_matchesVector() throws {
        let key = try PBKDF2.sha256(password: bytes("passwordPASSWORDpassword"),
                                    salt: bytes("saltSALTsaltSALTsaltSALTsaltSALTsalt"),
                                    iterations: 4096, keyByteCount: 40)
        #expect(key == (try hex("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9")))
    }

    @Test func pbkdf2_refusesZeroIterations_andOversizedKeys() {
        #expect(throws: CryptoError.self) { try PBKDF2.sha256(password: [1], salt: [2], iterations: 0) }
        #expect(throws: CryptoError.self) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: 1, keyByteCount: 0)
        }
        #expect(throws: CryptoError.self) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: PBKDF2.maximumIterations + 1)
        }
    }
}
