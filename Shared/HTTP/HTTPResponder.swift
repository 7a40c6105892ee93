/// Anything that turns a request into a response: a `Router`, a `MiddlewareChain`, or a test double.
/// Handlers cannot fail: errors are responses (see `HTTPResponse.error`), so the server never has to
/// guess a status for a thrown error.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}
