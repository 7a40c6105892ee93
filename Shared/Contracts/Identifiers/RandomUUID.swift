/// Random (version 4) UUID text, lowercase, e.g. "3f2a9c1e-7b4d-4e8a-9f10-2c6b5d7e8a01".
///
/// Foundation's `UUID()` on Linux opens, reads and closes `/dev/urandom` for every id; a service
/// stamping each message it publishes with a fresh id spent measurable CPU in those system calls
/// (the gateway ~2% of a flash sale). `SystemRandomNumberGenerator` reads the kernel's generator
/// with one `getrandom` per 8 bytes: the same cryptographic source, without the file.
public enum RandomUUID {
    public static func lowercasedText() -> String {
        var generator = SystemRandomNumberGenerator()
        let high: UInt64 = generator.next()
        let low: UInt64 = generator.next()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: low >> UInt64(shift))) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40   // version 4
        bytes[8] = (bytes[8] & 0x3f) | 0x80   // RFC 4122 variant
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            LowercaseHex.append(byte, to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
