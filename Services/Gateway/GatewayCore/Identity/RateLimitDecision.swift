/// The answer to one request.
public struct RateLimitDecision: Sendable, Hashable {
    public let allowed: Bool
    /// Whole seconds until a request would be allowed (the `Retry-After` header); 0 when allowed,
    /// at least 1 when not.
    public let retryAfterSeconds: Int
    /// Requests left in the bucket right now (an `X-RateLimit-Remaining` header).
    public let remaining: Int

    public init(allowed: Bool, retryAfterSeconds: Int, remaining: Int) {
        self.allowed = allowed
        self.retryAfterSeconds = retryAfterSeconds
        self.remaining = remaining
    }
}
