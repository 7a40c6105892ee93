/// Turning Foundation's `DecodingError` (whose descriptions are written for programmers and change
/// between Foundation versions) into stable, specific dead-letter reasons.
extension WireFormatError {
    init(decodingFailure error: any Error, in bytes: [UInt8]) {
        switch error {
        case let error as WireFormatError:
            self = error
        case let ContractError.unknownMessageType(type, version):
            self = .unknownMessageType(type: type, version: version)
        case let DecodingError.keyNotFound(key, context):
            self = .missingField(path: Self.path(context.codingPath + [key]))
        case let DecodingError.valueNotFound(type, context):
            self = .nullField(path: Self.path(context.codingPath), expected: Self.jsonKind(of: type))
        case let DecodingError.typeMismatch(type, context):
            self = .wrongType(path: Self.path(context.codingPath), expected: Self.jsonKind(of: type))
        case let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty:
            // At the root Foundation means "not valid JSON" (without saying where), but it also reports
            // a number that does not fit an integer field (1.5, 1e30) this way, without a path.
            let analysis = JSONSyntax.analyze(bytes)
            if let syntax = analysis.failure {
                self = .notJSON(offset: syntax.offset, problem: syntax.problem)
            } else if let number = analysis.firstInexactNumber {
                self = .invalidValue(path: number.path,
                                     problem: "\(number.literal) is not a whole number in the 64-bit integer range")
            } else {
                self = .notJSON(offset: nil, problem: context.debugDescription)
            }
        case let DecodingError.dataCorrupted(context):
            self = .invalidValue(path: Self.path(context.codingPath), problem: context.debugDescription)
        default:
            self = .invalidValue(path: Self.path([]), problem: String(describing: error))
        }
    }

    /// "payload.lines[2].sku"; the envelope itself is "(envelope)".
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result.isEmpty ? "(envelope)" : result
    }

    /// The JSON name of what a Swift type decodes from.
    static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "string"
        case is Bool.Type: return "boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt64.Type, is UInt32.Type: return "integer"
        case is Double.Type, is Float.Type: return "number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") { return "object" }
            if name.hasPrefix("Array") { return "array" }
            return name
        }
    }
}
