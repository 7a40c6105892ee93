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

    /// `tokens[i]` is the current token of `usernames[i]`, issued with `lifetime` seconds to live.
    init(gateway: SocketAddress, password: String, usernames: [String], tokens: [String], lifetime: Int) {
        precondition(usernames.count == tokens.count, "one token per user")
        client = DemoClient(gateway: gateway)
        self.password = password
        self.usernames = usernames
        self.tokens = Locked(tokens)
        self.lifetime = lifetime
    }

    var count: Int { usernames.count }

    func token(_ index: Int) -> String { tokens.withLock { $0[index] } }

    var all: [String] { tokens.withLock { $0 } }

    /// Signs the users in again one after another, each once per third of a token's lifetime (as
    /// the gateway states it, at most every 5 minutes), until the task is cancelled. The sign-ins
    /// are spread over that interval instead of made at once: each costs the gateway a password
    /// hash (~50 ms of CPU), and a hundred of them at the start of a run would be measured as
    /// load. A sign-in that fails keeps the old token, still valid for a while, and is tried next round.
    func keepSignedIn() -> Task<Void, Never> {
        Task { [client, password, usernames, tokens, lifetime] in
            guard !usernames.isEmpty else { return }
            var interval = Self.refreshInterval(lifetime: lifetime)
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
