/// What an identifier names. The tag is a phantom type: it exists only so that the compiler refuses
/// to pass a `SKU` where an `OrderID` is expected, although both are strings on the wire.
public protocol IdentifierTag: Sendable {
    /// A human-readable name for error messages ("SKU", "order id").
    static var kindName: String { get }
}

/// A validated, string-backed identifier, encoded as a plain JSON string.
///
/// Every identifier is 1...128 characters of `A-Z a-z 0-9 . _ : -`. The alphabet is deliberately
/// narrow: identifiers end up in Kafka keys, URLs, log lines and file names, and none of those need
/// quoting for these characters. Outside systems with other id schemes map to this alphabet at the
/// edge (gateway, inbound topics), never inside the platform.
public struct Identifier<Tag: IdentifierTag>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The longest identifier accepted anywhere on the platform.
    public static var maximumLength: Int { 128 }

    public let rawValue: String

    /// Validates `rawValue`; throws a message naming the rule that failed.
    public init(_ rawValue: String) throws(IdentifierError) {
        if let problem = Self.problem(with: rawValue) {
            throw IdentifierError(kind: Tag.kindName, value: rawValue, problem: problem)
        }
        self.rawValue = rawValue
    }

    /// `nil` when `rawValue` is not a valid identifier.
    public init?(validating rawValue: String) {
        guard Self.problem(with: rawValue) == nil else { return nil }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why `candidate` is not a valid identifier, or `nil` when it is.
    static func problem(with candidate: String) -> String? {
        let bytes = candidate.utf8
        if bytes.isEmpty { return "must not be empty" }
        if bytes.count > maximumLength { return "must be at most \(maximumLength) characters, got \(bytes.count)" }
        // Every decoded id is checked: scan the contiguous bytes first (the enumerated UTF-8
        // iterator showed in profiles), and look for the position only when something is wrong.
        if bytes.withContiguousStorageIfAvailable({ $0.allSatisfy(isAllowed) }) ?? bytes.allSatisfy(isAllowed) { return nil }
        for (offset, byte) in bytes.enumerated() where !isAllowed(byte) {
            return "character at position \(offset) is not one of A-Z a-z 0-9 . _ : -"
        }
        return nil
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

/// Why a string is not a valid identifier.
public struct IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    public let kind: String
    public let value: String
    public let problem: String

    public var description: String { "invalid \(kind): \(problem)" }
}
