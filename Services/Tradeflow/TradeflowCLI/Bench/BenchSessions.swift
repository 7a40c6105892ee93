import Foundation
import HTTP
import Runtime

/// The bench's signed-in users and their access tokens. Tokens live 15 minutes by default
/// (`TRADEFLOW_TOKEN_TTL_SECONDS`) and a soak runs for longer, so while a run lasts every user is
/// signed in again well before its token expires and requests always carry a valid token.
final class BenchSessions: Sendable {
    private let client: DemoClient
    private let password: String
    private let usernames: [String]
    private let tokens: Locked<[String]>
    private let lifetime: Int
    /// No token given to `init` was obtained before this.
    private let obtained: ContinuousClock.Instant

    /// `tokens[i]` is the current token of `usernames[i]`, issued with `lifetime` seconds to live
    /// at `obtained` or later.
    init(gateway: SocketAddress, password: String, usernames: [String], tokens: [String], lifetime: Int,
         obtained: ContinuousClock.Instant) {
        precondition(usernames.count == tokens.count, "one token per user")
        client = DemoClient(gateway: gateway)
        self.password = password
        self.usernames = usernames
        self.tokens = Locked(tokens)
        self.lifetime = lifetime
        self.obtained = obtained
    }

    var count: Int { usernames.count }

    func token(_ index: Int) -> String { tokens.withLock { $0[index] } }

    var all: [String] { tokens.withLock { $0 } }

    /// Signs the users in again one after another, each once per third of a token's lifetime (as
    /// the gateway states it, at most every 5 minutes), until the task is cancelled. The first
    /// round starts when the tokens setup obtained are a third of their lifetime old (a dealer
    /// signs in once and works with the token), and each round spreads its sign-ins over the
    /// interval instead of making them at once: each costs the gateway a password hash (~50-100 ms
    /// of CPU), so a run shorter than that third measures no sign-ins, and a soak measures them at
    /// the rate its users need. A sign-in that fails keeps the old token, still valid for a while,
    /// and is tried next round.
    func keepSignedIn() -> Task<Void, Never> {
        Task { [client, password, usernames, tokens, lifetime, obtained] in
            guard !usernames.isEmpty else { return }
            var interval = Self.refreshInterval(lifetime: lifetime)
            try? await Task.sleep(until: obtained + interval)
            while !Task.isCancelled {
                for (index, username) in usernames.enumerated() where !Task.isCancelled {
                    try? await Task.sleep(for: interval / usernames.count)
                    guard !Task.isCancelled,
                          let signed = try? await client.signIn(username, password: password, waitingUpTo: .seconds(10)) else { continue }
                    tokens.withLock { $0[index] = signed.accessToken }
                    interval = min(interval, Self.refreshInterval(lifetime: signed.expiresIn))
                }
            }
        }
    }

    /// How often each token is replaced: a third of its lifetime, at least every second and at
    /// most every 5 minutes.
    static func refreshInterval(lifetime: Int) -> Duration {
        min(.seconds(300), .seconds(max(lifetime / 3, 1)))
    }
}
