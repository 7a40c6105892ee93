import Contracts
import Crypto
import Foundation

/// API keys for machines (ERP, WMS).
extension IdentityDecider {
    /// Roles a machine may never hold: managing identity is for people.
    static let rolesNotForAPIKeys: Set<Role> = [.companyAdmin, .operator]

    func createAPIKey(label: String, roles: Set<Role>, in company: CompanyDraft,
                      directory: Directory, now: Date) throws(IdentityRejection) -> (CompanyDraft, String?) {
        let label = try IdentityValidation.text(label, field: "label", maximum: 64)
        try IdentityValidation.roles(roles, for: company.types)
        if let role = roles.intersection(Self.rolesNotForAPIKeys).sorted().first {
            throw .invalid("roles", "API keys cannot hold role \(role.rawValue)")
        }
        let active = company.apiKeys.filter { !$0.revoked }.count
        guard active < limits.maximumActiveAPIKeys else {
            throw IdentityRejection(.identityLimitReached, "company \(company.id) already has the maximum of "
                                    + "\(limits.maximumActiveAPIKeys) active API keys; revoke one first")
        }
        let keys = company.apiKeys
        let id: APIKeyID = try newIdentifier(prefix: "key-") { id in
            directory.isAPIKeyIDTaken(id) || keys.contains { $0.id == id }
        }
        let credential = try cryptography { () throws(CryptoError) in
            APIKeyCredential(id: id, secret: Base64URL.encode(try random.bytes(APIKeyCredential.secretByteCount)))
        }
        let secretHash = try cryptography { () throws(CryptoError) in try credential.secretHash() }
        var draft = company
        draft.apiKeys.append(APIKey(id: id, label: label, roles: roles, secretHash: secretHash,
                                    createdAt: now, revoked: false))
        return (draft, credential.presentation)
    }

    /// Marks the key revoked; beyond `maximumRevokedAPIKeysKept` revoked keys, the oldest are dropped.
    func revokeAPIKey(_ key: APIKeyID, in company: CompanyDraft) throws(IdentityRejection) -> CompanyDraft {
        guard let index = company.apiKeys.firstIndex(where: { $0.id == key }) else {
            throw IdentityRejection(.apiKeyNotFound, "company \(company.id) has no API key \(key)", field: "key")
        }
        guard !company.apiKeys[index].revoked else { throw .invalid("key", "API key \(key) is already revoked") }
        var draft = company
        draft.apiKeys[index] = draft.apiKeys[index].revokedCopy
        let revoked = draft.apiKeys.filter(\.revoked).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let excess = revoked.count - limits.maximumRevokedAPIKeysKept
        if excess > 0 {
            let dropped = Set(revoked.prefix(excess).map(\.id))
            draft.apiKeys.removeAll { dropped.contains($0.id) }
        }
        return draft
    }
}
