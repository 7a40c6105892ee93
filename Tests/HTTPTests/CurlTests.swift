import Foundation
import Testing
@testable import HTTP

extension ServerTests {
    /// Normal traffic from a real client.
    @Suite struct Curl {
        @Test func getReturnsJSONWithPathAndQueryParameters() async throws {
            try await TestServer.with(strictDescriptorCount: false) { port in
                let result = try await HTTPTests.Curl.run(["-i", "http://127.0.0.1:\(port)/orders/42?q=a%20b&q=second"])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"))
                #expect(result.stdout.contains("Content-Type: application/json\r\n"))
                #expect(result.stdout.contains("\r\nDate: "))
                let body = try #require(result.stdout.components(separatedBy: "\r\n\r\n").last)
                let decoded = try JSONDecoder().decode([String: String].self, from: Data(body.utf8))
                #expect(decoded == ["id": "42", "q": "a b"])
            }
        }

        @Test func postDecodesJSONBody() async throws {
            struct Order: Codable, Equatable { let sku: String; let quantity: Int }
            var router = Router()
            router.post("/v1/orders") { request in
                guard let order = try? request.decodeJSON(Order.self) else {
                    return .error(.badRequest, code: "invalid-body", message: "expected an order", field: "body")
                }
                return .json(order, status: .created)
            }
            try await TestServer.with(responder: router, strictDescriptorCount: false) { port in
                let url = "http://127.0.0.1:\(port)/v1/orders"
                let created = try await HTTPTests.Curl.run([
                    "-w", "\n%{http_code}", "-H", "Content-Type: application/json",
                    "--data", #"{"sku":"ABC-1","quantity":3}"#, url])
                let lines = created.stdout.split(separator: "\n")
                #expect(lines.last == "201")
                #expect(try JSONDecoder().decode(Order.self, from: Data(lines[0].utf8)) == Order(sku: "ABC-1", quantity: 3))

                let invalid = try await HTTPTests.Curl.run(["-w", "\n%{http_code}", "--data", "not json", url])
                #expect(invalid.stdout == #"{"error":{"code":"invalid-body","message":"expected an order","field":"body"}}"# + "\n400")
            }
        }

        @Test func keepAliveReusesOneConnectionForTwoURLs() async throws {
            try await TestServer.with(strictDescriptorCount: false) { port in
                let result = try await HTTPTests.Curl.run([
                    "-v", "-w", "[%{num_connects}]",
                    "http://127.0.0.1:\(port)/hello", "http://127.0.0.1:\(port)/orders/7"])
                #expect(result.status == 0)
                #expect(result.stdout.hasPrefix("hello[1]"))
                #expect(result.stdout.hasSuffix("[0]"), "second transfer must not open a connection: \(result.stdout)")
                #expect(result.stderr.contains("Re-using existing connection"))
            }
        }

        @Test func headHasGetLengthButNoBody() async throws {
            try await TestServer.with(strictDescriptorCount: false) { port in
                let result = try await HTTPTests.Curl.run(["-I", "http://127.0.0.1:\(port)/hello"])
                #expect(result.stdout.hasPrefix("HTTP/1.1 200 OK\r\n"))
                #expect(result.stdout.contains("Content-Length: 5\r\n"))
                #expect(result.stdout.hasSuffix("\r\n\r\n"), "HEAD must not carry a body")
            }
        }

        @Test func unknownPathIs404AndWrongMethodIs405WithAllow() async throws {
            try await TestServer.with(strictDescriptorCount: false) { port in
                let missing = try await HTTPTests.Curl.run(["-i", "http://127.0.0.1:\(port)/nope"])
                #expect(missing.stdout.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
                #expect(missing.stdout.hasSuffix(#"{"error":{"code":"not-found","message":"no route for GET /nope"}}"#))

                let wrong = try await HTTPTests.Curl.run(["-i", "-X", "DELETE", "http://127.0.0.1:\(port)/hello"])
                #expect(wrong.stdout.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
                #expect(wrong.stdout.contains("Allow: GET, HEAD\r\n"))
                #expect(wrong.stdout.contains(#""code":"method-not-allowed""#))
            }
        }
    }
}
