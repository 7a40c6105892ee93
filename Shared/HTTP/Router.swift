/// Routes requests by method and path pattern. Patterns are `/`-separated literals and `{name}`
/// captures: `/v1/orders/{id}` matches `/v1/orders/42` with `pathParameters["id"] == "42"`.
/// Literal segments win over captures (`/v1/orders/search` beats `/v1/orders/{id}`), and empty
/// segments are ignored, so a trailing slash does not matter.
///
/// Unknown path -> 404, known path but no handler for the method -> 405 with `Allow`, both with the
/// JSON error body. HEAD without its own handler runs the GET handler and drops the body, keeping the
/// GET body's length in `Content-Length` as RFC 9110 §9.3.2 asks.
public struct Router: HTTPResponder {
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private var root = RouteNode()

    public init() {}

    public mutating func on(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(RouteSegment.init)
        root.insert(segments[...], method: method, handler: handler)
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { on(.GET, pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { on(.POST, pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping Handler) { on(.PUT, pattern, handler) }
    public mutating func patch(_ pattern: String, _ handler: @escaping Handler) { on(.PATCH, pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { on(.DELETE, pattern, handler) }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let segments = RequestTarget.segments(of: request.target).map { segment in
            segment.utf8.contains(ASCII.percent) ? Substring(PercentDecoding.decode(segment, plusAsSpace: false)) : segment
        }
        var matches: [RouteMatch] = []
        var captured: [(String, Substring)] = []
        root.collectMatches(segments[...], captured: &captured, into: &matches)
        guard !matches.isEmpty else {
            return .error(.notFound, code: "not-found", message: "no route for \(request.method) \(request.path)")
        }
        for match in matches {
            if let handler = match.handlers[request.method] {
                return await handler(match.apply(to: request))
            }
        }
        if request.method == .HEAD {
            for match in matches {
                if let handler = match.handlers[.GET] {
                    var response = await handler(match.apply(to: request))
                    if !response.status.forbidsBody {
                        response.headers.replaceOrAdd("Content-Length", String(response.body.count))
                    }
                    response.body = []
                    return response
                }
            }
        }
        var allowed = Set(matches.flatMap(\.handlers.keys))
        if allowed.contains(.GET) {
            allowed.insert(.HEAD)
        }
        var response = HTTPResponse.error(
            .methodNotAllowed, code: "method-not-allowed",
            message: "\(request.method) is not allowed for \(request.path)")
        response.headers.add("Allow", allowed.map(\.rawValue).sorted().joined(separator: ", "))
        return response
    }
}
