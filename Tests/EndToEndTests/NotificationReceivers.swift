import Foundation
import TestSupport

/// Outside systems for the notification tests, written independently of our code in Python's
/// standard library: a webhook receiver that verifies `Tradeflow-Signature` with `hmac` and
/// records every request as a JSON line, and an SMTP sink that records every message. The webhook
/// receiver also listens for HTTPS (Python's `ssl`) with a certificate for `localhost` from a
/// throwaway CA (`caFile`, made by the `openssl` tool).
///
/// Webhook paths: `/ok` answers 200; `/flaky` 500 to the first request of an event, then 200; `/fail` always
/// 500; `/slow` sleeps 3 s, then 200. Secrets are read per request from `secrets.json`
/// (path -> secret), which the test writes after registering the webhooks.
final class NotificationReceivers: @unchecked Sendable {
    // @unchecked: used from one test task at a time.
    let directory: TemporaryDirectory
    let process: ChildProcess
    let httpPort: Int
    let httpsPort: Int
    let smtpPort: Int
    let certificates: TestCertificates

    static let script = #"""
    import hashlib, hmac, json, socket, ssl, sys, threading, time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    http_port, smtp_port, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    https_port, cert, key = int(sys.argv[4]), sys.argv[5], sys.argv[6]
    lock = threading.Lock()
    seen = {}

    def record(name, entry):
        with lock:
            with open(folder + "/" + name, "a") as f:
                f.write(json.dumps(entry) + "\n")

    def verify(secret, header, body):
        parts = dict(p.split("=", 1) for p in header.split(","))
        mac = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(mac, parts["v1"]) and abs(time.time() - int(parts["t"])) < 300

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            try:
                secret = json.load(open(folder + "/secrets.json")).get(self.path, "")
            except OSError:
                secret = ""
            valid = verify(secret, self.headers.get("Tradeflow-Signature", "t=0,v1="), body) if secret else False
            with lock:
                key = (self.path, self.headers.get("Tradeflow-Event-Id"))
                count = seen[key] = seen.get(key, 0) + 1
            status = {"/flaky": 500 if count == 1 else 200, "/fail": 500}.get(self.path, 200)
            if self.path == "/slow":
                time.sleep(3)
            record("webhooks.jsonl", {"path": self.path, "valid": valid, "status": status, "at": time.time(),
                                      "tls": isinstance(self.connection, ssl.SSLSocket),
                                      "eventId": self.headers.get("Tradeflow-Event-Id"),
                                      "eventType": self.headers.get("Tradeflow-Event-Type"),
                                      "body": json.loads(body)})
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    def smtp_session(conn):
        f = conn.makefile("rb")
        send = lambda line: conn.sendall(line.encode() + b"\r\n")
        send("220 sink ready")
        sender, recipients = None, []
        while True:
            line = f.readline().decode().rstrip("\r\n")
            if not line:
                break
            verb = line.split(" ")[0].upper()
            if verb == "EHLO":
                send("250-sink greets you"); send("250 8BITMIME")
            elif verb == "MAIL":
                sender = line[10:]; send("250 ok")
            elif verb == "RCPT":
                recipients.append(line[8:]); send("250 ok")
            elif verb == "DATA":
                send("354 go ahead")
                data = b""
                while not data.endswith(b"\r\n.\r\n"):
                    chunk = f.readline()
                    if not chunk:
                        break
                    data += chunk
                record("mail.jsonl", {"from": sender, "to": recipients, "data": data.decode()})
                send("250 queued")
            elif verb == "QUIT":
                send("221 bye"); break
            else:
                send("502 not implemented")
        conn.close()

    def smtp_server():
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", smtp_port)); server.listen()
        while True:
            conn, _ = server.accept()
            threading.Thread(target=smtp_session, args=(conn,), daemon=True).start()

    def https_server():
        server = ThreadingHTTPServer(("127.0.0.1", https_port), Hook)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        server.serve_forever()

    threading.Thread(target=smtp_server, daemon=True).start()
    threading.Thread(target=https_server, daemon=True).start()
    ThreadingHTTPServer(("127.0.0.1", http_port), Hook).serve_forever()
    """#

    init() throws {
        directory = try TemporaryDirectory(prefix: "tradeflow-receivers")
        httpPort = FreePorts.one()
        httpsPort = FreePorts.one()
        smtpPort = FreePorts.one()
        certificates = try TestCertificates(in: directory.url)
        let script = directory.url.appendingPathComponent("receivers.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        process = try ChildProcess(URL(fileURLWithPath: "/usr/bin/python3"),
                                   arguments: [script.path, "\(httpPort)", "\(smtpPort)", directory.path, "\(httpsPort)",
                                               certificates.certificateFile, certificates.keyFile],
                                   logDirectory: directory.url)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(httpPort)\(path)" }

    /// The HTTPS receiver: by name, since the certificate names `localhost`.
    func httpsURL(_ path: String) -> String { "https://localhost:\(httpsPort)\(path)" }

    /// The secrets the receiver verifies with, by path.
    func setSecrets(_ secrets: [String: String]) throws {
        let data = try JSONSerialization.data(withJSONObject: secrets)
        try data.write(to: directory.url.appendingPathComponent("secrets.json"), options: .atomic)
    }

    /// Every webhook request received so far, in order.
    var webhooks: [[String: Any]] { lines("webhooks.jsonl") }
    /// Every email received so far.
    var mails: [[String: Any]] { lines("mail.jsonl") }

    private func lines(_ name: String) -> [[String: Any]] {
        let text = (try? String(contentsOf: directory.url.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func stop() {
        process.signal(SIGTERM)
    }

    deinit { directory.remove() }
}
