import Runtime

extension FuzzCorpus {
    func requestLine(_ random: inout SeededRandom) -> FuzzCase {
        let lines: [[UInt8]] = [
            Array("GET\r\n\r\n".utf8), Array("GET / HTTP/9.9\r\n\r\n".utf8), Array("G\u{7f}T /v1/products HTTP/1.1\r\n\r\n".utf8),
            Array("GET /v1/products\r\n\r\n".utf8), Array(" GET / HTTP/1.1\r\n\r\n".utf8), Array("GET  /  HTTP/1.1\r\n\r\n".utf8),
            Array("GET /v1/products HTTP/1.1\nHost x\n\n".utf8), [0, 0, 0, 13, 10, 13, 10], [0xFF, 0xFE, 0x20, 0x2F, 13, 10, 13, 10],
            Array("GET /v1/\u{0}products HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
        ]
        var bytes = lines.randomElement(using: &random)!
        if Bool.random(using: &random) {
            // Random printable and control bytes before the terminator.
            let noise = (0..<Int.random(in: 1...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                .filter { $0 != 10 && $0 != 13 }
            bytes = noise + [32, 47, 32] + Array("HTTP/1.1\r\n\r\n".utf8)
        }
        // An unknown HTTP major version is answered 505 (RFC 9110, 15.6.6): the one 5xx that is the
        // protocol's answer to the client's request rather than a server fault.
        let version = bytes.firstRange(of: Array("HTTP/9.9".utf8)) != nil ? Set([505]) : []
        return FuzzCase(kind: "request-line", bytes: bytes, expectation: .rejected, documentedServerErrors: version)
    }

    func deepNesting(_ random: inout SeededRandom) -> FuzzCase {
        let depth = Int.random(in: 600...10_000, using: &random)
        let body: [UInt8]
        switch Int.random(in: 0..<3, using: &random) {
        case 0: body = Array(repeating: UInt8(ascii: "["), count: depth)
        case 1: body = Array(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).map { $0.asciiValue! }
        default: body = Array((String(repeating: #"{"lines":"#, count: depth) + "1" + String(repeating: "}", count: depth)).utf8)
        }
        let path = ["/v1/orders", "/v1/orders/quick", "/v1/auth/token", "/v1/companies"].randomElement(using: &random)!
        return FuzzCase(kind: "deep-nesting", bytes: jsonPost(path, body), expectation: .rejected)
    }

    func unicode(_ random: inout SeededRandom) -> FuzzCase {
        let texts = ["\u{202E}gnp.exe", "\u{200D}\u{200D}\u{FEFF}", "e\u{301}\u{301}\u{301}\u{301}", "🫖🍵\u{1F3FD}", "\u{FFFF}\u{10FFFF}",
                     "𝕿𝖊𝖆", "茶叶\u{3000}龙井", String(repeating: "\u{0300}", count: 500), "\\ud800", "%C0%AF", "%ED%A0%80"]
        let text = texts.randomElement(using: &random)!
        let escaped = text.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || $0 == "%") ? String($0) : percent($0) }.joined()
        if Bool.random(using: &random) {
            // Searching for odd text is legal: any non-5xx answer will do.
            return FuzzCase(kind: "unicode", bytes: request("GET", "/v1/products?q=\(escaped)", authorized: true), expectation: .answered)
        }
        let body = #"{"lines":[{"sku":"\#(jsonEscaped(text))","quantity":10}],"deliveryAddress":\#(address),"paymentMethod":"credit"}"#
        return FuzzCase(kind: "unicode", bytes: jsonPost("/v1/orders", Array(body.utf8)), expectation: .rejected)
    }

    func badToken(_ random: inout SeededRandom) -> FuzzCase {
        let tokens = ["Bearer ", "Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Basic dXNlcjpwYXNz",
                      "Bearer " + String(repeating: "A", count: 6_000), "bearer\t\(target.token)", "Bearer \(target.token)x",
                      "Bearer \(String(target.token.reversed()))", "Bearer \u{0}"]
        let token = tokens.randomElement(using: &random)!
        let path = ["/v1/orders", "/v1/products", "/v1/companies", "/v1/approval-rules"].randomElement(using: &random)!
        let method = path == "/v1/approval-rules" ? "PUT" : (Bool.random(using: &random) ? "GET" : "POST")
        let body: [UInt8] = method == "GET" ? [] : Array(#"{"rules":[]}"#.utf8)
        return FuzzCase(kind: "bad-token", bytes: request(method, path, headers: [("Authorization", token), ("Content-Type", "application/json")],
                                                          body: body), expectation: .rejected)
    }

    func badFraming(_ random: inout SeededRandom) -> FuzzCase {
        let variants: [([(String, String)], Set<Int>)] = [
            ([("Content-Length", "-1")], []), ([("Content-Length", "abc")], []), ([("Content-Length", "5"), ("Content-Length", "6")], []),
            ([("Content-Length", "99999999999999999999999")], []), ([("Transfer-Encoding", "chunked")], [501]),
            ([("Content-Length", " 2")], []), ([("Content-Length", "0x10")], []),
        ]
        let (headers, documented) = variants.randomElement(using: &random)!
        return FuzzCase(kind: "bad-framing", bytes: request("POST", "/v1/orders", headers: headers + [("Authorization", "Bearer \(target.token)")],
                                                            body: Array("{}".utf8), contentLength: false),
                        expectation: .rejected, documentedServerErrors: documented)
    }

    private func percent(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf8.map { "%" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

/// A JSON string body for `text` (quotes, backslashes and control characters escaped).
func jsonEscaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
