import Contracts

/// One row of the role × action matrix (see `AccessPolicy`).
public struct AccessRule: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        /// No ownership check (the published catalog).
        case everyone
        /// Only the owning company.
        case owner
        /// The owning company or one listed as involved.
        case ownerOrInvolved
        /// Only platform operators, whatever the resource.
        case platformOnly
    }

    /// Roles that allow the action (any one of them).
    public let roles: Set<Role>
    /// Company types that do this (any one of them).
    public let companyTypes: Set<CompanyType>
    public let scope: Scope
    /// False for actions that are a buyer's own decision (placing, approving, paying orders):
    /// an operator acting for a buyer would break the buyer's approval trail.
    public let platformOperatorAllowed: Bool

    public init(roles: Set<Role>, companyTypes: Set<CompanyType>, scope: Scope, platformOperatorAllowed: Bool = true) {
        self.roles = roles
        self.companyTypes = companyTypes
        self.scope = scope
        self.platformOperatorAllowed = platformOperatorAllowed
    }
}

extension AccessPolicy {
    /// The matrix, one rule per action. Keep the table in the `AccessPolicy` doc comment and in
    /// NOTES.md in step with this switch (a test pins every cell).
    public static func rule(for action: AccessAction) -> AccessRule {
        let anyType = Set(CompanyType.allCases)
        switch action {
        case .browseCatalog:
            return AccessRule(roles: Set(Role.allCases), companyTypes: anyType, scope: .everyone)
        case .quotePrice:
            return AccessRule(roles: [.companyAdmin, .purchaser, .approver, .finance, .catalogManager],
                              companyTypes: [.buyer, .distributor], scope: .owner)
        case .manageProducts:
            return AccessRule(roles: [.companyAdmin, .catalogManager], companyTypes: [.supplier], scope: .owner)
        case .managePriceLists:
            return AccessRule(roles: [.companyAdmin, .catalogManager], companyTypes: [.supplier, .distributor],
                              scope: .owner)
        case .manageShop:
            return AccessRule(roles: [.companyAdmin, .catalogManager], companyTypes: [.distributor], scope: .owner)
        case .placeOrder, .cancelOrders, .confirmDeliveries, .requestReturns:
            // Who buys looks after what was bought: the same people, each action named in refusals.
            return AccessRule(roles: [.companyAdmin, .purchaser], companyTypes: [.buyer], scope: .owner,
                              platformOperatorAllowed: false)
        case .approveOrder:
            return AccessRule(roles: Set(Role.orderApprovers), companyTypes: [.buyer], scope: .owner,
                              platformOperatorAllowed: false)
        case .viewOrders:
            return AccessRule(roles: [.companyAdmin, .purchaser, .approver, .finance, .warehouse],
                              companyTypes: [.buyer, .supplier, .distributor], scope: .ownerOrInvolved)
        case .fulfillOrders:
            return AccessRule(roles: [.companyAdmin, .warehouse], companyTypes: [.supplier, .distributor],
                              scope: .ownerOrInvolved)
        case .payOrders:
            return AccessRule(roles: [.companyAdmin, .finance], companyTypes: [.buyer], scope: .owner,
                              platformOperatorAllowed: false)
        case .viewCredit:
            return AccessRule(roles: [.companyAdmin, .purchaser, .approver, .finance], companyTypes: [.buyer],
                              scope: .owner)
        case .manageCredit, .approveCompanies:
            return AccessRule(roles: [], companyTypes: [], scope: .platformOnly)
        case .viewSettlement:
            return AccessRule(roles: [.companyAdmin, .finance], companyTypes: [.supplier, .distributor, .operator],
                              scope: .ownerOrInvolved)
        case .viewStock:
            return AccessRule(roles: [.companyAdmin, .warehouse, .catalogManager], companyTypes: [.supplier],
                              scope: .owner)
        case .manageStock:
            return AccessRule(roles: [.companyAdmin, .warehouse], companyTypes: [.supplier], scope: .owner)
        case .manageApprovalRules:
            // The buyer's own controls over its purchasers: nobody else sets them, not the platform.
            return AccessRule(roles: [.companyAdmin], companyTypes: [.buyer], scope: .owner, platformOperatorAllowed: false)
        case .manageUsers, .manageWebhooks:
            return AccessRule(roles: [.companyAdmin], companyTypes: anyType, scope: .owner)
        case .readNotifications:
            return AccessRule(roles: Set(Role.allCases), companyTypes: anyType, scope: .owner)
        case .announcePromotions:
            return AccessRule(roles: [.companyAdmin, .catalogManager], companyTypes: [.supplier], scope: .owner)
        case .viewAnalytics:
            return AccessRule(roles: [.companyAdmin, .finance, .catalogManager], companyTypes: anyType, scope: .owner)
        }
    }

    /// Which roles a company of these types may hand out (the decider refuses others):
    ///
    /// | role            | company types                     |
    /// |-----------------|-----------------------------------|
    /// | company-admin   | any                               |
    /// | finance         | any                               |
    /// | purchaser       | buyer                             |
    /// | approver        | buyer                             |
    /// | warehouse       | supplier, distributor, buyer      |
    /// | catalog-manager | supplier, distributor             |
    /// | operator        | operator (the platform's company) |
    public static func assignableRoles(for types: Set<CompanyType>) -> Set<Role> {
        var roles: Set<Role> = [.companyAdmin, .finance]
        if types.contains(.buyer) { roles.formUnion([.purchaser, .approver, .warehouse]) }
        if types.contains(.supplier) || types.contains(.distributor) { roles.formUnion([.warehouse, .catalogManager]) }
        if types.contains(.operator) { roles.insert(.operator) }
        return roles
    }
}
