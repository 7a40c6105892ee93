import Contracts

/// Decides every request: the caller needs a role that allows the action, a company of a type
/// that does it, and (for company-owned objects) to own the object or be involved in it.
///
/// Role × action matrix. ✓ = allowed for that role, given the company type and scope; "platform"
/// is the `operator` role in the platform operator's company, which skips type and ownership checks
/// but never acts for a buyer (✗).
///
/// | action             | company types                   | admin | purchaser | approver | finance | warehouse | catalog | platform | scope             |
/// | ------------------ | ------------------------------- | :---: | :-------: | :------: | :-----: | :-------: | :-----: | :------: | ----------------- |
/// | browse-catalog     | any                             |   ✓   |     ✓     |    ✓     |    ✓    |     ✓     |    ✓    |    ✓     | public            |
/// | quote-price        | buyer, distributor              |   ✓   |     ✓     |    ✓     |    ✓    |           |    ✓    |    ✓     | owner             |
/// | manage-products    | supplier                        |   ✓   |           |          |         |           |    ✓    |    ✓     | owner             |
/// | manage-price-lists | supplier, distributor           |   ✓   |           |          |         |           |    ✓    |    ✓     | owner             |
/// | manage-shop        | distributor                     |   ✓   |           |          |         |           |    ✓    |    ✓     | owner             |
/// | place-order        | buyer                           |   ✓   |     ✓     |          |         |           |         |    ✗     | owner             |
/// | cancel-orders      | buyer                           |   ✓   |     ✓     |          |         |           |         |    ✗     | owner             |
/// | confirm-deliveries | buyer                           |   ✓   |     ✓     |          |         |           |         |    ✗     | owner             |
/// | request-returns    | buyer                           |   ✓   |     ✓     |          |         |           |         |    ✗     | owner             |
/// | approve-order      | buyer                           |   ✓   |           |    ✓     |    ✓    |           |         |    ✗     | owner             |
/// | view-orders        | buyer, supplier, distributor    |   ✓   |     ✓     |    ✓     |    ✓    |     ✓     |         |    ✓     | owner or involved |
/// | fulfill-orders     | supplier, distributor           |   ✓   |           |          |         |     ✓     |         |    ✓     | owner or involved |
/// | pay-orders         | buyer                           |   ✓   |           |          |    ✓    |           |         |    ✗     | owner             |
/// | view-credit        | buyer                           |   ✓   |     ✓     |    ✓     |    ✓    |           |         |    ✓     | owner             |
/// | manage-credit      | (platform only)                 |       |           |          |         |           |         |    ✓     | platform          |
/// | view-settlement    | supplier, distributor, operator |   ✓   |           |          |    ✓    |           |         |    ✓     | owner or involved |
/// | view-stock         | supplier                        |   ✓   |           |          |         |     ✓     |    ✓    |    ✓     | owner             |
/// | manage-stock       | supplier                        |   ✓   |           |          |         |     ✓     |         |    ✓     | owner             |
/// | manage-users       | any                             |   ✓   |           |          |         |           |         |    ✓     | owner             |
/// | manage-approval-rules | buyer                        |   ✓   |           |          |         |           |         |    ✗     | owner             |
/// | approve-companies  | (platform only)                 |       |           |          |         |           |         |    ✓     | platform          |
/// | view-analytics     | any                             |   ✓   |           |          |    ✓    |           |    ✓    |    ✓     | owner             |
/// | manage-webhooks    | any                             |   ✓   |           |          |         |           |         |    ✓     | owner             |
/// | read-notifications | any                             |   ✓   |     ✓     |    ✓     |    ✓    |     ✓     |    ✓    |    ✓     | owner             |
/// | announce-promotions| supplier                        |   ✓   |           |          |         |           |    ✓    |    ✓     | owner             |
///
/// Scopes: "public" ignores the resource; "owner" needs `resource.owner == principal.company`;
/// "owner or involved" also accepts a company in `resource.involved`; a `nil` resource means the
/// caller's own company (creating a product, listing one's own orders). Checks run in the order
/// platform operator → platform-only → role → company type → ownership, and the first failure is
/// the reason given.
public struct AccessPolicy: Sendable {
    public init() {}

    public func authorize(_ principal: Principal, _ action: AccessAction, on resource: ResourceOwner? = nil)
        -> AccessDecision {
        let rule = Self.rule(for: action)
        if principal.isPlatformOperator {
            guard rule.platformOperatorAllowed else {
                return .denied(AccessDenial(kind: .notForOperators,
                                            reason: "platform operators cannot \(action) on behalf of a company"))
            }
            return .allowed
        }
        if rule.scope == .platformOnly {
            return .denied(AccessDenial(kind: .operatorOnly, reason: "only platform operators can \(action)"))
        }
        if principal.roles.isDisjoint(with: rule.roles) {
            return .denied(AccessDenial(kind: .role, reason: "\(Self.describe(roles: principal.roles)) cannot \(action)"))
        }
        if principal.companyTypes.isDisjoint(with: rule.companyTypes) {
            return .denied(AccessDenial(kind: .companyType, reason:
                "\(Self.describe(types: principal.companyTypes)) cannot \(action)"))
        }
        guard let resource else { return .allowed }
        switch rule.scope {
        case .everyone:
            return .allowed
        case .owner where resource.owner == principal.company,
             .ownerOrInvolved where resource.owner == principal.company || resource.involved.contains(principal.company):
            return .allowed
        case .owner, .ownerOrInvolved, .platformOnly:
            return .denied(AccessDenial(kind: .ownership, reason: "\(resource.kind) belongs to another company"))
        }
    }

    /// "role purchaser", "roles approver, purchaser", "a caller without roles".
    static func describe(roles: Set<Role>) -> String {
        let names = roles.sorted().map(\.rawValue)
        switch names.count {
        case 0: return "a caller without roles"
        case 1: return "role \(names[0])"
        default: return "roles \(names.joined(separator: ", "))"
        }
    }

    static func describe(types: Set<CompanyType>) -> String {
        let names = types.sorted().map(\.rawValue)
        switch names.count {
        case 0: return "a company without a type"
        case 1: return "company type \(names[0])"
        default: return "company types \(names.joined(separator: ", "))"
        }
    }
}
