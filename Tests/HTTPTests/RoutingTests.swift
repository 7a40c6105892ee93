import Foundation
import Testing
@testable import HTTP

/// Router, middleware and the value types, without a server.
@Suite struct RoutingTests {
    static func request(_ method: HTTPMethod, _ target: String) -> HTTPRequest {
        HTTPRequest(method: method, target: target)
    }

    @Test func literalSegmentsWinOverCaptures() async {
        var router = Router()
        router.get("/v1/orders/{id}") { .text("id=\($0.pathParameters["id"] ?? "")") }
        router.get("/v1/orders/search") { _ in .text("search") }
        router.get("/v1/orders/{id}/lines/{line}") { .text("\($0.pathParameters["id"]!)/\($0.pathParameters["line"]!)") }
        #expect(await router.respond(to: Self.request(.GET, "/v1/orders/search")).body == Array("search".utf8))
        #expect(await router.respond(to: Self.request(.GET, "/v1/orders/a%2Fb?x=1")).body == Array("id=a/b".utf8))
        #expect(await router.respond(to: Self.request(.GET, "/v1/orders/7/lines/2/")).body == Array("7/2".utf8))
    }

    @Test func unknownPathIs404AndWrongMethodIs405() async {
        var router = Router()
        router.get("/items") { _ in .text("list") }
        router.post("/items") { _ in .text("created", status: .created) }
        let missing = await router.respond(to: Self.request(.GET, "/nothing"))
        #expect(missing.status == .notFound)
        let wrong = await router.respond(to: Self.request(.DELETE, "/items"))
        #expect(wrong.status == .methodNotAllowed)
        #expect(wrong.headers["allow"] == "GET, HEAD, POST")
        #expect(String(decoding: wrong.body, as: UTF8.self).contains(#""code":"method-not-allowed""#))
    }

    @Test func headFallsBackToGetWithoutBody() async {
        var router = Router()
        router.get("/doc") { _ in .text("twelve bytes") }
        let response = await router.respond(to: Self.request(.HEAD, "/doc"))
        #expect(response.status == .ok)
        #expect(response.body.isEmpty)
        #expect(response.headers["Content-Length"] == "12")
    }

    @Test func queryDecodingKeepsOrderAndFirstValueWins() {
        let request = Self.request(.GET, "/p%20q?a=1&b=x+y&a=2&c&d=%E2%82%AC")
        #expect(request.path == "/p q")
        #expect(request.query["a"] == "1")
        #expect(request.query["b"] == "x y")
        #expect(request.query["c"] == "")
        #expect(request.query["d"] == "€")
        #expect(request.query["e"] == nil)
        #expect(Self.request(.GET, "/p").queryItems.isEmpty)
        #expect(request.queryItems.map(\.name) == ["a", "b", "a", "c", "d"])
    }

    @Test func middlewareRunsOutermostFirstAndCanShortCircuit() async {
        struct Tag: HTTPMiddleware {
            let name: String
            func handle(_ request: HTTPRequest, next: @Sendable (HTTPRequest) async -> HTTPResponse) async -> HTTPResponse {
                var request = request
                request.headers.add("X-Trail", name)
                var response = await next(request)
                response.headers.add("X-Out", name)
                return response
            }
        }
        struct Deny: HTTPMiddleware {
            func handle(_ request: HTTPRequest, next: @Sendable (HTTPRequest) async -> HTTPResponse) async -> HTTPResponse {
                request.headers["Authorization"] == nil ? .error(.unauthorized, code: "unauthorized", message: "no token") : await next(request)
            }
        }
        var router = Router()
        router.get("/x") { .text($0.headers.values("X-Trail").joined(separator: ",")) }
        let chain = MiddlewareChain([Tag(name: "a"), Tag(name: "b")], responder: router)
        let response = await chain.respond(to: Self.request(.GET, "/x"))
        #expect(response.body == Array("a,b".utf8))
        #expect(response.headers.values("x-out") == ["b", "a"])
        let denied = await MiddlewareChain([Deny()], responder: router).respond(to: Self.request(.GET, "/x"))
        #expect(denied.status == .unauthorized)
    }

    @Test func errorBodyShapeAndEscaping() {
        let plain = HTTPResponse.error(.conflict, code: "stale", message: "version \"3\" is old")
        #expect(String(decoding: plain.body, as: UTF8.self) == #"{"error":{"code":"stale","message":"version \"3\" is old"}}"#)
        let field = HTTPResponse.error(.unprocessableEntity, code: "invalid", message: "line\nbreak", field: "qty")
        #expect(String(decoding: field.body, as: UTF8.self) == #"{"error":{"code":"invalid","message":"line\nbreak","field":"qty"}}"#)
        #expect(field.headers["content-type"] == "application/json")
        #expect(HTTPResponse.json(["k": 1]).body == Array(#"{"k":1}"#.utf8))
    }

    @Test func headersAreCaseInsensitiveAndOrdered() {
        var headers: HTTPHeaders = ["Set-Cookie": "a", "Content-Type": "text/plain"]
        headers.add("set-cookie", "b")
        #expect(headers["SET-COOKIE"] == "a")
        #expect(headers.values("Set-Cookie") == ["a", "b"])
        headers.replaceOrAdd("SET-cookie", "c")
        #expect(headers.values("set-cookie") == ["c"])
        headers.remove("content-type")
        #expect(headers.map(\.name) == ["Set-Cookie"])
    }

    @Test func serializerOwnsFramingAndDropsUnsafeHeaders() {
        var response = HTTPResponse.text("hi")
        response.headers.add("Content-Length", "999")
        response.headers.add("Transfer-Encoding", "chunked")
        response.headers.add("X-Evil", "a\r\nInjected: yes")
        var out: [UInt8] = []
        let framing = ResponseSerializer.Framing(isHeadRequest: false, close: true, announceKeepAlive: false)
        ResponseSerializer.write(response, framing: framing, date: Array("Date: D\r\n".utf8), into: &out)
        #expect(String(decoding: out, as: UTF8.self) ==
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nDate: D\r\nConnection: close\r\n\r\nhi")

        var empty: [UInt8] = []
        ResponseSerializer.write(HTTPResponse(status: .noContent, body: Array("x".utf8)), framing: framing,
                                 date: [], into: &empty)
        #expect(String(decoding: empty, as: UTF8.self) == "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
    }

    @Test func dateHeaderIsIMFFixdate() {
        #expect(HTTPDateCache.format(784_111_777) == Array("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8))
    }
}
