/// Which resolved addresses an outgoing request to an outside party's URL may connect to. By
/// default only `.global` ones: everything else reaches the platform itself or its private network.
/// Operators whose receivers live on the private network (and developers with loopback receivers)
/// turn the check off with `allowsPrivateNetworks`.
public struct OutboundAddressPolicy: Sendable, Equatable {
    public var allowsPrivateNetworks: Bool

    public init(allowsPrivateNetworks: Bool) {
        self.allowsPrivateNetworks = allowsPrivateNetworks
    }

    /// Why `host` may not be contacted at all.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let host: String
        public let refused: [(address: IPAddress, scope: IPAddress.Scope)]

        public var description: String {
            let list = refused.map { "\($0.address) (\($0.scope.rawValue))" }.joined(separator: ", ")
            return "refused: \(host) resolves only to non-public addresses: \(list)"
        }

        public static func == (lhs: Refusal, rhs: Refusal) -> Bool {
            lhs.host == rhs.host && lhs.refused.map(\.address) == rhs.refused.map(\.address)
        }
    }

    /// The addresses of `host` that may be used, in resolver order; a refusal when none may. A
    /// name with both public and private records is reduced to the public ones, so a private
    /// record can never be reached through it.
    public func permitted(_ addresses: [IPAddress], host: String) throws(Refusal) -> [IPAddress] {
        if allowsPrivateNetworks { return addresses }
        let allowed = addresses.filter { $0.scope == .global }
        guard allowed.isEmpty else { return allowed }
        throw Refusal(host: host, refused: addresses.map { ($0, $0.scope) })
    }
}
