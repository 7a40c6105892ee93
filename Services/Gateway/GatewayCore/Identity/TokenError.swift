import Foundation

/// Why a token was not accepted (or could not be issued). Every verification case means HTTP 401
/// for the caller (except `cryptographyFailed`: 500); the distinctions are for logs and tests, and
/// `reason` is safe to show.
public enum TokenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not three base64url parts, not JSON, a claim missing or of the wrong type, too long.
    case malformed(String)
    /// `alg` is anything but HS256, including "none", "HS512" and "RS256".
    case unsupportedAlgorithm(String)
    /// The header names a key this service does not have (rotated out, or never ours).
    case unknownKey(String)
    /// The signature does not match the header and payload.
    case badSignature
    /// `exp` (plus leeway) has passed.
    case expired(at: Date)
    /// `iat` or `nbf` lies in the future (beyond the leeway).
    case notYetValid(until: Date)
    case wrongAudience(String)
    case wrongIssuer(String)
    /// The claims cannot be issued (no issuer or audience, expiry not after issue time).
    case cannotIssue(String)
    /// libcrypto failed (allocation failure); answer 500 rather than 401.
    case cryptographyFailed(String)

    public var reason: String {
        switch self {
        case let .malformed(problem): "malformed token: \(problem)"
        case let .unsupportedAlgorithm(algorithm): "unsupported token algorithm \"\(algorithm)\""
        case let .unknownKey(id): "token signed with unknown key \"\(id)\""
        case .badSignature: "token signature does not match"
        case let .expired(at): "token expired at \(at.formatted(.iso8601))"
        case let .notYetValid(until): "token not valid before \(until.formatted(.iso8601))"
        case let .wrongAudience(audience): "token is for audience \"\(audience)\""
        case let .wrongIssuer(issuer): "token was issued by \"\(issuer)\""
        case let .cannotIssue(problem): "cannot issue token: \(problem)"
        case let .cryptographyFailed(problem): "token cryptography failed: \(problem)"
        }
    }

    public var description: String { reason }
}
