import Foundation
import Testing

/// Reads the golden files in `Fixtures/`.
enum FixtureFiles {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "no fixture Fixtures/\(name)" }
    }

    /// The bytes of `Fixtures/<name>`, without the final newline an editor may add: the wire itself
    /// never ends in a newline, and fixtures should stay editable.
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        var bytes = Array(try Data(contentsOf: url))
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        return bytes
    }

    static func names() throws -> [String] {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw Missing(name: "")
        }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Compares bytes (not Strings, whose equality would hide Unicode normalisation changes) and
    /// reports where they first differ rather than dumping both arrays.
    static func expectSameBytes(_ actual: [UInt8], _ expected: [UInt8], _ fixture: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        Issue.record("\(fixture) differs: \(firstDifference(actual, expected))", sourceLocation: sourceLocation)
    }

    /// Shows where two byte strings first differ, so a failing golden test says what changed.
    static func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
        let index = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actual.count, expected.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, index - 30)..<min(bytes.count, index + 30)], as: UTF8.self)
        }
        return "first difference at byte \(index):\n  actual:   …\(around(actual))…\n  expected: …\(around(expected))…"
    }
}
