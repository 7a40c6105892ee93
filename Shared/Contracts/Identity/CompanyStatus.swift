/// Where a company stands in onboarding. Only `approved` companies can sign in.
///
///     pending --approve--> approved --suspend--> suspended --reinstate--> approved
///     pending --reject---> rejected --approve--> approved
public enum CompanyStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// Applied; waiting for the platform operator.
    case pending = "pending"
    case approved = "approved"
    /// Refused by the operator; `Company.statusReason` says why.
    case rejected = "rejected"
    /// Blocked after approval (e.g. overdue payments, fraud review); `statusReason` says why.
    case suspended = "suspended"
}
