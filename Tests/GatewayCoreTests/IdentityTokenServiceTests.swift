import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityTokenServiceTests {
    let service = IdentityTest.tokens()
    let now = IdentityTest.start

    func claims(issuedAt: Date? = nil, lifetime: TimeInterval = Claims.defaultLifetime,
                issuer: String = IdentityTest.issuer, audience: String = IdentityTest.audience) -> Claims {
        Claims(subject: .user(IdentityTest.id("usr-0001")), company: IdentityTest.id("co-buyer"),
               roles: [.purchaser, .approver], issuer: issuer, audience: audience,
               issuedAt: issuedAt ?? now, lifetime: lifetime, tokenID: "jti-1")
    }

    func verify(_ token: String, at time: Date? = nil, with verifier: TokenService? = nil) throws(TokenError) -> Claims {
        try (verifier ?? service).verify(token, now: time ?? now, expectedIssuer: IdentityTest.issuer,
                                         expectedAudience: IdentityTest.audience)
    }

    @Test func roundTrip_returnsTheIssuedClaims() throws {
        let token = try service.issue(claims())
        #expect(token.split(separator: ".").count == 3)
        let verified = try verify(token)
        #expect(verified == claims())
        #expect(verified.expiresAt == now.addingTimeInterval(15 * 60))
        #expect(verified.roles == [.purchaser, .approver])
    }

    @Test func roundTrip_ofAnAPIKeySubject() throws {
        let machine = Claims(subject: .apiKey(IdentityTest.id("key-00ff")), company: IdentityTest.id("co-buyer"),
                             roles: [.purchaser], issuer: IdentityTest.issuer, audience: IdentityTest.audience,
                             issuedAt: now, tokenID: "jti-2")
        #expect(try verify(try service.issue(machine)) == machine)
    }

    @Test func header_isHS256WithTheCurrentKeyID() throws {
        let token = try service.issue(claims())
        let header = try TokenParts(token).json(0)
        #expect(header == #"{"alg":"HS256","kid":"k1","typ":"JWT"}"#)
    }

    @Test func forgedSignature_fromAnotherSecretWithTheSameKeyID_isRefused() throws {
        let forger = IdentityTest.tokens(current: IdentityTest.key("k1", byte: 99))
        let forged = try forger.issue(claims())
        #expect(throws: TokenError.badSignature) { try verify(forged) }
    }

    @Test func tamperedPayload_isRefused() throws {
        var parts = try TokenParts(try service.issue(claims()))
        let payload = try parts.json(1).replacingOccurrences(of: #""roles":["approver","purchaser"]"#,
                                                             with: #""roles":["company-admin"]"#)
        #expect(payload.contains("company-admin"))
        parts.set(1, json: payload)
        #expect(throws: TokenError.badSignature) { try verify(parts.token) }
    }

    @Test func algNone_isRefused_evenWithoutASignature() throws {
        var parts = try TokenParts(try service.issue(claims()))
        parts.set(0, json: #"{"alg":"none","typ":"JWT"}"#)
        parts.signature = ""
        #expect(throws: TokenError.unsupportedAlgorithm("none")) { try verify(parts.token) }
    }

    @Test(arguments: ["HS512", "RS256", "hs256", "ES256", ""])
    func otherAlgorithms_areRefused(algorithm: String) throws {
        var parts = try TokenParts(try service.issue(claims()))
        parts.set(0, json: #"{"alg":"\#(algorithm)","kid":"k1","typ":"JWT"}"#)
        #expect(throws: TokenError.unsupportedAlgorithm(algorithm)) { try verify(parts.token) }
    }

    @Test func expiredToken_isRefused_afterTheLeeway() throws {
        let token = try service.issue(claims())
        let expiry = now.addingTimeInterval(15 * 60)
        #expect(try verify(token, at: expiry.addingTimeInterval(29)).tokenID == "jti-1")
        #expect(try verify(token, at: expiry.addingTimeInterval(29.999)).tokenID == "jti-1")
        #expect(throws: TokenError.expired(at: expiry)) { try verify(token, at: expiry.addingTimeInterval(30)) }
        #expect(throws: TokenError.expired(at: expiry)) { try verify(token, at: expiry.addingTimeInterval(3600)) }
    }

    @Test func zeroLeeway_expiresExactlyAtExp() throws {
        let strict = try TokenService(currentKey: IdentityTest.key("k1", byte: 1), leeway: 0)
        let token = try strict.issue(claims())
        let expiry = now.addingTimeInterval(15 * 60)
        #expect(try verify(token, at: expiry.addingTimeInterval(-1), with: strict).tokenID == "jti-1")
        #expect(throws: TokenError.expired(at: expiry)) { try verify(token, at: expiry, with: strict) }
    }

    @Test func tokenIssuedInTheFuture_isNotYetValid_beyondTheLeeway() throws {
        let issued = now.addingTimeInterval(100)
        let token = try service.issue(claims(issuedAt: issued))
        #expect(throws: TokenError.notYetValid(until: issued)) { try verify(token, at: now) }
        #expect(try verify(token, at: now.addingTimeInterval(70)).issuedAt == issued, "within 30 s of iat")
    }

    @Test func wrongAudience_isRefused() throws {
        let token = try service.issue(claims(audience: "tradeflow-admin"))
        #expect(throws: TokenError.wrongAudience("tradeflow-admin")) { try verify(token) }
    }

    @Test func wrongIssuer_isRefused() throws {
        let token = try service.issue(claims(issuer: "https://evil.example"))
        #expect(throws: TokenError.wrongIssuer("https://evil.example")) { try verify(token) }
    }

    @Test func rotatedKey_stillVerifies_whileNewTokensUseTheNewKey() throws {
        let old = IdentityTest.key("2026-10", byte: 1), new = IdentityTest.key("2026-11", byte: 2)
        let before = IdentityTest.tokens(current: old)
        let after = IdentityTest.tokens(current: new, previous: [old])
        let oldToken = try before.issue(claims())
        #expect(try verify(oldToken, with: after) == claims())
        let newToken = try after.issue(claims())
        #expect(try TokenParts(newToken).json(0).contains(#""kid":"2026-11""#))
        #expect(throws: TokenError.unknownKey("2026-11")) { try verify(newToken, with: before) }
        let retired = IdentityTest.tokens(current: new)
        #expect(throws: TokenError.unknownKey("2026-10")) { try verify(oldToken, with: retired) }
    }

    @Test(arguments: ["", "abc", "a.b", "a.b.c.d", "!!!.###.$$$", "..", "eyJhbGciOiJIUzI1NiJ9..",
                      "bm90IGpzb24.e30.AAAA", String(repeating: "A", count: 5_000)])
    func garbage_isMalformed(token: String) {
        do {
            _ = try verify(token)
            Issue.record("accepted garbage \(token.prefix(40))")
        } catch {
            guard case .malformed = error else {
                Issue.record("expected malformed for \(token.prefix(40)), got \(error)")
                return
            }
        }
    }

    @Test func headerWithoutKeyID_orWithCriticalExtensions_isMalformed() throws {
        var parts = try TokenParts(try service.issue(claims()))
        parts.set(0, json: #"{"alg":"HS256","typ":"JWT"}"#)
        #expect(throws: TokenError.malformed("header has no kid")) { try verify(parts.token) }
        parts.set(0, json: #"{"alg":"HS256","crit":["exp"],"kid":"k1","typ":"JWT"}"#)
        #expect(throws: TokenError.malformed("critical header extensions are not supported")) { try verify(parts.token) }
    }

    /// Base64url has spare bits in its last character; accepting them set would give one signature
    /// several spellings.
    @Test func signatureWithNonCanonicalEncoding_isRefused() throws {
        var parts = try TokenParts(try service.issue(claims()))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let last = parts.signature.removeLast()
        let index = try #require(alphabet.firstIndex(of: last))
        parts.signature.append(alphabet[index ^ 1])
        do {
            _ = try verify(parts.token)
            Issue.record("accepted a re-spelled signature")
        } catch {
            guard case .malformed = error else { Issue.record("expected malformed, got \(error)"); return }
        }
    }

    @Test func issue_refusesClaimsWithoutIssuerOrWithExpiryBeforeIssue() {
        #expect(throws: TokenError.cannotIssue("issuer and audience are required")) {
            try service.issue(claims(issuer: ""))
        }
        #expect(throws: TokenError.cannotIssue("expiry must be after issue time")) {
            try service.issue(claims(lifetime: 0))
        }
    }

    @Test func configuration_refusesShortSecrets_badLeeway_andDuplicateKeyIDs() {
        #expect(throws: TokenConfigurationError.secretTooShort(keyID: "k", bytes: 31, minimum: 32)) {
            try SigningKey(id: "k", secret: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: TokenConfigurationError.invalidKeyID("bad kid")) {
            try SigningKey(id: "bad kid", secret: [UInt8](repeating: 1, count: 32))
        }
        #expect(throws: TokenConfigurationError.leewayOutOfRange(seconds: 31, maximum: 30)) {
            try TokenService(currentKey: IdentityTest.key("k1", byte: 1), leeway: 31)
        }
        #expect(throws: TokenConfigurationError.duplicateKeyID("k1")) {
            try TokenService(currentKey: IdentityTest.key("k1", byte: 1), previousKeys: [IdentityTest.key("k1", byte: 2)])
        }
        #expect(String(describing: IdentityTest.key("k1", byte: 1)) == "SigningKey(k1)", "never prints the secret")
    }

    @Test func signingKey_readsBase64URLSecretsFromConfiguration() throws {
        let secret = String(repeating: "A", count: 43)  // 32 zero bytes
        #expect(try SigningKey(id: "cfg", base64URLSecret: secret).id == "cfg")
        #expect(throws: TokenConfigurationError.invalidSecretEncoding(keyID: "cfg")) {
            try SigningKey(id: "cfg", base64URLSecret: "not base64url!")
        }
    }
}

/// A token split into its three parts, for building forged variants (Foundation base64 only:
/// the tests do not rely on the code under test to forge).
struct TokenParts {
    var parts: [String]

    init(_ token: String) throws {
        parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 3)
    }

    var signature: String {
        get { parts[2] }
        set { parts[2] = newValue }
    }

    var token: String { parts.joined(separator: ".") }

    func json(_ index: Int) throws -> String {
        var text = parts[index].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return String(decoding: try #require(Data(base64Encoded: text)), as: UTF8.self)
    }

    mutating func set(_ index: Int, json: String) {
        parts[index] = Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
