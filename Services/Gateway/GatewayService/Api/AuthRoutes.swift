import Contracts
import Foundation
import GatewayCore
import HTTP

/// `POST /v1/auth/token`: username + password, or an API key, for a short-lived bearer token.
enum AuthRoutes {
    struct TokenRequest: Decodable {
        let username: String?
        let password: String?
        let apiKey: String?
    }

    struct TokenResponse: Encodable {
        let accessToken: String
        let tokenType: String
        let expiresIn: Int
        let company: CompanyID
        let roles: [String]
    }

    static func install(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("POST", "/v1/auth/token", operationId: "issueToken",
                                summary: "Exchange username and password, or an API key (tfk_...), for a bearer token",
                                tag: "auth", access: .anonymous, requestBody: .ref("TokenRequest"),
                                responses: [.init(200, "a signed token", .ref("TokenResponse")),
                                            .init(401, "invalid credentials"), .init(429, "too many attempts, or 5 failed sign-ins of the account within 15 minutes")])) { request in
            let body = try request.body(TokenRequest.self)
            // Each attempt costs a deliberate ~50 ms of hashing: limit guessing per account and per
            // client. An account is named whatever the case of the username, as sign-in matches it.
            let account = body.username.map { "user:\(Directory.accountName($0))" } ?? body.apiKey.map { "key:\($0.prefix(24))" } ?? "-"
            try context.rateLimit(key: "login:\(account)")
            try context.rateLimit(key: "login-from:\(request.remoteAddress.split(separator: ":").first ?? "")")
            if let wait = context.signIns.withLock({ $0.retryAfter(account, now: Date()) }) {
                throw ApiError(.tooManyRequests, "sign-in-locked",
                               "too many failed sign-ins for this account; try again in \(wait) s")
                    .with(header: ("Retry-After", String(wait)))
            }
            let claims: Claims
            do {
                // A copy (copy-on-write, no real copying): the slow hash runs outside the lock.
                let directory = context.state.directory.withLock { $0 }
                claims = try {
                    if let apiKey = body.apiKey {
                        return try context.authenticator.login(apiKey: apiKey, in: directory, now: Date(),
                                                               tokenID: MessageID.random().rawValue)
                    }
                    guard let username = body.username else { throw ApiError.invalid("username", "send username and password, or apiKey") }
                    guard let password = body.password else { throw ApiError.invalid("password", "password is required") }
                    return try context.authenticator.login(username: username, password: password, in: directory, now: Date(),
                                                           tokenID: MessageID.random().rawValue)
                }()
            } catch let error as ApiError {
                throw error
            } catch {
                // Only an account that exists has a password to guess; counting unknown names too
                // would lock out a client that signs in while its new user is still on its way.
                if case AuthenticationError.invalidCredentials = error, exists(account: body, in: context.state.directory.withLock { $0 }) {
                    context.signIns.withLock { $0.failed(account, now: Date()) }
                }
                throw ApiError(.unauthorized, "invalid-credentials", "\(error)")
            }
            context.signIns.withLock { $0.succeeded(account) }
            let token = try context.authenticator.tokens.issue(claims)
            return json(TokenResponse(accessToken: token, tokenType: "Bearer",
                                      expiresIn: Int(claims.expiresAt.timeIntervalSince(claims.issuedAt)),
                                      company: claims.company, roles: claims.roles.map(\.rawValue).sorted()))
        }
    }

    private static func exists(account body: TokenRequest, in directory: Directory) -> Bool {
        if let username = body.username { return directory.user(named: username) != nil }
        guard let key = body.apiKey, let credential = APIKeyCredential(parsing: key) else { return false }
        return directory.apiKey(credential.id) != nil
    }

    static let schemas: [String: Schema] = [
        "TokenRequest": .object([.init("username", .string, required: false), .init("password", .string, required: false),
                                 .init("apiKey", .string(description: "tfk_<id>_<secret>"), required: false)]),
        "TokenResponse": .object([.init("accessToken", .string), .init("tokenType", .enumeration(["Bearer"])),
                                  .init("expiresIn", .integer(description: "seconds")), .init("company", .string),
                                  .init("roles", .array(.string))]),
    ]
}
