import Foundation
import GatewayCore
import Runtime

/// Tokens whose signature was already checked, by their exact text, so a busy client's every
/// request does not pay for HMAC and JSON decoding again. Only the signature check is cached:
/// expiry is checked on every use, and the directory is consulted on every request (a revoked
/// key or deactivated user stops at once). Bounded: cleared when full.
final class VerifiedTokens: Sendable {
    private let entries = Locked<[String: Claims]>([:])
    private let capacity: Int

    init(capacity: Int = 50_000) { self.capacity = capacity }

    func claims(for token: String, now: Date, verify: () throws -> Claims) throws -> Claims {
        if let cached = entries.withLock({ $0[token] }), cached.expiresAt > now { return cached }
        let claims = try verify()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = claims
        }
        return claims
    }
}
