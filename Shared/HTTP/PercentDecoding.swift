/// Percent-decoding (RFC 3986 §2.1). Malformed escapes such as `%zz` are kept literally instead of
/// failing the request: the decoded text is only ever used for matching and lookups.
enum PercentDecoding {
    static func decode(_ text: Substring, plusAsSpace: Bool) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == ASCII.percent || (plusAsSpace && $0 == ASCII.plus) }) else {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == ASCII.percent,
               let highIndex = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), highIndex < utf8.endIndex,
               let lowIndex = utf8.index(highIndex, offsetBy: 1, limitedBy: utf8.endIndex), lowIndex < utf8.endIndex,
               let high = ASCII.hexValue(utf8[highIndex]), let low = ASCII.hexValue(utf8[lowIndex]) {
                bytes.append(high << 4 | low)
                index = utf8.index(after: lowIndex)
                continue
            }
            bytes.append(plusAsSpace && byte == ASCII.plus ? ASCII.space : byte)
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
