/// Where an address leads, for deciding whether an outgoing request may go there. A URL an outside
/// party supplies (a webhook) must not make the platform call its own loopback admin ports, the
/// cloud metadata service (169.254.169.254) or hosts on the private network (SSRF).
extension IPAddress {
    public enum Scope: String, Sendable, CaseIterable {
        /// Reachable on the public internet.
        case global
        /// 127/8, ::1.
        case loopback
        /// RFC 1918 (10/8, 172.16/12, 192.168/16) and carrier-grade NAT (100.64/10, RFC 6598).
        case privateNetwork = "private network"
        /// 169.254/16 (cloud metadata lives here), fe80::/10.
        case linkLocal = "link-local"
        /// fc00::/7 (RFC 4193), and the deprecated site-local fec0::/10.
        case uniqueLocal = "unique-local"
        /// 0/8 ("this network"; 0.0.0.0 connects to the local host on Linux), ::.
        case unspecified
        /// 224/4, ff00::/8.
        case multicast
        /// Not routable or not meant for hosts: 240/4 and broadcast, IETF protocol assignments
        /// (192.0.0/24), benchmarking (198.18/15), documentation (192.0.2/24, 198.51.100/24,
        /// 203.0.113/24, 2001:db8::/32), and the rest of IPv6 outside 2000::/3.
        case reserved
    }

    public var scope: Scope {
        if let inner = embeddedIPv4 { return inner.scope }
        return isIPv4 ? Self.scopeOfIPv4(bytes) : Self.scopeOfIPv6(bytes)
    }

    private static func scopeOfIPv4(_ b: [UInt8]) -> Scope {
        switch (b[0], b[1], b[2]) {
        case (0, _, _): return .unspecified
        case (127, _, _): return .loopback
        case (10, _, _), (172, 16...31, _), (192, 168, _), (100, 64...127, _): return .privateNetwork
        case (169, 254, _): return .linkLocal
        case (224...239, _, _): return .multicast
        case (240...255, _, _), (192, 0, 0), (192, 0, 2), (198, 18...19, _), (198, 51, 100), (203, 0, 113): return .reserved
        default: return .global
        }
    }

    private static func scopeOfIPv6(_ b: [UInt8]) -> Scope {
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return .loopback }
        if b[0] == 0xff { return .multicast }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return .linkLocal }
        if b[0] == 0xfe && b[1] & 0xc0 == 0xc0 { return .uniqueLocal }
        if b[0] & 0xfe == 0xfc { return .uniqueLocal }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 { return .reserved }
        // Only 2000::/3 is allocated for global unicast.
        return b[0] & 0xe0 == 0x20 ? .global : .reserved
    }
}
