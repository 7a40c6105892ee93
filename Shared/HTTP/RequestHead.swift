/// A complete, validated request head, plus the framing facts the connection needs.
struct RequestHead {
    var method: HTTPMethod
    var target: String
    var isHTTP10: Bool
    var headers: HTTPHeaders
    var contentLength: Int
    var keepAlive: Bool
    var expectsContinue: Bool

    var version: String { isHTTP10 ? "HTTP/1.0" : "HTTP/1.1" }

    /// Parses a head whose line structure the scanner already checked: every line ends in CRLF, the
    /// request line is printable ASCII, the last line is empty.
    static func parse(_ head: UnsafeBufferPointer<UInt8>, lineCount: Int,
                      limits: RequestHeadParser.Limits) -> Result<RequestHead, ProtocolError> {
        var lines = LineIterator(bytes: head)
        guard let requestLine = lines.next() else { return .failure(.requestLine) }
        let parsedLine: (method: HTTPMethod, target: String, isHTTP10: Bool)
        switch parseRequestLine(requestLine) {
        case .success(let value): parsedLine = value
        case .failure(let error): return .failure(error)
        }
        var fields = HeaderFacts()
        var headers = HTTPHeaders(capacity: lineCount - 1)
        while let line = lines.next(), !line.isEmpty {
            if let error = fields.add(line, to: &headers, maxBodyBytes: limits.maxBodyBytes) {
                return .failure(error)
            }
        }
        if let error = fields.framingError(maxBodyBytes: limits.maxBodyBytes) {
            return .failure(error)
        }
        if !parsedLine.isHTTP10 && fields.hostCount != 1 || fields.hostCount > 1 {
            return .failure(.missingHost)
        }
        let keepAlive = parsedLine.isHTTP10 ? fields.connectionKeepAlive && !fields.connectionClose : !fields.connectionClose
        return .success(RequestHead(
            method: parsedLine.method, target: parsedLine.target, isHTTP10: parsedLine.isHTTP10, headers: headers,
            contentLength: fields.contentLength ?? 0, keepAlive: keepAlive,
            expectsContinue: fields.expectsContinue && !parsedLine.isHTTP10))
    }

    /// `method SP request-target SP HTTP-version`, exactly one space each.
    private static func parseRequestLine(
        _ line: UnsafeBufferPointer<UInt8>
    ) -> Result<(method: HTTPMethod, target: String, isHTTP10: Bool), ProtocolError> {
        guard let firstSpace = line.firstIndex(of: ASCII.space),
              let secondSpace = line[(firstSpace + 1)...].firstIndex(of: ASCII.space) else {
            return .failure(.requestLine)
        }
        let method = UnsafeBufferPointer(rebasing: line[..<firstSpace])
        let target = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)..<secondSpace])
        let version = UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...])
        guard !method.isEmpty, method.allSatisfy(ASCII.isToken), !target.isEmpty else {
            return .failure(.requestLine)
        }
        // HTTP-version = "HTTP/" DIGIT "." DIGIT; well-formed but other than 1.0/1.1 is a 505.
        // HTTP-name is case-sensitive (RFC 9112 §2.3).
        guard version.count == 8, version[0..<5].elementsEqual("HTTP/".utf8),
              version[5] >= 0x30, version[5] <= 0x39, version[6] == 0x2E, version[7] >= 0x30, version[7] <= 0x39 else {
            return .failure(.requestLine)
        }
        guard version[5] == 0x31, version[7] == 0x31 || version[7] == 0x30 else {
            return .failure(.version)
        }
        let parsedMethod = HTTPMethod(bytes: method)
        switch target[0] {
        case ASCII.slash:
            break
        case ASCII.asterisk where target.count == 1 && parsedMethod == .OPTIONS:
            break
        default:
            // absolute-form (RFC 9112 §3.2.2), which proxies send; anything else is not a target.
            let lowered = target.prefix(8).map(ASCII.lowercased)
            guard lowered.starts(with: Array("http://".utf8)) || lowered.starts(with: Array("https://".utf8)) else {
                return .failure(.target)
            }
        }
        return .success((parsedMethod, String(decoding: target, as: UTF8.self), version[7] == 0x30))
    }
}

/// Splits a CRLF-structured head into lines (without their CRLF).
private struct LineIterator {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func next() -> UnsafeBufferPointer<UInt8>? {
        guard position < bytes.count, let lf = bytes[position...].firstIndex(of: ASCII.lf) else { return nil }
        defer { position = lf + 1 }
        return UnsafeBufferPointer(rebasing: bytes[position..<(lf - 1)])
    }
}
