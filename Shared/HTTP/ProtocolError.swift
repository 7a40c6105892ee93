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
        status: .badRequest, code: "malformed_request", message: "lines must end with CRLF")
    static let requestLineCharacters = ProtocolError(
        status: .badRequest, code: "malformed_request", message: "request line contains invalid characters")
    static let requestLine = ProtocolError(
        status: .badRequest, code: "malformed_request", message: "request line must be 'METHOD target HTTP/1.1'")
    static let target = ProtocolError(
        status: .badRequest, code: "malformed_request", message: "request target must be an absolute path")
    static let obsoleteFolding = ProtocolError(
        status: .badRequest, code: "invalid_header", message: "obsolete header line folding is not allowed")
    static let headerSyntax = ProtocolError(
        status: .badRequest, code: "invalid_header", message: "header fields must be 'token: value'")
    static let missingHost = ProtocolError(
        status: .badRequest, code: "invalid_header", message: "HTTP/1.1 requests need exactly one Host header")
    static let contentLength = ProtocolError(
        status: .badRequest, code: "invalid_content_length", message: "Content-Length must be one non-negative integer")
    static let conflictingFraming = ProtocolError(
        status: .badRequest, code: "conflicting_framing",
        message: "a request must not carry both Transfer-Encoding and Content-Length")
    static let transferEncoding = ProtocolError(
        status: .notImplemented, code: "unsupported_transfer_encoding",
        message: "Transfer-Encoding is not supported; send the body with Content-Length")
    static let version = ProtocolError(
        status: .httpVersionNotSupported, code: "http_version_not_supported",
        message: "only HTTP/1.1 and HTTP/1.0 are supported")
    static let requestTimeout = ProtocolError(
        status: .requestTimeout, code: "request_timeout", message: "the request was not completed in time")

    static func requestLineTooLong(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .uriTooLong, code: "uri_too_long", message: "request line exceeds \(limit) bytes")
    }

    static func headerTooLarge(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .requestHeaderFieldsTooLarge, code: "header_too_large",
                      message: "request line and headers exceed \(limit) bytes")
    }

    static func tooManyHeaders(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .requestHeaderFieldsTooLarge, code: "too_many_headers",
                      message: "request has more than \(limit) header fields")
    }

    static func bodyTooLarge(_ limit: Int) -> ProtocolError {
        ProtocolError(status: .payloadTooLarge, code: "payload_too_large", message: "request body exceeds \(limit) bytes")
    }

    static let serverBusy = ProtocolError(
        status: .serviceUnavailable, code: "server_busy", message: "too many open connections, retry shortly")
    static let handlerTimeout = ProtocolError(
        status: .serviceUnavailable, code: "handler_timeout", message: "the request handler did not finish in time")
}
