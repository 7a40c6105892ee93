import Testing
@testable import HTTP
import Runtime

extension ServerTests {
    /// Mutated and random requests over fresh connections: every answer must be a well-formed HTTP
    /// response with a sane status, and afterwards the server still works and holds no descriptors.
    @Suite struct Fuzz {
        static let seeds: [String] = [
            "GET /orders/42?q=x HTTP/1.1\r\nHost: t\r\nAccept: */*\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello",
            "HEAD /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "PUT /orders/1 HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
        ]

        static func mutate(_ bytes: [UInt8], using generator: inout SeededRandom) -> [UInt8] {
            var bytes = bytes
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: // flip some bytes
                for _ in 0..<Int.random(in: 1...8, using: &generator) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            case 1: // truncate
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            case 2: // insert junk
                let junk = (0..<Int.random(in: 1...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes.insert(contentsOf: junk, at: Int.random(in: 0...bytes.count, using: &generator))
            case 3: // delete a range
                let start = Int.random(in: 0..<bytes.count, using: &generator)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...16, using: &generator)))
            case 4: // duplicate a slice (repeated headers, doubled CRLFs)
                let start = Int.random(in: 0..<bytes.count, using: &generator)
                let slice = bytes[start..<min(bytes.count, start + Int.random(in: 1...32, using: &generator))]
                bytes.insert(contentsOf: slice, at: Int.random(in: 0...bytes.count, using: &generator))
            default: // pure noise
                bytes = (0..<Int.random(in: 1...4096, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }
            return bytes
        }

        @Test func twoHundredMutatedRequestsLeaveTheServerHealthy() async throws {
            let allowed: Set<Int> = [100, 200, 400, 404, 405, 408, 413, 414, 431, 501, 505]
            var generator = SeededRandom(seed: 0x7EAD_F10E)
            let configuration = HTTPServerConfiguration(maxBodyBytes: 64 * 1024, requestTimeout: .milliseconds(500))
            try await TestServer.with(configuration) { port in
                let clock = ContinuousClock()
                let deadline = clock.now + .seconds(20)
                for iteration in 0..<200 where clock.now < deadline {
                    let seed = Array(Self.seeds[iteration % Self.seeds.count].utf8)
                    let input = Self.mutate(seed, using: &generator)
                    let client = try RawClient(port: port, receiveTimeout: 2)
                    // Half-closing tells the server no more bytes come, so truncated requests end at
                    // once instead of waiting for the request timeout.
                    if try client.send(input) {
                        client.shutdownWrite()
                    }
                    while let response = try? client.readResponse() {
                        #expect(allowed.contains(response.status), "iteration \(iteration): \(response.status)")
                    }
                }
                #expect(clock.now < deadline, "fuzzing ran out of time")
                let check = try RawClient(port: port)
                try check.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try check.readResponse()?.text == "hello")
            }
        }
    }
}
