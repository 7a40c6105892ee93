/// A request the parser refuses. Each case knows its status and the JSON error it is answered with;
/// the connection is always closed after that response, because after a framing error the server can
/// no longer tell where the next request would start.
struct ProtocolError: Error, Equatable {
    let status: HTTPStatus
    let code: String
    let message: String

    var response: HTTPResponse {
        .error(status, code: code, message: message)
    }

    static let lineEnding = ProtocolError(
        status: .badRequest, code: "malformed-request", message: "lines must end with CRLF")
    static let requestLineCharacters = ProtocolError(
        status: .badRequest, code: "malformed-request", message: "request line contains invalid characters")
    static let requestLine = ProtocolError(
        status: .badRequest, code: "malformed-request", message: "request line must be 'METHOD target HTTP/1.1'")
    static let target = ProtocolError(
        status: .badRequest, code: "malformed-request", message: "request target must be an absolute path")
    static let obsoleteFolding = ProtocolError(
        status: .badRequest, code: "invalid-header", message: "obsolete header line folding is not allowed")
    static let headerSyntax = ProtocolError(
        status: .badRequest, code: "invalid-header", message: "header fields must be 'token: value'")
    static let missingHost = ProtocolError(
        status: .badRequest, code: "invalid-header", message: "HTTP/1.1 requests need exactly one Host header")
    static let contentLength = ProtocolError(
        status: .badRequest, code: "invalid-content-length", message: "Content-Length must be one non-negative integer")
    static let conflictingFraming = ProtocolError(
        status: .badRequest, code: "conflicting-framing",
        message: "a request must not carry both Transfer-Encoding and Content-Length")
    static let transferEncoding = ProtocolError(
        status: .notImplemented, code: "unsupported-transfer-encoding",
        message: "Transfer-Encoding is not supported; send the body with Content-Length")
    static let version = ProtocolError(
        status: .httpVersionNotSupported, code: "http-version-not-supported",
        message: "only HTTP/1.1 and HTTP/1.0 are supported")
    static let requestTimeout = ProtocolError(
        status: .requestTimeout, code: "request-timeout", message: "the request was not completed in time")

    static func requestLineTooLong(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .uriTooLong, code: "uri-too-long", message: "request line exceeds \(limit) bytes")
    }

    static func headerTooLarge(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .requestHeaderFieldsTooLarge, code: "header-too-large",
                      message: "request line and headers exceed \(limit) bytes")
    }

    static func tooManyHeaders(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .requestHeaderFieldsTooLarge, code: "too-many-headers",
                      message: "request has more than \(limit) header fields")
    }

    static func bodyTooLarge(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .payloadTooLarge, code: "payload-too-large", message: "request body exceeds \(limit) bytes")
    }

    static let serverBusy = ProtocolError(
        status: .serviceUnavailable, code: "server-busy", message: "too many open connections, retry shortly")
    static let handlerTimeout = ProtocolError(
        status: .serviceUnavailable, code: "handler-timeout", message: "the request handler did not finish in time")
}
