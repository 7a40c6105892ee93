import Foundation
import Testing
import TestSupport
@testable import HTTP

/// HTTPClient over TLS against Python's `ssl` server with certificates the `openssl` tool made:
/// a trusted chain works end to end, an untrusted one and a certificate for another name fail
/// with a reason an operator can act on.
@Suite(.timeLimit(.minutes(1))) struct TLSClientTests {
    @Test func postsOverTLS_whenTheCAIsTrusted() async throws {
        let server = try await TLSTestServer()
        let tls = try TLSClientContext(extraCAFile: server.certificates.caFile)
        let response = try await HTTPClient.send(method: "POST", host: "localhost", port: server.port, path: "/hook?x=1",
                                                 headers: [("Content-Type", "application/json")], body: Array(#"{"a":1}"#.utf8),
                                                 timeout: .seconds(5), tls: tls)
        #expect(response.status == 200 && response.text == "ok")
        let received = server.requests
        #expect(received.count == 1)
        #expect(received.first?["path"] as? String == "/hook?x=1")
        #expect(received.first?["body"] as? String == #"{"a":1}"#)
        #expect(received.first?["host"] as? String == "localhost:\(server.port)")
    }

    @Test func failsVerification_whenTheCAIsNotTrusted() async throws {
        let server = try await TLSTestServer()
        let tls = try TLSClientContext(extraCAFile: server.certificates.otherCAFile)
        let error = await #expect(throws: HTTPClient.ClientError.self) {
            _ = try await HTTPClient.send(method: "POST", host: "localhost", port: server.port, path: "/", tls: tls)
        }
        #expect(error?.description.contains("certificate verify failed") == true, "\(String(describing: error))")
        #expect(server.requests.isEmpty, "nothing is sent to an unverified peer")
    }

    @Test func failsVerification_whenTheCertificateNamesAnotherHost() async throws {
        let server = try await TLSTestServer()
        let tls = try TLSClientContext(extraCAFile: server.certificates.caFile)
        // The certificate names DNS:localhost only; 127.0.0.1 is the same server, not the same name.
        let error = await #expect(throws: HTTPClient.ClientError.self) {
            _ = try await HTTPClient.send(method: "POST", host: "127.0.0.1", port: server.port, path: "/", tls: tls)
        }
        #expect(error?.description.contains("certificate verify failed") == true
                && error?.description.contains("mismatch") == true, "\(String(describing: error))")
        #expect(server.requests.isEmpty)
    }

    @Test func timesOut_whenThePeerNeverAnswersTheHandshake() async throws {
        // A listening socket that never accepts: TCP connects (backlog), the ClientHello gets no answer.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        listen(listener, 4)
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPClient.ClientError.self) {
            _ = try await HTTPClient.send(host: "127.0.0.1", port: Int(UInt16(bigEndian: address.sin_port)), path: "/",
                                          timeout: .milliseconds(300), tls: try TLSClientContext())
        }
        #expect(error?.description.contains("timed out") == true, "\(String(describing: error))")
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func refusesToStart_withACAFileThatCannotBeLoaded() {
        let error = #expect(throws: TLSError.self) { _ = try TLSClientContext(extraCAFile: "/nonexistent/ca.pem") }
        #expect(error?.description.contains("/nonexistent/ca.pem") == true, "\(String(describing: error))")
    }
}
