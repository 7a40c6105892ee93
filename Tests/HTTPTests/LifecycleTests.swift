import Glibc
import Runtime
import Testing
@testable import HTTP

extension ServerTests {
    /// start/shutdown behaviour.
    @Suite struct Lifecycle {
        @Test func shutdownWaitsForAnInFlightHandler() async throws {
            // The handler runs until the test lets it finish, so "in flight when shutdown began"
            // does not depend on how fast a loaded machine wakes a sleeping task.
            let (entered, released) = (Latch(), Latch())
            var router = TestServer.router()
            router.get("/held") { _ in
                entered.open()
                await released.wait()
                return .text("released")
            }
            let server = HTTPServer(configuration: HTTPServerConfiguration(), responder: router)
            // The runtime opens its timer descriptor on the first sleep; let that happen before
            // the count the server must return to.
            try await Task.sleep(for: .milliseconds(1))
            let baseline = DescriptorSnapshot()
            let port = try server.start()
            #expect(server.boundPort == port)
            var client: RawClient? = try RawClient(port: port)
            try client?.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
            await entered.wait()

            let started = ContinuousClock.now
            async let stopped: Void = server.shutdown(deadline: 5)
            try await Task.sleep(for: .milliseconds(300))
            released.open()
            let response = try #require(try client?.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "released")
            #expect(response.header("Connection") == "close", "the last response before shutdown closes")
            #expect(client?.waitForClose() == true)
            client = nil
            await stopped
            let elapsed = ContinuousClock.now - started
            // Not before the handler was released; well before the 5 s deadline once it was.
            #expect(elapsed >= .milliseconds(300) && elapsed < .milliseconds(4_500), "took \(elapsed)")
            #expect(server.boundPort == nil)
            #expect(throws: RawClient.ConnectFailed.self) { try RawClient(port: port) }
            let after = await DescriptorSnapshot.settling(to: baseline, port: port, strict: true)
            #expect(after.sockets(onPort: port).isEmpty)
            #expect(after.count <= baseline.count, "\(after.added(since: baseline))")
        }

        @Test func shutdownDeadlineCutsOffSlowHandlers() async throws {
            let server = HTTPServer(configuration: HTTPServerConfiguration(), responder: TestServer.router())
            let port = try server.start()
            let client = try RawClient(port: port)
            try client.send("GET /delay/5000 HTTP/1.1\r\nHost: t\r\n\r\n")
            try await Task.sleep(for: .milliseconds(50))
            let started = ContinuousClock.now
            await server.shutdown(deadline: 0.2)
            #expect(ContinuousClock.now - started < .seconds(2))
            #expect(try client.readResponse() == nil, "cut off without a response")
        }

        @Test func shutdownIsIdempotentAndWorksBeforeStart() async throws {
            let neverStarted = HTTPServer(configuration: HTTPServerConfiguration(), responder: Router())
            await neverStarted.shutdown()
            #expect(throws: HTTPServerError.alreadyStarted) { try neverStarted.start() }

            let server = HTTPServer(configuration: HTTPServerConfiguration(), responder: Router())
            _ = try server.start()
            #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
            async let first: Void = server.shutdown()
            async let second: Void = server.shutdown()
            _ = await (first, second)
            await server.shutdown()
            #expect(server.boundPort == nil)
        }

        @Test func portInUseIsATypedError() async throws {
            let first = HTTPServer(configuration: HTTPServerConfiguration(), responder: Router())
            let port = try first.start()
            let second = HTTPServer(configuration: HTTPServerConfiguration(port: port), responder: Router())
            #expect(throws: HTTPServerError.systemCall(name: "bind", errno: EADDRINUSE)) { try second.start() }
            do {
                _ = try second.start()
            } catch let error as HTTPServerError {
                #expect(error.isAddressInUse)
                #expect(error.description.contains("Address already in use"))
            }
            await first.shutdown()
        }

        @Test func invalidConfigurationIsRejected() {
            let badHost = HTTPServer(configuration: HTTPServerConfiguration(host: "not-an-ip"), responder: Router())
            #expect(throws: HTTPServerError.self) { try badHost.start() }
            let badLimit = HTTPServer(configuration: HTTPServerConfiguration(maxPipelinedRequests: 0), responder: Router())
            #expect(throws: HTTPServerError.self) { try badLimit.start() }
        }

        @Test func repeatedStartAndShutdownLeaksNothing() async throws {
            // Warm-up cycle first, so lazily created runtime descriptors are in the baseline.
            try await TestServer.with { _ in }
            let baseline = DescriptorSnapshot()
            var ports: [Int] = []
            for _ in 0..<20 {
                let server = HTTPServer(configuration: HTTPServerConfiguration(), responder: TestServer.router())
                let port = try server.start()
                ports.append(port)
                let client = try RawClient(port: port)
                try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse()?.status == 200)
                await server.shutdown(deadline: 1)
            }
            let after = await DescriptorSnapshot.settling(to: baseline, port: ports[0], strict: true)
            #expect(ports.allSatisfy { after.sockets(onPort: $0).isEmpty })
            // Each cycle opens a listener, an epoll instance, an eventfd and a connection: a leak of any
            // of them would show up 20 times over.
            #expect(after.count <= baseline.count, "\(after.added(since: baseline))")
        }
    }
}

