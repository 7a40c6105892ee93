import Foundation
import TestSupport

/// An HTTPS server written independently of our code, in Python's standard library (`ssl` and
/// `http.server`), on a free loopback port. Every POST is recorded as a JSON line
/// (path, Host header, body) and answered 200 "ok".
final class TLSTestServer: @unchecked Sendable {
    // @unchecked: used from one test task at a time.
    let directory: TemporaryDirectory
    let certificates: TestCertificates
    let process: ChildProcess
    let port: Int

    static let script = #"""
    import json, ssl, sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    cert, key, folder = sys.argv[1], sys.argv[2], sys.argv[3]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with open(folder + "/requests.jsonl", "a") as f:
                f.write(json.dumps({"path": self.path, "host": self.headers.get("Host"),
                                    "body": body.decode()}) + "\n")
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """#

    init() async throws {
        directory = try TemporaryDirectory(prefix: "tradeflow-tls")
        certificates = try TestCertificates(in: directory.url)
        let script = directory.url.appendingPathComponent("server.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        process = try ChildProcess(URL(fileURLWithPath: "/usr/bin/python3"),
                                   arguments: [script.path, certificates.certificateFile, certificates.keyFile, directory.path],
                                   logDirectory: directory.url)
        let child = process
        _ = await eventually(timeout: .seconds(10)) { child.stdout.contains("\n") || !child.isRunning }
        guard let port = Int(process.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.signal(SIGTERM)
            throw StartFailure(description: "the TLS test server did not start: \(process.stderr)")
        }
        self.port = port
    }

    /// Requests received so far, in order.
    var requests: [[String: Any]] {
        directory.lines(of: "requests.jsonl").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    deinit {
        process.signal(SIGTERM)
        directory.remove()
    }
}
