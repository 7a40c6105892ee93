import Foundation

/// Turning a node into a Swift value, with the wire's conventions (dates as `WireTimestamp`).
/// A value of the wrong JSON kind throws the `DecodingError` Foundation would (so a `try?` in an
/// `init(from:)` behaves the same); what Foundation might read differently is refused instead.
extension JSONDocument {
    func decode<T: Decodable>(_ type: T.Type, at node: Int32) throws -> T {
        if T.self == String.self { return unsafeBitCast(try string(at: node), to: T.self) }
        if T.self == Date.self { return unsafeBitCast(try date(at: node), to: T.self) }
        if T.self == Int64.self { return unsafeBitCast(try integer(Int64.self, at: node), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self, at: node), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(at: node), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try double(at: node), to: T.self) }
        if T.self == Int32.self { return unsafeBitCast(try integer(Int32.self, at: node), to: T.self) }
        if T.self == UInt64.self { return unsafeBitCast(try integer(UInt64.self, at: node), to: T.self) }
        // Foundation decodes these specially (or, for Float, by its own parse): leave them to it.
        if T.self == Decimal.self || T.self == URL.self || T.self == Data.self || T.self == Float.self {
            throw refuse()
        }
        return try T(from: IndexedJSONDecoder(document: self, node: node))
    }

    func string(at node: Int32) throws -> String {
        let entry = nodes[Int(node)]
        guard entry.kind == .string else { throw mismatch(String.self, at: node) }
        let contents = UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
        guard entry.flag else { return String(decoding: contents, as: UTF8.self) }
        do {
            return try JSONText.unescape(contents)
        } catch {
            throw refuse()
        }
    }

    func bool(at node: Int32) throws -> Bool {
        switch kind(node) {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, at: node)
        }
    }

    func date(at node: Int32) throws -> Date {
        let entry = nodes[Int(node)]
        guard entry.kind == .string else { throw mismatch(String.self, at: node) }
        let contents = UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
        guard !entry.flag, let date = WireTimestamp.parse(utf8: contents) else { throw refuse() }
        return date
    }

    /// Whole numbers written without fraction or exponent. Foundation refuses "1.5" for an integer
    /// too; "1.0" and "1e2", which it reads as integers, are left to it, except in a strict decode
    /// (which Foundation cannot do), where a whole value exact in a Double is read here.
    func integer<T: FixedWidthInteger>(_ type: T.Type, at node: Int32) throws -> T {
        let entry = nodes[Int(node)]
        guard entry.kind == .number else { throw mismatch(T.self, at: node) }
        if entry.flag {
            let value = try double(at: node)
            guard value == value.rounded(.towardZero) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: codingPath(to: node), debugDescription: "\(value) is not a whole number"))
            }
            if tracksReads, abs(value) <= 9_007_199_254_740_992, let exact = T(exactly: value) { return exact }
            throw refuse()
        }
        var index = Int(entry.start)
        let end = Int(entry.end)
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        // Accumulated towards the sign so that the most negative value fits.
        var value: T = 0
        while index < end {
            let digit = T(bytes[index] - UInt8(ascii: "0"))
            let (shifted, overflowTen) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowDigit) = negative ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            guard !overflowTen, !overflowDigit else { throw refuse() }
            value = next
            index += 1
        }
        return value
    }

    func double(at node: Int32) throws -> Double {
        let entry = nodes[Int(node)]
        guard entry.kind == .number else { throw mismatch(Double.self, at: node) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw refuse() }
        return value
    }

    func mismatch(_ type: Any.Type, at node: Int32) -> DecodingError {
        if kind(node) == .null {
            return DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath(to: node), debugDescription: "Expected \(type) value but found null instead."))
        }
        return DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: codingPath(to: node), debugDescription: "Expected to decode \(type) but found \(kind(node)) instead."))
    }

    /// The keys and indices from the root to `node`, as Foundation reports them.
    func codingPath(to node: Int32) -> [any CodingKey] {
        var path: [any CodingKey] = []
        var child = node
        var parent = nodes[Int(child)].parent
        while parent >= 0 {
            if kind(parent) == .object {
                path.append(WireCodingKey(stringValue: rawText(child - 1)))
            } else {
                var element = parent + 1
                var index = 0
                while element != child {
                    element = nodes[Int(element)].next
                    index += 1
                }
                path.append(WireCodingKey(intValue: index))
            }
            child = parent
            parent = nodes[Int(child)].parent
        }
        return path.reversed()
    }
}
