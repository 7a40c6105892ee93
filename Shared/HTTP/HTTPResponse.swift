import Foundation

/// A response produced by a handler. The server adds `Content-Length`, `Date` and, when it closes the
/// connection, `Connection: close`; handlers never manage framing themselves.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Encodes `value` as the JSON body. An encoding failure is a programming error in the handler;
    /// it becomes a 500 rather than a crash.
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) -> HTTPResponse {
        do {
            let data = try JSONEncoder().encode(value)
            return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Array(data))
        } catch {
            return .error(.internalServerError, code: "encoding-failed", message: "response could not be encoded as JSON")
        }
    }

    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// The one error shape of every Tradeflow API, also used for the server's own protocol errors:
    /// `{"error":{"code":"...","message":"...","field":"..."}}`, `field` omitted when nil.
    /// Built by hand so the key order is fixed and the protocol-error path needs no encoder.
    public static func error(_ status: HTTPStatus, code: String, message: String, field: String? = nil) -> HTTPResponse {
        var body: [UInt8] = []
        body.reserveCapacity(48 + code.utf8.count + message.utf8.count + (field?.utf8.count ?? 0))
        body.append(contentsOf: #"{"error":{"code":"#.utf8)
        JSONString.append(code, to: &body)
        body.append(contentsOf: #","message":"#.utf8)
        JSONString.append(message, to: &body)
        if let field {
            body.append(contentsOf: #","field":"#.utf8)
            JSONString.append(field, to: &body)
        }
        body.append(contentsOf: "}}".utf8)
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }
}
