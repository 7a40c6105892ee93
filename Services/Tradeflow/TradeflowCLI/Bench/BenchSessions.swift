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

    /// `tokens[i]` is the current token of `usernames[i]`.
    init(gateway: SocketAddress, password: String, usernames: [String], tokens: [String]) {
        precondition(usernames.count == tokens.count, "one token per user")
        client = DemoClient(gateway: gateway)
        self.password = password
        self.usernames = usernames
        self.tokens = Locked(tokens)
    }

    var count: Int { usernames.count }

    func token(_ index: Int) -> String { tokens.withLock { $0[index] } }

    var all: [String] { tokens.withLock { $0 } }

    /// Signs every user in again, at once and then every third of a token's lifetime (as the
    /// gateway states it, at most every 5 minutes), until the task is cancelled. A sign-in that
    /// fails keeps the old token, still valid for a while, and is tried next round.
    func keepSignedIn() -> Task<Void, Never> {
        Task { [client, password, usernames, tokens] in
            var interval = Duration.seconds(300)
            while !Task.isCancelled {
                for (index, username) in usernames.enumerated() where !Task.isCancelled {
                    guard let signed = try? await client.signIn(username, password: password, waitingUpTo: .seconds(10)) else { continue }
                    tokens.withLock { $0[index] = signed.accessToken }
                    interval = min(.seconds(300), .seconds(max(signed.expiresIn / 3, 1)))
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
