/// Rejection codes of identity commands (decided by the gateway; shown to API callers).
extension RejectionCode {
    /// The caller's role, company type or company does not allow this change.
    public static let accessDenied = RejectionCode(rawValue: "access-denied")
    /// Another user, in any company, already has this username.
    public static let usernameTaken = RejectionCode(rawValue: "username-taken")
    /// The password breaks the policy (10...128 characters, not the username).
    public static let weakPassword = RejectionCode(rawValue: "weak-password")
    public static let companyNotFound = RejectionCode(rawValue: "company-not-found")
    public static let userNotFound = RejectionCode(rawValue: "user-not-found")
    public static let apiKeyNotFound = RejectionCode(rawValue: "api-key-not-found")
    public static let departmentNotFound = RejectionCode(rawValue: "department-not-found")
    /// A department of that name already exists under the same parent.
    public static let departmentExists = RejectionCode(rawValue: "department-exists")
    /// A per-company limit (users, API keys, departments, record size) would be exceeded.
    public static let identityLimitReached = RejectionCode(rawValue: "limit-reached")
    /// The company's status does not allow this step (e.g. approving an approved company).
    public static let invalidCompanyStatus = RejectionCode(rawValue: "invalid-company-status")
    /// Bootstrap asked for a platform operator company when one already exists.
    public static let platformOperatorExists = RejectionCode(rawValue: "operator-exists")
    /// The gateway could not complete the change (random bytes or hashing failed); retry later.
    public static let identityInternalFailure = RejectionCode(rawValue: "internal-failure")
}
