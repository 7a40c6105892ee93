import Contracts

/// Limits and checks of free-text command fields. Every limit keeps an order (and its read model)
/// well inside Kafka's message size.
enum TextRules {
    static let shortText = 100
    static let reasonText = 500
    static let noteText = 1_000
    static let ruleDescription = 256
    static let categoryLevels = 6
    static let identifierText = 128
    static let orderIdLength = 64

    /// Non-blank, at most `maximum` characters, no control characters but line breaks and tabs.
    static func require(_ text: String, field: String, maximum: Int) throws(Refusal) {
        if text.allSatisfy(\.isWhitespace) { throw .invalid(field, "\(field) must not be blank") }
        try limit(text, field: field, maximum: maximum)
    }

    /// Absent, or non-blank and at most `maximum` characters.
    static func optional(_ text: String?, field: String, maximum: Int) throws(Refusal) {
        if let text { try require(text, field: field, maximum: maximum) }
    }

    static func limit(_ text: String, field: String, maximum: Int) throws(Refusal) {
        if text.count > maximum {
            throw .invalid(field, "\(field) must be at most \(maximum) characters, got \(text.count)")
        }
        if let control = FreeText.controlCharacter(in: text) {
            throw .invalid(field, "\(field) must not contain control characters (\(control))")
        }
    }

    /// A category path: at most 6 non-blank levels of at most 100 characters.
    static func category(_ path: [String], field: String) throws(Refusal) {
        if path.count > categoryLevels {
            throw .invalid(field, "\(field) has \(path.count) levels; at most \(categoryLevels)")
        }
        for (index, level) in path.enumerated() {
            try require(level, field: "\(field)[\(index)]", maximum: shortText)
        }
    }
}
