import Contracts
import Foundation

/// Field rules of identity commands. Each returns the value to store (trimmed, lowercased) or
/// throws a rejection naming the field.
enum IdentityValidation {
    /// 3...64 of `a-z 0-9 . _ -`, starting with a letter or digit. Input is lowercased first, so
    /// "Alice.Wang" is stored (and signs in) as "alice.wang".
    static func username(_ raw: String, field: String = "username") throws(IdentityRejection) -> String {
        let name = raw.lowercased()
        let bytes = Array(name.utf8)
        guard (3...64).contains(bytes.count) else {
            throw .invalid(field, "username must be 3 to 64 characters, got \(name.count)")
        }
        guard isLowercaseAlphanumeric(bytes[0]) else {
            throw .invalid(field, "username must start with a letter or digit")
        }
        for byte in bytes where !(isLowercaseAlphanumeric(byte) || byte == UInt8(ascii: ".")
                                  || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")) {
            throw .invalid(field, "username may only contain a-z, 0-9, '.', '_' and '-'")
        }
        return name
    }

    /// Trimmed, 1...`maximum` characters, no control characters.
    static func text(_ raw: String, field: String, maximum: Int) throws(IdentityRejection) -> String {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw .invalid(field, "\(field) must not be blank") }
        guard value.count <= maximum else {
            throw .invalid(field, "\(field) must be at most \(maximum) characters, got \(value.count)")
        }
        guard !value.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw .invalid(field, "\(field) must not contain control characters")
        }
        return value
    }

    /// 1...`maximum` of `a-z 0-9 -`: region codes ("east-china") and document kinds.
    static func slug(_ raw: String, field: String, maximum: Int) throws(IdentityRejection) -> String {
        let bytes = Array(raw.utf8)
        guard (1...maximum).contains(bytes.count),
              bytes.allSatisfy({ isLowercaseAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
            throw .invalid(field, "\(field) must be 1 to \(maximum) characters of a-z, 0-9 and '-', got \"\(raw)\"")
        }
        return raw
    }

    static func password(_ password: String, username: String, policy: PasswordPolicy,
                         field: String = "password") throws(IdentityRejection) {
        if let problem = policy.problem(with: password, username: username) {
            throw IdentityRejection(.weakPassword, problem, field: field)
        }
    }

    /// Non-empty and all assignable in a company of `types`.
    static func roles(_ roles: Set<Role>, for types: Set<CompanyType>, field: String = "roles")
        throws(IdentityRejection) {
        guard !roles.isEmpty else { throw .invalid(field, "at least one role is required") }
        let assignable = AccessPolicy.assignableRoles(for: types)
        if let role = roles.subtracting(assignable).sorted().first {
            throw .invalid(field, "role \(role.rawValue) is not available to \(AccessPolicy.describe(types: types))")
        }
    }

    static func documents(_ documents: [DocumentReference], limits: IdentityLimits)
        throws(IdentityRejection) -> [DocumentReference] {
        guard documents.count <= limits.maximumDocuments else {
            throw .invalid("documents", "at most \(limits.maximumDocuments) documents, got \(documents.count)")
        }
        var result: [DocumentReference] = []
        for (index, document) in documents.enumerated() {
            let kind = try slug(document.kind, field: "documents[\(index)].kind", maximum: 32)
            let ref = try text(document.ref, field: "documents[\(index)].ref", maximum: 256)
            result.append(DocumentReference(kind: kind, ref: ref))
        }
        return result
    }

    static func reason(_ raw: String) throws(IdentityRejection) -> String {
        try text(raw, field: "reason", maximum: 500)
    }

    private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
