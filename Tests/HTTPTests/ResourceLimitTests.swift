import Glibc
import Testing
@testable import HTTP

extension ServerTests {
    /// Connection-level limits and timeouts.
    @Suite struct ResourceLimits {
        @Test func thousandsOfIdleConnectionsDoNotBlockServiceAndAreClosedWhenIdle() async throws {
            FileDescriptorLimit.raiseSoftLimitToHard()
            let configuration = HTTPServerConfiguration(idleTimeout: .seconds(2))
            try await TestServer.with(configuration, strictDescriptorCount: false) { port in
                var idle: [RawClient] = []
                idle.reserveCapacity(2000)
                for _ in 0..<2000 {
                    idle.append(try RawClient(port: port, receiveTimeout: 0.1))
                }
                let result = try await HTTPTests.Curl.run(["http://127.0.0.1:\(port)/hello"])
                #expect(result.stdout == "hello", "\(result.stderr)")
                // The curl request was served while all 2,000 idle connections were held open.
                #expect(idle.filter { $0.isClosedByPeer() }.count == 0)

                // Every idle connection is closed by the server once the idle timeout passes.
                let deadline = ContinuousClock.now + .seconds(5)
                var open = idle
                while !open.isEmpty && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                    open.removeAll { $0.isClosedByPeer() }
                }
                #expect(open.count == 0, "idle connections still open")
            }
        }

        @Test func connectionsBeyondTheLimitGet503WithRetryAfter() async throws {
            let rejections = RejectionLog()
            let configuration = HTTPServerConfiguration(maxConnections: 3)
            try await TestServer.with(configuration, rejections: rejections) { port in
                var held = try (0..<3).map { _ in try RawClient(port: port) }
                // Make sure all three are accepted before the fourth arrives.
                for client in held {
                    try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse()?.status == 200)
                }
                let extra = try RawClient(port: port)
                try extra.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try #require(try extra.readResponse())
                #expect(response.status == 503)
                #expect(response.header("Retry-After") == "1")
                #expect(response.errorCode == "server-busy")
                #expect(extra.waitForClose())

                // Once a slot frees up, new connections are served again.
                held.removeFirst()
                var served = false
                for _ in 0..<50 where !served {
                    try await Task.sleep(for: .milliseconds(20))
                    let next = try RawClient(port: port)
                    try next.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                    served = try next.readResponse()?.status == 200
                }
                #expect(served)
            }
            #expect(rejections.codes.first == 503)
        }

        @Test func handlerTimeoutAnswers503AndKeepsTheConnection() async throws {
            // 3 s: long enough that the quick follow-up request does not time out on a loaded
            // machine (the whole suite shares 2 cores with platform tests; at 1 s it once did),
            // short next to the 10 s handler.
            let configuration = HTTPServerConfiguration(handlerTimeout: .milliseconds(3_000))
            let rejections = RejectionLog()
            try await TestServer.with(configuration, rejections: rejections) { port in
                let client = try RawClient(port: port)
                try client.send("GET /delay/10000 HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try #require(try client.readResponse())
                #expect(response.status == 503)
                #expect(response.errorCode == "handler-timeout")
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse()?.text == "hello")
            }
            #expect(rejections.codes == [503])
        }

        @Test func slowReaderIsDisconnectedAfterWriteTimeout() async throws {
            var router = Router()
            // Far more than loopback socket buffers hold (a few MiB each side), so writes must stall.
            let big = [UInt8](repeating: 0x61, count: 48 << 20)
            router.get("/big") { _ in HTTPResponse(body: big) }
            let configuration = HTTPServerConfiguration(writeTimeout: .milliseconds(300))
            try await TestServer.with(configuration, responder: router) { port in
                let client = try RawClient(port: port, receiveTimeout: 2)
                try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                try await Task.sleep(for: .milliseconds(900)) // not reading: the server's writes stall
                let received = client.readToEnd(limit: .seconds(5))
                #expect(received.count > 0)
                #expect(received.count < big.count, "the server must give up on a client that stopped reading")
            }
        }
    }
}
