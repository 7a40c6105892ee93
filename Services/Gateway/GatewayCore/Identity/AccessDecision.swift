/// The answer of `AccessPolicy.authorize`.
public enum AccessDecision: Sendable, Hashable {
    case allowed
    case denied(AccessDenial)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    /// The denial, or `nil` when allowed.
    public var denial: AccessDenial? {
        if case let .denied(denial) = self { return denial }
        return nil
    }
}

/// Why access was refused, in words a caller can act on.
public struct AccessDenial: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// None of the caller's roles allows the action (HTTP 403).
        case role
        /// The caller's company is not of a type that does this (a buyer managing products; 403).
        case companyType
        /// Only platform operators may do this (403).
        case operatorOnly
        /// Not even a platform operator may do this for a company (placing, approving, paying orders; 403).
        case notForOperators
        /// The object belongs to another company (the gateway answers 404, so that callers
        /// cannot probe which ids exist).
        case ownership
    }

    public let kind: Kind
    /// E.g. "role purchaser cannot manage products", "order belongs to another company".
    public let reason: String

    public init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
