import Testing
@testable import HTTP
import Runtime

extension ServerTests {
    /// Requests the parser must refuse: each gets its status and JSON error code, then the connection
    /// is closed, and `onProtocolRejection` hears about it.
    @Suite struct ProtocolRejections {
        /// Sends `bytes` on a fresh connection and returns the response and whether the server then closed.
        static func exchange(_ bytes: [UInt8], configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                             expecting status: Int, code: String,
                             sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let rejections = RejectionLog()
            try await TestServer.with(configuration, rejections: rejections) { port in
                let client = try RawClient(port: port)
                try client.send(bytes)
                let response = try #require(try client.readResponse(), sourceLocation: sourceLocation)
                #expect(response.status == status, sourceLocation: sourceLocation)
                #expect(response.errorCode == code, "\(response.text)", sourceLocation: sourceLocation)
                #expect(response.header("Connection") == "close", sourceLocation: sourceLocation)
                #expect(response.header("Content-Length") == String(response.body.count), sourceLocation: sourceLocation)
                #expect(response.header("Date") != nil, sourceLocation: sourceLocation)
                #expect(client.waitForClose(), "connection must be closed after a protocol error", sourceLocation: sourceLocation)
            }
            #expect(rejections.codes == [status], sourceLocation: sourceLocation)
        }

        static func exchange(_ text: String, configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                             expecting status: Int, code: String,
                             sourceLocation: SourceLocation = #_sourceLocation) async throws {
            try await exchange(Array(text.utf8), configuration: configuration, expecting: status, code: code,
                               sourceLocation: sourceLocation)
        }

        @Test func randomBytesAre400() async throws {
            var generator = SeededRandom(seed: 42)
            let garbage = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try await Self.exchange(garbage, expecting: 400, code: "malformed-request")
        }

        @Test func headersOver16KiBAre431() async throws {
            let big = String(repeating: "a", count: 20 * 1024)
            try await Self.exchange("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: \(big)\r\n\r\n",
                                    expecting: 431, code: "header-too-large")
        }

        @Test func headerTooLargeMessageNamesTheLimit() async throws {
            try await TestServer.with { port in
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "b", count: 17_000))\r\n\r\n")
                let response = try #require(try client.readResponse())
                #expect(response.text == #"{"error":{"code":"header-too-large","message":"request line and headers exceed 16384 bytes"}}"#)
            }
        }

        @Test func tooManyHeadersAre431() async throws {
            let fields = (0..<101).map { "X-F\($0): v\r\n" }.joined()
            try await Self.exchange("GET /hello HTTP/1.1\r\nHost: t\r\n\(fields)\r\n", expecting: 431, code: "too-many-headers")
        }

        @Test func overlongRequestLineIs414() async throws {
            let path = "/" + String(repeating: "p", count: 9000)
            try await Self.exchange("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n", expecting: 414, code: "uri-too-long")
        }

        @Test func bodyOverLimitIs413() async throws {
            let configuration = HTTPServerConfiguration(maxBodyBytes: 1024)
            let body = String(repeating: "x", count: 4096)
            try await Self.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4096\r\n\r\n\(body)",
                                    configuration: configuration, expecting: 413, code: "payload-too-large")
        }

        @Test func bodyOverLimitWithExpectContinueIs413WithoutContinue() async throws {
            let configuration = HTTPServerConfiguration(maxBodyBytes: 1024)
            try await TestServer.with(configuration) { port in
                let client = try RawClient(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4096\r\nExpect: 100-continue\r\n\r\n")
                let response = try #require(try client.readResponse())
                #expect(response.status == 413, "no 100 Continue for a body that will be refused")
                #expect(response.errorCode == "payload-too-large")
                #expect(client.waitForClose())
            }
        }

        @Test func chunkedIs501() async throws {
            try await Self.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                                    expecting: 501, code: "unsupported-transfer-encoding")
        }

        @Test func contentLengthWithTransferEncodingIs400() async throws {
            try await Self.exchange(
                "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello",
                expecting: 400, code: "conflicting-framing")
        }

        @Test(arguments: [
            "Content-Length: 5\r\nContent-Length: 6",
            "Content-Length: -1",
            "Content-Length: 12abc",
            "Content-Length: 5, 6",
            "Content-Length: ",
        ])
        func invalidContentLengthIs400(_ field: String) async throws {
            try await Self.exchange("POST /echo HTTP/1.1\r\nHost: t\r\n\(field)\r\n\r\nhello",
                                    expecting: 400, code: "invalid-content-length")
        }

        @Test(arguments: [
            ("GET /hello HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n  folded\r\n\r\n", "invalid-header"),
            ("GET /hello HTTP/1.1\r\nHost: t\r\nBad Name: 1\r\n\r\n", "invalid-header"),
            ("GET /hello HTTP/1.1\r\nHost: t\r\nX-A : 1\r\n\r\n", "invalid-header"),
            ("GET /hello HTTP/1.1\r\nHost: t\r\nNoColon\r\n\r\n", "invalid-header"),
            ("GET /hello HTTP/1.1\nHost: t\n\n", "malformed-request"),
            ("GET /hello HTTP/1.1\r\nHost: t\rX: y\r\n\r\n", "malformed-request"),
            ("GÉT /hello HTTP/1.1\r\nHost: t\r\n\r\n", "malformed-request"),
            ("GET  /hello HTTP/1.1\r\nHost: t\r\n\r\n", "malformed-request"),
            ("GET /hello\r\nHost: t\r\n\r\n", "malformed-request"),
            ("GET hello HTTP/1.1\r\nHost: t\r\n\r\n", "malformed-request"),
            ("GET /hello http/1.1\r\nHost: t\r\n\r\n", "malformed-request"),
            ("GET /hello HTTP/1.1\r\n\r\n", "invalid-header"),
            ("GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "invalid-header"),
        ])
        func malformedRequestsAre400(_ request: String, code: String) async throws {
            try await Self.exchange(request, expecting: 400, code: code)
        }

        @Test func otherVersionsAre505() async throws {
            try await Self.exchange("GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", expecting: 505, code: "http-version-not-supported")
        }

        @Test func truncatedRequestTimesOutWith408() async throws {
            let configuration = HTTPServerConfiguration(requestTimeout: .milliseconds(300))
            let start = ContinuousClock.now
            try await Self.exchange("GET /hello HTTP/1.1\r\nHost: t\r\nX-Partial: ",
                                    configuration: configuration, expecting: 408, code: "request-timeout")
            #expect(ContinuousClock.now - start < .seconds(3))
        }

        @Test func slowBodyTimesOutWith408() async throws {
            let configuration = HTTPServerConfiguration(requestTimeout: .milliseconds(300))
            try await Self.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc",
                                    configuration: configuration, expecting: 408, code: "request-timeout")
        }
    }
}
