import Glibc

/// An IPv4 (4 bytes) or IPv6 (16 bytes) address in network byte order: what a host name resolved
/// to, so a caller can check it and then connect to exactly that address (no second lookup).
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public var isIPv4: Bool { bytes.count == 4 }

    /// A literal: "192.0.2.1", "2001:db8::1" (no brackets, no zone). nil for anything else,
    /// including host names and the shorthand forms inet_aton would accept ("127.1").
    public init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        bytes = withUnsafeBytes(of: v6) { Array($0) }
    }

    /// 4 or 16 bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// The canonical text form (inet_ntop): "10.0.0.1", "::ffff:127.0.0.1".
    public var description: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = isIPv4 ? AF_INET : AF_INET6
        let ok = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) != nil }
        return ok ? String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    }

    /// The IPv4 address an IPv6 address carries and reaches: IPv4-mapped (::ffff:a.b.c.d),
    /// IPv4-compatible (::a.b.c.d, deprecated) and NAT64 (64:ff9b::a.b.c.d). nil otherwise.
    public var embeddedIPv4: IPAddress? {
        guard !isIPv4 else { return nil }
        let prefix = Array(bytes[0..<12])
        let mapped: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
        let compatible: [UInt8] = Array(repeating: 0, count: 12)
        let nat64: [UInt8] = [0x00, 0x64, 0xff, 0x9b] + Array(repeating: 0, count: 8)
        let tail = Array(bytes[12..<16])
        if prefix == mapped || prefix == nat64 { return IPAddress(bytes: tail) }
        // :: and ::1 are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
        if prefix == compatible, tail != [0, 0, 0, 0], tail != [0, 0, 0, 1] { return IPAddress(bytes: tail) }
        return nil
    }
}
