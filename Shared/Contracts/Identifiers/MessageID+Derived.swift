import Foundation

extension Identifier where Tag == IdentifierKinds.Message {
    /// A deterministic id for a message caused by `cause` (usually the causing message's id), so
    /// that handling the same input twice produces byte-identical output that consumers recognise
    /// as a repeat (DESIGN principle 3).
    ///
    /// The scheme is part of the wire contract and must never change (a change would make replays
    /// after an upgrade look like new messages). It is:
    ///
    ///     input  = "tradeflow-derived-id-v1"
    ///              + for each s in [cause] + parts: "\n" + decimal(utf8Count(s)) + ":" + utf8(s)
    ///     id     = lowercase hex of the first 16 bytes of SHA-256(input)   (32 characters)
    ///
    /// Length prefixes keep `("a", "bc")` and `("ab", "c")` apart. 128 bits make an accidental
    /// collision negligible even over billions of messages (a 64-bit hash such as FNV-1a would
    /// reach a few percent collision odds near 10^9 ids, and a collision here silently drops a message
    /// as a "duplicate").
    public static func derived(from cause: String, _ parts: String...) -> MessageID {
        derived(from: cause, parts: parts)
    }

    /// The array form of `derived(from:_:)`, for callers that build the parts list.
    public static func derived(from cause: String, parts: [String]) -> MessageID {
        var input = Array("tradeflow-derived-id-v1".utf8)
        input.reserveCapacity(input.count + parts.reduce(cause.utf8.count + 8) { $0 + $1.utf8.count + 8 })
        func append(_ part: String) {
            input.append(UInt8(ascii: "\n"))
            input.append(contentsOf: String(part.utf8.count).utf8)
            input.append(UInt8(ascii: ":"))
            input.append(contentsOf: part.utf8)
        }
        append(cause)
        parts.forEach(append)
        let digest = SHA256.hash(input)
        var hexBytes: [UInt8] = []
        hexBytes.reserveCapacity(32)
        for byte in digest.prefix(16) { LowercaseHex.append(byte, to: &hexBytes) }
        let hex = String(decoding: hexBytes, as: UTF8.self)
        // 32 hex characters always satisfy the identifier alphabet and length.
        return MessageID(uncheckedRawValue: hex)
    }

    /// A fresh random id for a root message (one that has no cause, such as a command the gateway
    /// builds from an HTTP request). Never use this inside a pure core: outputs derive their ids.
    public static func random() -> MessageID {
        MessageID(uncheckedRawValue: RandomUUID.lowercasedText())
    }
}

extension Identifier where Tag == IdentifierKinds.Correlation {
    /// A root message usually starts its own correlation: its id becomes the correlation id.
    public init(_ messageID: MessageID) {
        self.init(uncheckedRawValue: messageID.rawValue)
    }
}

extension Identifier {
    /// For values the module builds itself and knows to be valid. Not public: outside code validates.
    init(uncheckedRawValue: String) {
        assert(Self.problem(with: uncheckedRawValue) == nil, "invalid identifier \(uncheckedRawValue)")
        self.rawValue = uncheckedRawValue
    }
}
