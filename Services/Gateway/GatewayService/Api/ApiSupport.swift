import Contracts
import Foundation
import HTTP
import Kafka

/// A rejection the API answers with: the status and the standard error body naming the field.
struct ApiError: Error {
    /// A service did not answer in time (504); the command may still be applied.
    static let timeoutCode = "timeout"

    let status: HTTPStatus
    let code: String
    let message: String
    let field: String?
    var headers: [(String, String)] = []

    init(_ status: HTTPStatus, _ code: String, _ message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    var response: HTTPResponse {
        var response = HTTPResponse.error(status, code: code, message: message, field: field)
        for (name, value) in headers { response.headers.replaceOrAdd(name, value) }
        return response
    }

    static func invalid(_ field: String, _ message: String) -> ApiError {
        ApiError(.badRequest, "invalid-field", message, field: field)
    }
    static func forbidden(_ message: String) -> ApiError { ApiError(.forbidden, "forbidden", message) }
    static func notFound(_ what: String) -> ApiError { ApiError(.notFound, "not-found", "\(what) not found") }
}

/// Handlers throw `ApiError` for expected rejections; this turns them (and anything unexpected)
/// into responses, so every route answers with the same error shape.
func handle(_ body: () async throws -> HTTPResponse) async -> HTTPResponse {
    do {
        return try await body()
    } catch {
        return ApiError(answering: error).response
    }
}

extension ApiError {
    /// Any error a handler throws, as the API answers it (a batch answers each item this way).
    init(answering error: any Error) {
        switch error {
        case let error as ApiError:
            self = error
        case let error as KafkaError where error.isQueueFull:
            // Kafka is not taking records as fast as they come: shed load, the client may retry.
            self = ApiError(.serviceUnavailable, "kafka-busy", "the platform is not accepting commands this fast; retry after 1 s")
                .with(header: ("Retry-After", "1"))
        default:
            self = ApiError(.internalServerError, "internal", "unexpected error: \(error)")
        }
    }
}

extension HTTPRequest {
    /// Decodes a JSON body with the wire format's decoder; a bad body names the offending field.
    /// Fields the request does not take are refused (a misspelt optional field would otherwise
    /// be dropped silently), except where a third party writes the body (`.ignored`).
    func body<T: Decodable>(_ type: T.Type, unknownFields: WireFormat.UnknownFields = .refused) throws -> T {
        guard !body.isEmpty else { throw ApiError.invalid("body", "a JSON body is required") }
        if let contentType = headers["Content-Type"], !contentType.lowercased().hasPrefix("application/json") {
            throw ApiError(.unsupportedMediaType, "unsupported-media-type", "send Content-Type: application/json")
        }
        do {
            return try WireFormat.decodeValue(T.self, from: body, unknownFields: unknownFields)
        } catch {
            if case .unknownField = error {
                throw ApiError(.badRequest, "unknown-field", error.reason, field: error.fieldPath)
            }
            throw ApiError(.badRequest, "invalid-body", error.reason, field: error.fieldPath)
        }
    }

    /// A company id query parameter (`?buyer=`, `?company=`); nil when absent.
    func companyQuery(_ name: String) throws -> CompanyID? {
        guard let text = query[name] else { return nil }
        guard let company = try? CompanyID(text) else { throw ApiError.invalid(name, "not a valid company id") }
        return company
    }

    /// A query parameter that must be one of an enumeration's values; nil when absent.
    func choiceQuery<Choice: RawRepresentable & CaseIterable>(_ name: String, _ type: Choice.Type) throws -> Choice?
    where Choice.RawValue == String {
        guard let text = query[name] else { return nil }
        guard let value = Choice(rawValue: text) else {
            throw ApiError.invalid(name, "unknown \(name) \"\(text.prefix(40))\"; one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// A true/false query parameter (also 1/0); false when absent.
    func boolQuery(_ name: String) throws -> Bool {
        switch query[name]?.lowercased() {
        case nil, "", "false", "0": return false
        case "true", "1": return true
        default: throw ApiError.invalid(name, "\(name) must be true or false")
        }
    }

    /// An integer query parameter within `range`.
    func intQuery(_ name: String, default fallback: Int64, range: ClosedRange<Int64>) throws -> Int64 {
        guard let text = query[name], !text.isEmpty else { return fallback }
        guard let value = Int64(text), range.contains(value) else {
            throw ApiError.invalid(name, "\(name) must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    func requiredPath(_ name: String) throws -> String {
        guard let value = pathParameters[name], !value.isEmpty else { throw ApiError.invalid(name, "\(name) is required") }
        return value
    }
}

extension WireFormatError {
    /// The JSON path of the field a decoding error is about, without the envelope's `payload.` prefix.
    var fieldPath: String? {
        switch self {
        case let .missingField(path), let .nullField(path, _), let .wrongType(path, _), let .invalidValue(path, _),
             let .unknownField(path, _), let .misspeltField(path, _):
            path.hasPrefix("payload.") ? String(path.dropFirst("payload.".count)) : path
        default: nil
        }
    }
}

/// JSON responses in the wire format's conventions (ISO-8601 dates with milliseconds, Money as
/// minor units) but without sorting keys: clients do not care about key order, and sorting costs
/// time on every response of the hot read paths.
/// Written as a stream (keys in declaration order); `JSONEncoder` for what a stream cannot write.
private let responseStreamer = StreamingJSONEncoder()
private let responseEncoder: JSONEncoder = {
    let encoder = WireFormat.makeEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return encoder
}()

/// A response whose JSON body was written by hand (`JSONWriter`).
func jsonBody(_ body: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
    var response = HTTPResponse(status: status, body: body)
    response.headers.replaceOrAdd("Content-Type", "application/json")
    return response
}

func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) -> HTTPResponse {
    do {
        return jsonBody(try (try? responseStreamer.encode(value)) ?? Array(responseEncoder.encode(value)), status: status)
    } catch {
        return .error(.internalServerError, code: "internal", message: "cannot encode response: \(error)")
    }
}
