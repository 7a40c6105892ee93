import Testing
@testable import HTTP

/// Address classification for the outbound (SSRF) guard: every range that leads inside, its edges,
/// and IPv6 forms that carry an IPv4 address.
@Suite struct IPAddressScopeTests {
    private func scope(_ text: String) throws -> IPAddress.Scope {
        try #require(IPAddress(text), "\(text) parses").scope
    }

    @Test(arguments: [
        ("127.0.0.1", IPAddress.Scope.loopback), ("127.255.255.255", .loopback),
        ("10.0.0.0", .privateNetwork), ("10.255.255.255", .privateNetwork),
        ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
        ("192.168.0.1", .privateNetwork), ("100.64.0.1", .privateNetwork), ("100.127.255.255", .privateNetwork),
        ("169.254.169.254", .linkLocal), ("169.254.0.0", .linkLocal),
        ("0.0.0.0", .unspecified), ("0.1.2.3", .unspecified),
        ("224.0.0.1", .multicast), ("239.255.255.250", .multicast),
        ("255.255.255.255", .reserved), ("240.0.0.1", .reserved), ("192.0.2.10", .reserved),
        ("198.18.0.1", .reserved), ("203.0.113.5", .reserved),
    ])
    func classifiesInternalIPv4(_ text: String, _ expected: IPAddress.Scope) throws {
        #expect(try scope(text) == expected, "\(text)")
    }

    @Test(arguments: ["8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0",
                      "100.63.255.255", "100.128.0.0", "169.253.255.255", "169.255.0.0", "11.0.0.0", "126.255.255.255",
                      "128.0.0.0", "223.255.255.255", "198.17.255.255", "198.20.0.0"])
    func classifiesRangeNeighboursAsGlobal(_ text: String) throws {
        #expect(try scope(text) == .global, "\(text) is just outside an internal range")
    }

    @Test(arguments: [
        ("::1", IPAddress.Scope.loopback), ("::", .unspecified),
        ("fe80::1", .linkLocal), ("febf:ffff::1", .linkLocal),
        ("fc00::1", .uniqueLocal), ("fd12:3456::1", .uniqueLocal), ("fec0::1", .uniqueLocal),
        ("ff02::1", .multicast), ("2001:db8::1", .reserved), ("100::1", .reserved),
        ("2606:4700:4700::1111", .global), ("2a00:1450:4001::200e", .global),
    ])
    func classifiesIPv6(_ text: String, _ expected: IPAddress.Scope) throws {
        #expect(try scope(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("::ffff:127.0.0.1", IPAddress.Scope.loopback), ("::ffff:169.254.169.254", .linkLocal),
        ("::ffff:10.1.2.3", .privateNetwork), ("64:ff9b::192.168.1.1", .privateNetwork),
        ("::127.0.0.1", .loopback), ("::ffff:8.8.8.8", .global),
    ])
    func classifiesIPv6ThatCarriesIPv4_byTheIPv4Address(_ text: String, _ expected: IPAddress.Scope) throws {
        #expect(try scope(text) == expected, "\(text) reaches its IPv4 address")
    }

    @Test func parsesLiteralsOnly() {
        #expect(IPAddress("localhost") == nil)
        #expect(IPAddress("127.1") == nil, "no inet_aton shorthand")
        #expect(IPAddress("[::1]") == nil)
        #expect(IPAddress("::ffff:127.0.0.1")?.description == "::ffff:127.0.0.1")
        #expect(IPAddress("10.0.0.1")?.bytes == [10, 0, 0, 1])
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }

    @Test func policy_keepsOnlyGlobalAddresses_andRefusesAHostWithNone() throws {
        let guarded = OutboundAddressPolicy(allowsPrivateNetworks: false)
        let mixed = [IPAddress("10.0.0.5")!, IPAddress("93.184.215.14")!]
        #expect(try guarded.permitted(mixed, host: "erp.example") == [IPAddress("93.184.215.14")!])
        let refusal = #expect(throws: OutboundAddressPolicy.Refusal.self) {
            try guarded.permitted([IPAddress("169.254.169.254")!], host: "metadata.example")
        }
        #expect(refusal?.description == "refused: metadata.example resolves only to non-public addresses: 169.254.169.254 (link-local)")
        let open = OutboundAddressPolicy(allowsPrivateNetworks: true)
        #expect(try open.permitted([IPAddress("127.0.0.1")!], host: "localhost") == [IPAddress("127.0.0.1")!])
    }

    @Test func client_refusesLoopback_beforeConnecting() async {
        // Port 9 (discard) need not listen: the refusal comes from the lookup, before any connect.
        await #expect(throws: OutboundAddressPolicy.Refusal.self) {
            _ = try await HTTPClient.send(method: "POST", host: "localhost", port: 9, path: "/",
                                          addressPolicy: OutboundAddressPolicy(allowsPrivateNetworks: false))
        }
    }
}
