import Contracts
import GatewayCore
import HTTP

extension ApiContext {
    /// The request's `Idempotency-Key`, if it sent one; a key that cannot be used is a 400.
    func idempotencyKey(_ request: HTTPRequest) throws -> String? {
        guard let key = request.headers[CommandIdempotency.header] else { return nil }
        if let problem = CommandIdempotency.problem(with: key) { throw ApiError.invalid(CommandIdempotency.header, problem) }
        return key
    }

    /// The id of a command sent with an `Idempotency-Key` (see `CommandIdempotency`); nil without
    /// one, and each request is then a command of its own.
    func commandID(_ request: HTTPRequest, by principal: Principal, _ action: String, target: [String]) throws -> MessageID? {
        guard let key = try idempotencyKey(request) else { return nil }
        return CommandIdempotency.commandID(key: key, company: principal.company, user: try userID(principal),
                                            action: action, target: target)
    }
}

extension RouteDescriptor.Parameter {
    /// The header as the API documentation describes it on the routes that take it.
    static let idempotencyKey = RouteDescriptor.Parameter(
        CommandIdempotency.header, in: .header, .string,
        "any string up to 128 characters: a retry with the same key is answered as the first request was")
}
