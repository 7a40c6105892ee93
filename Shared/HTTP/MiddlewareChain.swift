/// Runs middlewares in array order (the first one is outermost) around a responder.
public struct MiddlewareChain: HTTPResponder {
    private let middlewares: [any HTTPMiddleware]
    private let responder: any HTTPResponder

    public init(_ middlewares: [any HTTPMiddleware], responder: any HTTPResponder) {
        self.middlewares = middlewares
        self.responder = responder
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await run(request, from: 0)
    }

    /// Recursion by index instead of pre-built nested closures: nothing is allocated up front and
    /// the chain stays a plain value.
    private func run(_ request: HTTPRequest, from index: Int) async -> HTTPResponse {
        guard index < middlewares.count else {
            return await responder.respond(to: request)
        }
        return await middlewares[index].handle(request) { next in
            await self.run(next, from: index + 1)
        }
    }
}
