import Foundation

/// A key for machines (ERP, WMS) to obtain tokens. The caller presents `tfk_<id>_<secret>`; only a
/// SHA-256 of the secret is stored, and the secret itself is shown once, when the key is created.
public struct APIKey: Codable, Sendable, Hashable {
    public let id: APIKeyID
    /// What the key is for, e.g. "SAP ERP order sync".
    public let label: String
    public let roles: Set<Role>
    /// Lowercase hex SHA-256 of the UTF-8 secret (the part after `tfk_<id>_`). A fast hash is
    /// enough: the secret is 256 random bits, not a password a person chose.
    public let secretHash: String
    /// Rounded to whole milliseconds, like every wire timestamp.
    public let createdAt: Date
    /// Revoked keys are kept (for audit) but never accepted.
    public let revoked: Bool

    public init(id: APIKeyID, label: String, roles: Set<Role>, secretHash: String, createdAt: Date, revoked: Bool) {
        self.id = id
        self.label = label
        self.roles = roles
        self.secretHash = secretHash
        self.createdAt = WireTimestamp.roundedToMilliseconds(createdAt)
        self.revoked = revoked
    }

    private enum CodingKeys: String, CodingKey {
        case id = "id", label = "label", roles = "roles", secretHash = "secretHash", createdAt = "createdAt"
        case revoked = "revoked"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encodeSorted(roles, forKey: .roles)
        try container.encode(secretHash, forKey: .secretHash)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(revoked, forKey: .revoked)
    }
}
