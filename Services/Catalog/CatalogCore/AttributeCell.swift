/// The `attributes` and `product_attributes` CSV cells: `key=value;key=value`, sorted by key on
/// export. A backslash escapes the next character, so keys and values may contain `;`, `=` and `\`.
enum AttributeCell {
    static func format(_ attributes: [String: String]) -> String {
        attributes.sorted { $0.key < $1.key }
            .map { escape($0.key) + "=" + escape($0.value) }
            .joined(separator: ";")
    }

    /// The attributes in `cell`, or why it cannot be read.
    static func parse(_ cell: String) -> Result<[String: String], AttributeCellError> {
        var result: [String: String] = [:]
        var key = "", value = ""
        var inValue = false, escaped = false, pairHasText = false
        func finishPair() -> AttributeCellError? {
            defer { key = ""; value = ""; inValue = false; pairHasText = false }
            guard pairHasText else { return nil }
            guard inValue else { return .missingEquals(key) }
            if key.isEmpty { return .emptyKey }
            if result.updateValue(value, forKey: key) != nil { return .duplicateKey(key) }
            return nil
        }
        for character in cell {
            if escaped {
                if inValue { value.append(character) } else { key.append(character) }
                escaped = false
                pairHasText = true
                continue
            }
            switch character {
            case "\\":
                escaped = true
            case "=" where !inValue:
                inValue = true
                pairHasText = true
            case ";":
                if let error = finishPair() { return .failure(error) }
            default:
                if inValue { value.append(character) } else { key.append(character) }
                pairHasText = true
            }
        }
        if escaped { return .failure(.danglingBackslash) }
        if let error = finishPair() { return .failure(error) }
        return .success(result)
    }

    private static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == ";" || $0 == "=" }) else { return text }
        var escaped = ""
        for character in text {
            if character == "\\" || character == ";" || character == "=" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

enum AttributeCellError: Error, Equatable, CustomStringConvertible {
    case missingEquals(String)
    case emptyKey
    case duplicateKey(String)
    case danglingBackslash

    var description: String {
        switch self {
        case let .missingEquals(text): "\"\(text)\" has no \"=\" (write key=value;key=value)"
        case .emptyKey: "an attribute has an empty key"
        case let .duplicateKey(key): "attribute \"\(key)\" appears twice"
        case .danglingBackslash: "ends with a lone backslash"
        }
    }
}
