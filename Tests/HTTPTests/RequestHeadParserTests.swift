import Testing
@testable import HTTP

/// The parser on its own: no sockets, microseconds per test.
@Suite struct RequestHeadParserTests {
    static let limits = RequestHeadParser.Limits(maxHeaderBytes: 1024, maxHeaderCount: 8, maxRequestLineBytes: 256,
                                                 maxBodyBytes: 100)

    /// Feeds `text` in chunks of `chunk` bytes, the way it may arrive from the network.
    static func parse(_ text: String, chunk: Int = .max) -> RequestHeadParser.Result {
        var parser = RequestHeadParser(limits: limits)
        let bytes = Array(text.utf8)
        var end = 0
        var result = RequestHeadParser.Result.needMore
        while end < bytes.count {
            end = min(bytes.count, end + chunk)
            result = bytes[0..<end].withUnsafeBufferPointer { parser.parse($0) }
            if case .needMore = result { continue }
            return result
        }
        return result
    }

    static func head(_ text: String, chunk: Int = .max) throws -> (RequestHead, Int) {
        guard case .head(let head, let length) = parse(text, chunk: chunk) else {
            Issue.record("expected a head for \(text.debugDescription), got \(parse(text, chunk: chunk))")
            throw CancellationError()
        }
        return (head, length)
    }

    static func failure(_ text: String) -> ProtocolError? {
        if case .failure(let error) = parse(text) { return error }
        return nil
    }

    @Test(arguments: [1, 3, 7, 1000])
    func parsesTheSameHeadWhateverTheChunking(chunk: Int) throws {
        let text = "POST /v1/orders?x=1 HTTP/1.1\r\nHost: api\r\nContent-Length: 12\r\nX-Trace: a b\r\n\r\n{\"sku\":\"AB\"}"
        let (head, length) = try Self.head(text, chunk: chunk)
        #expect(head.method == .POST)
        #expect(head.target == "/v1/orders?x=1")
        #expect(head.contentLength == 12)
        #expect(head.keepAlive)
        #expect(head.headers["x-trace"] == "a b")
        #expect(head.headers["HOST"] == "api")
        #expect(length == text.utf8.count - 12)
    }

    @Test func needsMoreUntilTheBlankLine() {
        guard case .needMore = Self.parse("GET / HTTP/1.1\r\nHost: a\r\n") else {
            Issue.record("a head without its blank line is incomplete")
            return
        }
    }

    @Test func persistenceFollowsVersionAndConnectionHeader() throws {
        #expect(try Self.head("GET / HTTP/1.1\r\nHost: a\r\n\r\n").0.keepAlive)
        #expect(try !Self.head("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, CLOSE\r\n\r\n").0.keepAlive)
        #expect(try !Self.head("GET / HTTP/1.0\r\n\r\n").0.keepAlive)
        #expect(try Self.head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").0.keepAlive)
    }

    @Test func expectContinueOnlyCountsForHTTP11() throws {
        #expect(try Self.head("PUT / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n").0.expectsContinue)
        #expect(try !Self.head("PUT / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n").0.expectsContinue)
    }

    @Test func repeatedEqualContentLengthsAreAccepted() throws {
        #expect(try Self.head("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\nContent-Length: 7, 7\r\n\r\n").0.contentLength == 7)
    }

    @Test func acceptsAbsoluteFormAndAsteriskForOptions() throws {
        #expect(try Self.head("GET http://api/v1/x?y HTTP/1.1\r\nHost: api\r\n\r\n").0.target == "http://api/v1/x?y")
        #expect(try Self.head("OPTIONS * HTTP/1.1\r\nHost: api\r\n\r\n").0.method == .OPTIONS)
        #expect(Self.failure("GET * HTTP/1.1\r\nHost: api\r\n\r\n") == .target)
    }

    @Test func limitsMapToTheirStatuses() {
        #expect(Self.failure("GET /\(String(repeating: "a", count: 300)) HTTP/1.1\r\n")?.status == .uriTooLong)
        #expect(Self.failure("GET / HTTP/1.1\r\nX: \(String(repeating: "a", count: 1100))")?.status == .requestHeaderFieldsTooLarge)
        let fields = (0..<9).map { "X-\($0): v\r\n" }.joined()
        #expect(Self.failure("GET / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n")?.code == "too-many-headers")
        #expect(Self.failure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n")?.status == .payloadTooLarge)
        #expect(Self.failure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n")?.status == .payloadTooLarge)
    }

    @Test func rejectsGarbageBeforeTheHeadIsComplete() {
        // No blank line needed: the first control byte in the request line decides.
        #expect(Self.failure("GET /\u{01}")?.status == .badRequest)
        #expect(Self.failure("\u{16}\u{03}\u{01}\u{02}\u{00}")?.status == .badRequest) // a TLS ClientHello
        #expect(Self.failure("GET / HTTP/1.1\n")?.message == "lines must end with CRLF")
    }

    @Test func framingConflictsAreResolvedInTheDocumentedOrder() {
        #expect(Self.failure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n") == .transferEncoding)
        #expect(Self.failure("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n") == .conflictingFraming)
        #expect(Self.failure("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3x\r\n\r\n") == .contentLength)
        #expect(Self.failure("GET / HTTP/1.2\r\nHost: a\r\n\r\n") == .version)
        #expect(Self.failure("GET / HTTP/11\r\nHost: a\r\n\r\n") == .requestLine)
    }

    @Test func resetAllowsTheNextRequest() throws {
        var parser = RequestHeadParser(limits: Self.limits)
        let first = Array("GET /a HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        guard case .head = first.withUnsafeBufferPointer({ parser.parse($0) }) else {
            Issue.record("first head")
            return
        }
        parser.reset()
        let second = Array("GET /b HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        guard case .head(let head, _) = second.withUnsafeBufferPointer({ parser.parse($0) }) else {
            Issue.record("second head")
            return
        }
        #expect(head.target == "/b")
    }
}
