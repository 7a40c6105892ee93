/// Why bytes could not be read as (or written to) an envelope. `reason` is what goes to the
/// dead-letter topic, so it names the exact field and problem; an operator reading a DLQ record
/// should not need the code to know what was wrong.
public enum WireFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    /// Syntax error at a 0-based byte offset (nil when the offset is unknown, e.g. invalid UTF-8).
    case notJSON(offset: Int?, problem: String)
    /// `path` like "payload.quantity".
    case missingField(path: String)
    case nullField(path: String, expected: String)
    case wrongType(path: String, expected: String)
    case invalidValue(path: String, problem: String)
    case unknownMessageType(type: String, version: Int)
    case unencodable(problem: String)
    /// Strict decoding: a member the type does not read, with the names it reads in that object.
    case unknownField(path: String, known: [String])
    /// Strict decoding: a required field is missing and `given` (beside it, nearly the same name)
    /// is most likely it, misspelt.
    case misspeltField(path: String, given: [String])
    /// Strict decoding: valid JSON the wire does not take (a field twice, an escaped field name).
    case notAccepted(offset: Int, problem: String)

    public var reason: String {
        switch self {
        case .empty: "empty message"
        case let .tooLarge(bytes, limit): "message of \(bytes) bytes exceeds the limit of \(limit) bytes"
        case let .notJSON(offset?, problem): "not JSON at byte \(offset): \(problem)"
        case let .notJSON(nil, problem): "not JSON: \(problem)"
        case let .missingField(path): "missing field \(path)"
        case let .nullField(path, expected): "field \(path) is null, expected \(expected)"
        case let .wrongType(path, expected): "wrong type at \(path): expected \(expected)"
        case let .invalidValue(path, problem): "invalid value at \(path): \(problem)"
        case let .unknownMessageType(type, version): "unknown message type \(type) v\(version)"
        case let .unencodable(problem): "cannot encode: \(problem)"
        case let .unknownField(path, known) where known.isEmpty: "unknown field \(path)"
        case let .unknownField(path, known): "unknown field \(path); the fields there are \(known.joined(separator: ", "))"
        case let .misspeltField(path, given):
            "missing field \(path); \(given.count == 1 ? "a field" : "fields") named \(given.joined(separator: ", ")) given instead: misspelt?"
        case let .notAccepted(offset, problem): "not accepted at byte \(offset): \(problem)"
        }
    }

    public var description: String { reason }
}
