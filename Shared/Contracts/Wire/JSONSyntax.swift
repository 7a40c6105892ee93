/// Finds what Foundation's `JSONDecoder` does not report precisely, for dead-letter reasons:
/// the first syntax error with its 0-based byte offset ("not JSON at byte 17: expected ',' or '}'"),
/// and the first number that no integer field can hold (the decoder reports "1.5" or "1e30" in an
/// `Int64` field as "not valid JSON" with no path). Runs only after the decoder has refused the
/// bytes, so it costs nothing on the happy path.
struct JSONSyntax {
    struct Failure: Error, Equatable {
        let offset: Int
        let problem: String
    }

    /// A number that is not a whole number in the `Int64` range, and where it is.
    struct InexactNumber: Equatable {
        let path: String
        let literal: String
    }

    /// Deeper nesting is refused before it can exhaust the stack.
    static let maximumDepth = 512

    static func analyze(_ bytes: [UInt8]) -> (failure: Failure?, firstInexactNumber: InexactNumber?) {
        var scanner = JSONSyntax(bytes: bytes)
        do throws(Failure) {
            try scanner.value(depth: 0)
            scanner.skipWhitespace()
            if scanner.index < bytes.count {
                throw scanner.failure("unexpected \(scanner.describeCurrent()) after the JSON value")
            }
            return (nil, scanner.firstInexactNumber)
        } catch {
            return (error, scanner.firstInexactNumber)
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    /// Object keys and array indices leading to the current value, e.g. `["payload", "lines", "[2]"]`.
    private var path: [String] = []
    private var firstInexactNumber: InexactNumber?

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func value(depth: Int) throws(Failure) {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw failure("unexpected \(describeCurrent())")
        }
    }

    private mutating func object(depth: Int) throws(Failure) {
        if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth)") }
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; return }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a string key, found \(describeCurrent())") }
            let keyStart = index + 1
            try string()
            let key = String(decoding: bytes[keyStart..<(index - 1)], as: UTF8.self)
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected ':', found \(describeCurrent())") }
            index += 1
            path.append(key)
            try value(depth: depth)
            path.removeLast()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "}")) { index += 1; return }
            throw failure("expected ',' or '}', found \(describeCurrent())")
        }
    }

    private mutating func array(depth: Int) throws(Failure) {
        if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth)") }
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; return }
        var element = 0
        while true {
            path.append("[\(element)]")
            try value(depth: depth)
            path.removeLast()
            element += 1
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; return }
            throw failure("expected ',' or ']', found \(describeCurrent())")
        }
    }

    private mutating func string() throws(Failure) {
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        index += 1
                        guard index < bytes.count, JSONText.hexValue(bytes[index]) != nil else {
                            throw failure("invalid \\u escape in string")
                        }
                    }
                } else if !Array("\"\\/bfnrt".utf8).contains(bytes[index]) {
                    throw failure("invalid escape \(describeCurrent()) in string")
                }
                index += 1
            case 0..<0x20:
                throw failure("unescaped control character in string")
            case 0x80...:
                try utf8Sequence()
            default:
                index += 1
            }
        }
        throw Failure(offset: start, problem: "unterminated string")
    }

    /// Steps over one multi-byte UTF-8 sequence, refusing malformed, overlong and surrogate forms.
    private mutating func utf8Sequence() throws(Failure) {
        guard let length = JSONText.multiByteScalarLength(in: bytes, at: index) else { throw failure("invalid UTF-8") }
        index += length
    }

    private mutating func number() throws(Failure) {
        let start = index
        defer { noteIfInexact(start..<index) }
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else {
            try digits(what: "digit")
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            try digits(what: "digit after '.'")
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            try digits(what: "exponent digit")
        }
    }

    /// Remembers the first number an `Int64` cannot hold exactly (1.0 and 1e3 are fine, as they
    /// are for the decoder).
    private mutating func noteIfInexact(_ range: Range<Int>) {
        guard firstInexactNumber == nil, !range.isEmpty else { return }
        let literal = String(decoding: bytes[range], as: UTF8.self)
        if Int64(literal) != nil { return }
        if let value = Double(literal), value.rounded() == value, value.magnitude < 9.2e18 { return }
        let location = path.reduce("") { result, component in
            component.hasPrefix("[") || result.isEmpty ? result + component : result + "." + component
        }
        firstInexactNumber = InexactNumber(path: location.isEmpty ? "(envelope)" : location, literal: literal)
    }

    private mutating func digits(what: String) throws(Failure) {
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw failure("expected a \(what), found \(describeCurrent())")
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw failure("unexpected \(describeCurrent()) (expected \(word))")
            }
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }
    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func failure(_ problem: String) -> Failure { Failure(offset: index, problem: problem) }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        return (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
