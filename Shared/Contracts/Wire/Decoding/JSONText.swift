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

    /// The length (2...4) of the multi-byte UTF-8 scalar starting at `start`, or nil when it is
    /// malformed, overlong, a surrogate or past U+10FFFF. Shared by `JSONReader` and `JSONSyntax`.
    static func multiByteScalarLength<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at start: Int) -> Int?
        where Bytes.Index == Int {
        let length: Int, secondByte: ClosedRange<UInt8>
        switch bytes[start] {
        case 0xC2...0xDF: (length, secondByte) = (2, 0x80...0xBF)
        case 0xE0: (length, secondByte) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, secondByte) = (3, 0x80...0xBF)
        case 0xED: (length, secondByte) = (3, 0x80...0x9F)
        case 0xF0: (length, secondByte) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, secondByte) = (4, 0x80...0xBF)
        case 0xF4: (length, secondByte) = (4, 0x80...0x8F)
        default: return nil
        }
        for offset in 1..<length {
            let position = start + offset
            let allowed: ClosedRange<UInt8> = offset == 1 ? secondByte : 0x80...0xBF
            guard position < bytes.endIndex, allowed.contains(bytes[position]) else { return nil }
        }
        return length
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
