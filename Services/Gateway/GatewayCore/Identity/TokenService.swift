import Contracts
import Crypto
import Foundation

/// Issues and verifies JWT-style bearer tokens signed with HMAC-SHA256 (JWS compact form:
/// `base64url(header).base64url(payload).base64url(signature)`).
///
/// Only HS256 is accepted, whatever the header says: "none", HS512, RS256 (the classic key
/// confusion attack) are refused before any signature work. The signature is checked before the
/// payload is parsed, and compared in constant time.
///
/// Rotation: tokens are signed with `currentKey`; `previousKeys` still verify, so a new key can be
/// rolled out and the old one dropped after one token lifetime (15 minutes).
public struct TokenService: Sendable {
    /// Longest clock skew tolerated between gateway instances.
    public static let maximumLeeway: TimeInterval = 30
    /// Longer tokens are refused unread (a token is a header line; ours are ~400 bytes).
    public static let maximumTokenBytes = 4096

    public let currentKey: SigningKey
    public let previousKeys: [SigningKey]
    public let leeway: TimeInterval
    private let keysByID: [String: SigningKey]

    public init(currentKey: SigningKey, previousKeys: [SigningKey] = [],
                leeway: TimeInterval = TokenService.maximumLeeway) throws(TokenConfigurationError) {
        guard leeway >= 0, leeway <= Self.maximumLeeway else {
            throw .leewayOutOfRange(seconds: leeway, maximum: Self.maximumLeeway)
        }
        var keysByID: [String: SigningKey] = [:]
        for key in [currentKey] + previousKeys {
            guard keysByID.updateValue(key, forKey: key.id) == nil else { throw .duplicateKeyID(key.id) }
        }
        self.currentKey = currentKey
        self.previousKeys = previousKeys
        self.leeway = leeway
        self.keysByID = keysByID
    }

    /// The signed token for `claims`, with `kid` = the current key's id.
    public func issue(_ claims: Claims) throws(TokenError) -> String {
        guard !claims.issuer.isEmpty, !claims.audience.isEmpty else { throw .cannotIssue("issuer and audience are required") }
        guard claims.expiresAt > claims.issuedAt else { throw .cannotIssue("expiry must be after issue time") }
        guard (1...128).contains(claims.tokenID.utf8.count) else { throw .cannotIssue("token id must be 1...128 bytes") }
        let header = TokenWire.Header(alg: TokenWire.algorithm, typ: "JWT", kid: currentKey.id, crit: nil)
        let encoder = TokenWire.encoder()
        let signingInput: String
        do {
            signingInput = Base64URL.encode(Array(try encoder.encode(header))) + "."
                + Base64URL.encode(Array(try encoder.encode(TokenWire.payload(of: claims))))
        } catch {
            throw .cannotIssue("cannot encode claims: \(error)")
        }
        do {
            let signature = try HMACSHA256.authenticationCode(for: Array(signingInput.utf8), key: currentKey.secret)
            return signingInput + "." + Base64URL.encode(signature)
        } catch {
            throw .cryptographyFailed(error.description)
        }
    }

    /// The claims of `token` if it is well-formed, signed by one of our keys, issued by
    /// `expectedIssuer` for `expectedAudience`, and valid at `now` (± `leeway`).
    public func verify(_ token: String, now: Date, expectedIssuer: String, expectedAudience: String)
        throws(TokenError) -> Claims {
        let bytes = Array(token.utf8)
        guard bytes.count <= Self.maximumTokenBytes else {
            throw .malformed("longer than \(Self.maximumTokenBytes) bytes")
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("expected 3 dot-separated parts, got \(parts.count)") }

        let header: TokenWire.Header = try Self.decodeJSON(parts[0], part: "header")
        guard let algorithm = header.alg else { throw .malformed("header has no alg") }
        guard algorithm == TokenWire.algorithm else { throw .unsupportedAlgorithm(algorithm) }
        if let type = header.typ, type.uppercased() != "JWT" { throw .malformed("typ \"\(type)\" is not JWT") }
        guard header.crit == nil else { throw .malformed("critical header extensions are not supported") }
        guard let keyID = header.kid else { throw .malformed("header has no kid") }
        guard let key = keysByID[keyID] else { throw .unknownKey(keyID) }

        let signature = try Self.decodeBase64URL(parts[2], part: "signature")
        let signingInput = Array(bytes[parts[0].startIndex..<parts[1].endIndex])
        let valid: Bool
        do {
            valid = try HMACSHA256.isValid(signature, for: signingInput, key: key.secret)
        } catch {
            throw .cryptographyFailed(error.description)
        }
        guard valid else { throw .badSignature }

        let payload: TokenWire.Payload = try Self.decodeJSON(parts[1], part: "payload")
        let claims = try TokenWire.claims(of: payload, expectedAudience: expectedAudience)
        guard payload.iss == expectedIssuer else { throw .wrongIssuer(payload.iss) }
        guard payload.aud.values.contains(expectedAudience) else {
            throw .wrongAudience(payload.aud.values.joined(separator: ", "))
        }
        let nowSeconds = now.timeIntervalSince1970
        guard nowSeconds < TimeInterval(payload.exp) + leeway else { throw .expired(at: claims.expiresAt) }
        let notBefore = max(payload.iat, payload.nbf ?? payload.iat)
        guard TimeInterval(notBefore) <= nowSeconds + leeway else {
            throw .notYetValid(until: Date(timeIntervalSince1970: TimeInterval(notBefore)))
        }
        return claims
    }

    private static func decodeBase64URL(_ text: ArraySlice<UInt8>, part name: String) throws(TokenError) -> [UInt8] {
        do {
            return try Base64URL.decode(String(decoding: text, as: UTF8.self))
        } catch {
            throw .malformed("\(name) is not base64url (\(error))")
        }
    }

    private static func decodeJSON<T: Decodable>(_ text: ArraySlice<UInt8>, part name: String) throws(TokenError) -> T {
        let bytes = try decodeBase64URL(text, part: name)
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw .malformed("\(name) is not the expected JSON object")
        }
    }
}
