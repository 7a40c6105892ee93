import Foundation

/// Failed sign-ins per account: after `maximumFailures` within `window`, the account takes no
/// more attempts, right or wrong, until the window since the first of them has passed. The
/// general rate limit alone let a guesser try hundreds of passwords a second; this one bounds a
/// guesser to `maximumFailures` per window per account. A success clears the count. At most
/// `maximumAccounts` are remembered (the oldest dropped first), so a flood of invented names
/// cannot grow memory.
public struct SignInGuard: Sendable {
    public let maximumFailures: Int
    public let window: TimeInterval
    public let maximumAccounts: Int
    private var failures: [String: (count: Int, since: Date)] = [:]
    private var order: [String] = []

    public init(maximumFailures: Int = 5, window: TimeInterval = 15 * 60, maximumAccounts: Int = 100_000) {
        self.maximumFailures = maximumFailures
        self.window = window
        self.maximumAccounts = maximumAccounts
    }

    /// Seconds until `account` may try again; nil when it may now.
    public func retryAfter(_ account: String, now: Date) -> Int? {
        guard let entry = failures[account], entry.count >= maximumFailures else { return nil }
        let left = entry.since.addingTimeInterval(window).timeIntervalSince(now)
        return left > 0 ? Int(left.rounded(.up)) : nil
    }

    public mutating func failed(_ account: String, now: Date) {
        if let entry = failures[account], now.timeIntervalSince(entry.since) < window {
            failures[account] = (entry.count + 1, entry.since)
            return
        }
        if failures[account] == nil {
            order.append(account)
            if order.count > maximumAccounts { failures[order.removeFirst()] = nil }
        }
        failures[account] = (1, now)
    }

    public mutating func succeeded(_ account: String) {
        guard failures.removeValue(forKey: account) != nil else { return }
        order.removeAll { $0 == account }
    }
}
