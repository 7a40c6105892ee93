import Contracts

/// A change to identity, decided by `IdentityDecider` against the gateway's `Directory`.
///
/// Plain Swift values, not Kafka messages: the gateway decides on the instance that received the
/// HTTP request and publishes the resulting complete `Company`. Descriptions never include
/// passwords, so a command can be logged.
public enum IdentityCommand: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// Creates the platform operator's company (approved) with its first admin, who holds
    /// `company-admin` and `operator`. Only `.system`, and only while no operator company exists.
    case bootstrapPlatformOperator(PlatformBootstrap)
    /// A company applies; it starts `pending` with one user, its admin.
    case applyForOnboarding(OnboardingApplication)
    case approve(company: CompanyID)
    case reject(company: CompanyID, reason: String)
    case suspend(company: CompanyID, reason: String)
    case reinstate(company: CompanyID)
    case addUser(company: CompanyID, NewUser)
    case setRoles(company: CompanyID, user: UserID, roles: Set<Role>)
    case deactivateUser(company: CompanyID, user: UserID)
    case reactivateUser(company: CompanyID, user: UserID)
    /// By a company admin, or by the user themselves with `currentPassword`.
    case setPassword(company: CompanyID, user: UserID, newPassword: String, currentPassword: String?)
    case addDepartment(company: CompanyID, name: String, parent: DepartmentID?)
    /// The accepted decision carries the key (`tfk_<id>_<secret>`), to be shown once.
    case createAPIKey(company: CompanyID, label: String, roles: Set<Role>)
    case revokeAPIKey(company: CompanyID, key: APIKeyID)
    case setBuyerTier(company: CompanyID, tier: BuyerTier?)
    case setRegion(company: CompanyID, region: String?)

    /// The company the command changes; `nil` for commands that create one.
    public var company: CompanyID? {
        switch self {
        case .bootstrapPlatformOperator, .applyForOnboarding: nil
        case let .approve(company), let .reject(company, _), let .suspend(company, _), let .reinstate(company),
             let .addUser(company, _), let .setRoles(company, _, _), let .deactivateUser(company, _),
             let .reactivateUser(company, _), let .setPassword(company, _, _, _), let .addDepartment(company, _, _),
             let .createAPIKey(company, _, _), let .revokeAPIKey(company, _), let .setBuyerTier(company, _),
             let .setRegion(company, _):
            company
        }
    }

    public var description: String {
        switch self {
        case let .bootstrapPlatformOperator(bootstrap): "bootstrapPlatformOperator(\(bootstrap))"
        case let .applyForOnboarding(application): "applyForOnboarding(\(application))"
        case let .approve(company): "approve(company: \(company))"
        case let .reject(company, _): "reject(company: \(company))"
        case let .suspend(company, _): "suspend(company: \(company))"
        case let .reinstate(company): "reinstate(company: \(company))"
        case let .addUser(company, user): "addUser(company: \(company), \(user))"
        case let .setRoles(company, user, roles):
            "setRoles(company: \(company), user: \(user), roles: \(roles.sorted().map(\.rawValue)))"
        case let .deactivateUser(company, user): "deactivateUser(company: \(company), user: \(user))"
        case let .reactivateUser(company, user): "reactivateUser(company: \(company), user: \(user))"
        case let .setPassword(company, user, _, _): "setPassword(company: \(company), user: \(user), <redacted>)"
        case let .addDepartment(company, name, parent):
            "addDepartment(company: \(company), name: \(name), parent: \(parent?.rawValue ?? "-"))"
        case let .createAPIKey(company, label, roles):
            "createAPIKey(company: \(company), label: \(label), roles: \(roles.sorted().map(\.rawValue)))"
        case let .revokeAPIKey(company, key): "revokeAPIKey(company: \(company), key: \(key))"
        case let .setBuyerTier(company, tier): "setBuyerTier(company: \(company), tier: \(tier?.rawValue ?? "-"))"
        case let .setRegion(company, region): "setRegion(company: \(company), region: \(region ?? "-"))"
        }
    }

    public var debugDescription: String { description }

    /// `dump` shows the redacted description, never the passwords in the payload.
    public var customMirror: Mirror { Mirror(self, children: ["command": description]) }
}

/// A user to add: `password` is hashed by the decider and never stored.
public struct NewUser: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    public let username: String
    public let password: String
    public let displayName: String
    public let roles: Set<Role>
    public let department: DepartmentID?

    public init(username: String, password: String, displayName: String, roles: Set<Role>,
                department: DepartmentID? = nil) {
        self.username = username
        self.password = password
        self.displayName = displayName
        self.roles = roles
        self.department = department
    }

    public var description: String {
        "NewUser(username: \(username), roles: \(roles.sorted().map(\.rawValue)), password: <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["value": description]) }
}

/// A company's application to join the platform.
public struct OnboardingApplication: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    public let name: String
    /// Any non-empty combination of supplier, distributor and buyer.
    public let types: Set<CompanyType>
    /// The applicant's contact person, who becomes the company's first admin.
    public let adminUsername: String
    public let adminPassword: String
    public let adminDisplayName: String
    public let documents: [DocumentReference]
    public let region: String?

    public init(name: String, types: Set<CompanyType>, adminUsername: String, adminPassword: String,
                adminDisplayName: String, documents: [DocumentReference], region: String? = nil) {
        self.name = name
        self.types = types
        self.adminUsername = adminUsername
        self.adminPassword = adminPassword
        self.adminDisplayName = adminDisplayName
        self.documents = documents
        self.region = region
    }

    public var description: String {
        "OnboardingApplication(name: \(name), types: \(types.sorted().map(\.rawValue)), admin: \(adminUsername), password: <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["value": description]) }
}

/// The platform operator's company, created once from configuration.
public struct PlatformBootstrap: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    public let companyID: CompanyID
    public let name: String
    public let adminUsername: String
    public let adminPassword: String
    public let adminDisplayName: String

    public init(companyID: CompanyID, name: String, adminUsername: String, adminPassword: String,
                adminDisplayName: String) {
        self.companyID = companyID
        self.name = name
        self.adminUsername = adminUsername
        self.adminPassword = adminPassword
        self.adminDisplayName = adminDisplayName
    }

    public var description: String {
        "PlatformBootstrap(company: \(companyID), admin: \(adminUsername), password: <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["value": description]) }
}
