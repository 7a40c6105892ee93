import Foundation

extension JSONStreamSink {
    /// Writes `value` at the current position (after a key or an element separator), which is
    /// `step` in the innermost container.
    func write<Value: Encodable>(_ value: Value, at step: PathStep) throws {
        if Self.isSpecial(Value.self) {
            try writeSpecial(value, codingPath: codingPathOfNext(step))
            return
        }
        let slot = openSlot(at: step)
        try value.encode(to: StreamEncoder(sink: self, slot: slot))
        // Whatever the value opened is finished now that its `encode(to:)` returned.
        try activate(slot, codingPath: codingPath(to: slot))
        closeInnermost()
    }

    /// Puts `value` into slot `slot` (the root, or a `superEncoder`'s place).
    func encodeValue<Value: Encodable>(_ value: Value, slot: Int) throws {
        if Self.isSpecial(Value.self) {
            try fill(slot: slot, codingPath: codingPath(to: slot))
            try writeSpecial(value, codingPath: codingPath(to: slot))
        } else {
            try value.encode(to: StreamEncoder(sink: self, slot: slot))
        }
    }

    // MARK: literals

    func writeNull() {
        append("null")
    }

    func writeBool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    func writeInteger<Integer: BinaryInteger>(_ value: Integer) {
        if let exact = Int64(exactly: value) {
            appendInteger(exact)
        } else {
            append(String(value))
        }
    }

    func writeFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: Number, codingPath: [any CodingKey]
    ) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: codingPath, debugDescription: "\(value) is not representable in JSON"))
        }
        var text = value.description
        // `JSONEncoder` writes whole numbers without the ".0" Swift's description adds.
        if text.hasSuffix(".0") { text.removeLast(2) }
        append(text)
    }

    /// A JSON string: quotes, backslashes and control characters escaped; slashes and non-ASCII as they are.
    func writeString(_ value: String) {
        var value = value  // `withUTF8` may make a bridged string contiguous; native ones are not copied
        value.withUTF8 { utf8 in
            // Most strings (keys, ids, names) need no escape: one append instead of one per byte.
            if !Self.needsEscape(utf8) {
                appendQuoted(utf8)
                return
            }
            appendByte(UInt8(ascii: "\""))
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): appendBytes(UInt8(ascii: "\\"), UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): appendBytes(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
                case 0x0A: appendBytes(UInt8(ascii: "\\"), UInt8(ascii: "n"))
                case 0x0D: appendBytes(UInt8(ascii: "\\"), UInt8(ascii: "r"))
                case 0x09: appendBytes(UInt8(ascii: "\\"), UInt8(ascii: "t"))
                case 0x08: appendBytes(UInt8(ascii: "\\"), UInt8(ascii: "b"))
                case 0x0C: appendBytes(UInt8(ascii: "\\"), UInt8(ascii: "f"))
                case 0..<0x20:
                    append("\\u00")
                    appendBytes(Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F))
                default: appendByte(byte)
                }
            }
            appendByte(UInt8(ascii: "\""))
        }
    }

    private static func needsEscape<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    // MARK: types the wire writes as literals, not through their own `encode(to:)`

    /// Compared as types, not cast per value: casting every nested value four times showed in
    /// profiles. (An optional `Date` is no exception: `Optional.encode(to:)` hands the date on.)
    private static func isSpecial<Value>(_ type: Value.Type) -> Bool {
        type == Date.self || type == Data.self || type == URL.self || type == Decimal.self
    }

    /// Dates, data, URLs and decimals as `WireFormat` writes them (`value` is one of them).
    private func writeSpecial<Value>(_ value: Value, codingPath: @autoclosure () -> [any CodingKey]) throws {
        switch value {
        case let date as Date:
            guard appendQuotedTimestamp(date) else {
                throw EncodingError.invalidValue(date, EncodingError.Context(
                    codingPath: codingPath(), debugDescription: "date outside the years 0000-9999"))
            }
        case let data as Data:
            writeString(data.base64EncodedString())
        case let url as URL:
            writeString(url.absoluteString)
        case let decimal as Decimal:
            guard !decimal.isNaN else {
                throw EncodingError.invalidValue(decimal, EncodingError.Context(
                    codingPath: codingPath(), debugDescription: "NaN is not representable in JSON"))
            }
            append(decimal.description)
        default:
            preconditionFailure("writeSpecial called for \(Value.self)")
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
