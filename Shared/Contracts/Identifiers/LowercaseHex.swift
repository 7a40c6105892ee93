/// Lowercase hexadecimal digits for the ids this module builds (derived message ids, random UUIDs).
/// Contracts has no dependencies, so it keeps this small copy instead of using `Crypto.Hex`.
enum LowercaseHex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Appends the two digits of `byte` to `text`.
    static func append(_ byte: UInt8, to text: inout [UInt8]) {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
    }
}
