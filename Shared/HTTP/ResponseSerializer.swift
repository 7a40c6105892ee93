/// Writes a response onto a connection's output buffer. The server owns framing: `Content-Length`,
/// `Transfer-Encoding` and `Connection` from handlers are replaced by its own, so a handler cannot
/// desynchronize the connection. Header names/values with CR, LF or NUL are dropped, never written
/// (response splitting).
enum ResponseSerializer {
    struct Framing {
        var isHeadRequest: Bool
        /// `Connection: close` goes on the response and the socket is closed after it.
        var close: Bool
        /// An HTTP/1.0 keep-alive client only keeps the connection if told so explicitly.
        var announceKeepAlive: Bool
    }

    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// True when the handler asked for the connection to be closed after this response.
    static func requestsClose(_ response: HTTPResponse) -> Bool {
        guard let value = response.headers["Connection"] else { return false }
        return value.utf8.count >= 5 && value.lowercased().contains("close")
    }

    static func write(_ response: HTTPResponse, framing: Framing, date: [UInt8], into out: inout [UInt8]) {
        let status = response.status
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        ASCII.appendDecimal(min(max(status.code, 100), 999), to: &out)
        out.append(ASCII.space)
        if isSafeFieldValue(status.reason) {
            out.append(contentsOf: status.reason.utf8)
        }
        out.append(contentsOf: "\r\n".utf8)

        var handlerLength: Substring?
        var hasDate = false
        for (name, value) in response.headers {
            switch name.utf8.count {
            case 4 where ASCII.equalsCaseInsensitive(name, "date"):
                hasDate = true
            case 10 where ASCII.equalsCaseInsensitive(name, "connection"):
                continue
            case 14 where ASCII.equalsCaseInsensitive(name, "content-length"):
                handlerLength = value[...]
                continue
            case 17 where ASCII.equalsCaseInsensitive(name, "transfer-encoding"):
                continue
            default:
                break
            }
            guard !name.isEmpty, name.utf8.allSatisfy(ASCII.isToken), isSafeFieldValue(value) else { continue }
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: value.utf8)
            out.append(contentsOf: "\r\n".utf8)
        }

        // 1xx and 204 must not carry Content-Length; for 304 it would have to be the length of a body
        // the server never sees, so it is left out too (RFC 9110 §8.6).
        if !status.forbidsBody {
            out.append(contentsOf: "Content-Length: ".utf8)
            // HEAD: the length the GET would have had. The Router sets it when it empties the body.
            if framing.isHeadRequest, response.body.isEmpty, let handlerLength,
               !handlerLength.isEmpty, handlerLength.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                out.append(contentsOf: handlerLength.utf8)
            } else {
                ASCII.appendDecimal(response.body.count, to: &out)
            }
            out.append(contentsOf: "\r\n".utf8)
        }
        if !hasDate {
            out.append(contentsOf: date)
        }
        if framing.close {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if framing.announceKeepAlive {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        if !status.forbidsBody && !framing.isHeadRequest {
            out.append(contentsOf: response.body)
        }
    }

    private static func isSafeFieldValue(_ value: String) -> Bool {
        !value.utf8.contains { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 }
    }
}
