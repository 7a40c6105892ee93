/// The byte-level rules of JSON strings: UTF-8 scalars and escape sequences.
enum JSONText {
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The index after the multi-byte UTF-8 scalar starting at `start`; refuses overlong forms,
    /// surrogates and values past U+10FFFF.
    static func endOfUTF8Scalar(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONDocument.Unsupported) -> Int {
        let lead = bytes[start]
        let continuation: Int
        var secondByte: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: continuation = 1
        case 0xE0: continuation = 2; secondByte = 0xA0...0xBF
        case 0xED: continuation = 2; secondByte = 0x80...0x9F
        case 0xE1...0xEF: continuation = 2
        case 0xF0: continuation = 3; secondByte = 0x90...0xBF
        case 0xF4: continuation = 3; secondByte = 0x80...0x8F
        case 0xF1...0xF3: continuation = 3
        default: throw JSONDocument.Unsupported()
        }
        guard start + continuation < bytes.count, secondByte.contains(bytes[start + 1]) else { throw JSONDocument.Unsupported() }
        for offset in stride(from: 2, through: continuation, by: 1) where !(0x80...0xBF).contains(bytes[start + offset]) {
            throw JSONDocument.Unsupported()
        }
        return start + continuation + 1
    }

    /// The string a JSON string's contents (between the quotes, validated by `JSONReader`) stand for.
    static func unescape(_ contents: UnsafeBufferPointer<UInt8>) throws(JSONDocument.Unsupported) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(contents.count)
        var index = 0
        while index < contents.count {
            let byte = contents[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = contents[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = codeUnit(contents, at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 5 < contents.count, contents[index] == UInt8(ascii: "\\"),
                          contents[index + 1] == UInt8(ascii: "u") else { throw JSONDocument.Unsupported() }
                    let low = codeUnit(contents, at: index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw JSONDocument.Unsupported() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw JSONDocument.Unsupported()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw JSONDocument.Unsupported() }
                output.append(contentsOf: UTF8.encode(unicode)!)
            default:
                output.append(escape)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The four hex digits at `index` (validated by `JSONReader`).
    private static func codeUnit(_ contents: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (hexValue(contents[index + offset]) ?? 0) }
        return value
    }
}
