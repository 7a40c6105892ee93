import Runtime

/// Generates hostile requests for the gateway, deterministically from a seed. Every case that
/// could change state (a POST with a body) is invalid by construction, so a run that changes an
/// order or a stock figure has found a bug, not a lucky valid request.
public struct FuzzCorpus: Sendable {
    public let target: FuzzTarget
    public let seed: UInt64

    public init(target: FuzzTarget, seed: UInt64) {
        self.target = target
        self.seed = seed
    }

    /// The case families, in the order a run cycles through them (so even a short run covers all).
    public static let kinds = [
        "request-line", "huge-header", "many-headers", "long-uri", "oversized-body", "deep-nesting",
        "wrong-types", "invalid-utf8", "unicode", "quantity", "price-fields", "unknown-fields",
        "broken-json", "unknown-route", "wrong-method", "bad-token", "bad-framing",
    ]

    /// `count` cases: case `i` is of family `kinds[i % kinds.count]`, its details drawn from the seed.
    public func cases(count: Int) -> [FuzzCase] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in make(Self.kinds[index % Self.kinds.count], &random) }
    }

    func make(_ kind: String, _ random: inout SeededRandom) -> FuzzCase {
        switch kind {
        case "request-line": return requestLine(&random)
        case "huge-header":
            let value = String(repeating: "x", count: Int.random(in: 17_000...40_000, using: &random))
            return FuzzCase(kind: kind, bytes: request("GET", "/v1/products", headers: [("X-Fuzz", value)]), expectation: .rejected)
        case "many-headers":
            let headers = (0..<Int.random(in: 101...400, using: &random)).map { ("X-Fuzz-\($0)", "v") }
            return FuzzCase(kind: kind, bytes: request("GET", "/v1/products", headers: headers), expectation: .rejected)
        case "long-uri":
            let path = "/v1/products?q=" + String(repeating: "a", count: Int.random(in: 9_000...30_000, using: &random))
            return FuzzCase(kind: kind, bytes: request("GET", path), expectation: .rejected)
        case "oversized-body":
            // Declares more than the limit and sends a little: the gateway must refuse on the header.
            let declared = target.maxBodyBytes + Int.random(in: 1...(64 << 20), using: &random)
            return FuzzCase(kind: kind, bytes: request("POST", "/v1/orders", headers: [("Content-Type", "application/json"),
                                                                                      ("Content-Length", "\(declared)")],
                                                     body: Array(repeating: UInt8(ascii: "["), count: 1024), contentLength: false),
                            expectation: .rejected)
        case "deep-nesting": return deepNesting(&random)
        case "wrong-types", "quantity", "price-fields", "unknown-fields", "broken-json", "invalid-utf8":
            return orderBody(kind, &random)
        case "unicode": return unicode(&random)
        case "unknown-route":
            let paths = ["/v1/nope", "/v1/../../etc/passwd", "/%00", "//", "/v1/orders/%ff%fe", "/v1/orders/" + String(repeating: "../", count: 50),
                         "/v2/orders", "/v1/products/%E2%80%AE%00x", "*", "http://evil.example/v1/orders"]
            let path = paths.randomElement(using: &random)!
            // The absolute form names a real route (RFC 9112 3.2.2: servers must accept it): any non-5xx.
            return FuzzCase(kind: kind, bytes: request("GET", path, authorized: true),
                            expectation: path.hasPrefix("http://") ? .answered : .rejected)
        case "wrong-method":
            let methods = ["DELETE", "PATCH", "TRACE", "CONNECT", "PUT", "FOO", "get", "POST"]
            let paths = ["/v1/products", "/v1/orders/O-unknown", "/v1/categories", "/health/ready", "/v1/openapi.json"]
            let method = methods.randomElement(using: &random)!
            let path = paths.randomElement(using: &random)!
            // A POST to a GET-only route; every other method is unknown or not routed.
            return FuzzCase(kind: kind, bytes: request(method, path, authorized: true, body: method == "POST" ? Array("{}".utf8) : []),
                            expectation: .rejected)
        case "bad-token": return badToken(&random)
        default: return badFraming(&random)
        }
    }

    /// A complete HTTP/1.1 request. `authorized` adds the buyer's token; `contentLength: false`
    /// leaves framing to the caller's headers.
    func request(_ method: String, _ target: String, headers: [(String, String)] = [], authorized: Bool = false,
                 body: [UInt8] = [], contentLength: Bool = true) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(self.target.host)\r\n"
        if authorized { head += "Authorization: Bearer \(self.target.token)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if contentLength && (!body.isEmpty || method == "POST") { head += "Content-Length: \(body.count)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    func jsonPost(_ path: String, _ body: [UInt8]) -> [UInt8] {
        request("POST", path, headers: [("Content-Type", "application/json")], authorized: true, body: body)
    }
}
