/// One step around the responder: inspect or change the request, call `next` (or not, to short-circuit),
/// inspect or change the response. Every request the parser accepts passes through every middleware,
/// so a counting middleware sees all routed traffic; protocol-level rejections never reach here and
/// are reported through `HTTPServer`'s `onProtocolRejection` instead.
public protocol HTTPMiddleware: Sendable {
    func handle(_ request: HTTPRequest, next: @Sendable (HTTPRequest) async -> HTTPResponse) async -> HTTPResponse
}
