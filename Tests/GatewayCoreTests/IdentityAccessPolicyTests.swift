import Contracts
import GatewayCore
import Testing

/// Pins every cell of the role × action matrix documented on `AccessPolicy` and in NOTES.md.
@Suite struct IdentityAccessPolicyTests {
    let policy = AccessPolicy()
    let own: CompanyID = IdentityTest.id("co-own")
    let other: CompanyID = IdentityTest.id("co-other")
    let platform: CompanyID = IdentityTest.id("tradeflow")

    /// Which (non-operator) roles allow each action: the matrix's role columns.
    static let allowedRoles: [AccessAction: Set<Role>] = [
        .browseCatalog: [.companyAdmin, .purchaser, .approver, .finance, .warehouse, .catalogManager],
        .quotePrice: [.companyAdmin, .purchaser, .approver, .finance, .catalogManager],
        .manageProducts: [.companyAdmin, .catalogManager],
        .managePriceLists: [.companyAdmin, .catalogManager],
        .manageShop: [.companyAdmin, .catalogManager],
        .placeOrder: [.companyAdmin, .purchaser],
        .cancelOrders: [.companyAdmin, .purchaser],
        .confirmDeliveries: [.companyAdmin, .purchaser],
        .requestReturns: [.companyAdmin, .purchaser],
        .approveOrder: [.companyAdmin, .approver, .finance],
        .viewOrders: [.companyAdmin, .purchaser, .approver, .finance, .warehouse],
        .fulfillOrders: [.companyAdmin, .warehouse],
        .payOrders: [.companyAdmin, .finance],
        .viewCredit: [.companyAdmin, .purchaser, .approver, .finance],
        .manageCredit: [],
        .viewSettlement: [.companyAdmin, .finance],
        .viewStock: [.companyAdmin, .warehouse, .catalogManager],
        .manageStock: [.companyAdmin, .warehouse],
        .manageUsers: [.companyAdmin],
        .manageApprovalRules: [.companyAdmin],
        .approveCompanies: [],
        .viewAnalytics: [.companyAdmin, .finance, .catalogManager],
        .manageWebhooks: [.companyAdmin],
        .readNotifications: [.companyAdmin, .purchaser, .approver, .finance, .warehouse, .catalogManager],
        .announcePromotions: [.companyAdmin, .catalogManager],
    ]

    /// Which company types may do each action (for a role that allows it): the matrix's type column.
    static let allowedTypes: [AccessAction: Set<CompanyType>] = [
        .browseCatalog: [.operator, .supplier, .distributor, .buyer],
        .quotePrice: [.buyer, .distributor],
        .manageProducts: [.supplier],
        .managePriceLists: [.supplier, .distributor],
        .manageShop: [.distributor],
        .placeOrder: [.buyer],
        .cancelOrders: [.buyer],
        .confirmDeliveries: [.buyer],
        .requestReturns: [.buyer],
        .approveOrder: [.buyer],
        .viewOrders: [.buyer, .supplier, .distributor],
        .fulfillOrders: [.supplier, .distributor],
        .payOrders: [.buyer],
        .viewCredit: [.buyer],
        .manageCredit: [],
        .viewSettlement: [.supplier, .distributor, .operator],
        .viewStock: [.supplier],
        .manageStock: [.supplier],
        .manageUsers: [.operator, .supplier, .distributor, .buyer],
        .manageApprovalRules: [.buyer],
        .approveCompanies: [],
        .viewAnalytics: [.operator, .supplier, .distributor, .buyer],
        .manageWebhooks: [.operator, .supplier, .distributor, .buyer],
        .readNotifications: [.operator, .supplier, .distributor, .buyer],
        .announcePromotions: [.supplier],
    ]

    static let companyRoles = Role.allCases.filter { $0 != .operator }

    @Test func matrixCoversEveryAction() {
        #expect(Set(Self.allowedRoles.keys) == Set(AccessAction.allCases))
        #expect(Set(Self.allowedTypes.keys) == Set(AccessAction.allCases))
    }

    @Test(arguments: AccessAction.allCases)
    func eachRole_isAllowedOrDenied_asTheMatrixSays(action: AccessAction) {
        for role in Self.companyRoles {
            let principal = Principal(company: own, companyTypes: [.supplier, .distributor, .buyer], roles: [role])
            let decision = policy.authorize(principal, action, on: ResourceOwner(kind: "thing", owner: own))
            let expected = Self.allowedRoles[action, default: []].contains(role)
            #expect(decision.isAllowed == expected, "\(role.rawValue) / \(action.rawValue): \(decision)")
        }
    }

    @Test(arguments: AccessAction.allCases)
    func eachCompanyType_isAllowedOrDenied_asTheMatrixSays(action: AccessAction) {
        for type in CompanyType.allCases {
            // company-admin plus finance and catalog-manager: together they pass the role check of
            // every company action, so only the type decides.
            let principal = Principal(company: own, companyTypes: [type],
                                      roles: [.companyAdmin, .finance, .catalogManager, .warehouse])
            let decision = policy.authorize(principal, action)
            let expected = Self.allowedTypes[action, default: []].contains(type)
            #expect(decision.isAllowed == expected, "\(type.rawValue) / \(action.rawValue): \(decision)")
        }
    }

    @Test func denial_namesTheRoleAndTheAction() {
        let purchaser = Principal(company: own, companyTypes: [.buyer], roles: [.purchaser])
        let decision = policy.authorize(purchaser, .manageProducts)
        #expect(decision.denial == AccessDenial(kind: .role, reason: "role purchaser cannot manage products"))
        let twoRoles = Principal(company: own, companyTypes: [.buyer], roles: [.purchaser, .approver])
        #expect(policy.authorize(twoRoles, .manageUsers).denial?.reason == "roles approver, purchaser cannot manage users")
        let buyerAdmin = Principal(company: own, companyTypes: [.buyer], roles: [.companyAdmin])
        #expect(policy.authorize(buyerAdmin, .manageProducts).denial
            == AccessDenial(kind: .companyType, reason: "company type buyer cannot manage products"))
        #expect(policy.authorize(buyerAdmin, .approveCompanies).denial
            == AccessDenial(kind: .operatorOnly, reason: "only platform operators can approve companies"))
    }

    @Test func buyer_neverSeesAnotherCompanysOrdersPricesOrCredit() {
        let buyer = Principal(company: own, companyTypes: [.buyer], roles: [.companyAdmin, .purchaser, .finance])
        let order = ResourceOwner(kind: "order", owner: other)
        #expect(policy.authorize(buyer, .viewOrders, on: order).denial
            == AccessDenial(kind: .ownership, reason: "order belongs to another company"))
        #expect(!policy.authorize(buyer, .quotePrice, on: ResourceOwner(kind: "price list", owner: other)).isAllowed)
        #expect(!policy.authorize(buyer, .viewCredit, on: ResourceOwner(kind: "credit line", owner: other)).isAllowed)
        #expect(policy.authorize(buyer, .viewOrders, on: ResourceOwner(kind: "order", owner: own)).isAllowed)
    }

    @Test func supplier_seesOrdersContainingItsLines_butNotOthers_andOnlyItsOwnStock() {
        let supplier = Principal(company: own, companyTypes: [.supplier], roles: [.warehouse])
        let withOurLines = ResourceOwner(kind: "order", owner: other, involved: [own])
        let withoutOurLines = ResourceOwner(kind: "order", owner: other, involved: [IdentityTest.id("co-third")])
        #expect(policy.authorize(supplier, .viewOrders, on: withOurLines).isAllowed)
        #expect(policy.authorize(supplier, .fulfillOrders, on: withOurLines).isAllowed)
        #expect(!policy.authorize(supplier, .viewOrders, on: withoutOurLines).isAllowed)
        #expect(policy.authorize(supplier, .manageStock, on: ResourceOwner(kind: "stock", owner: own)).isAllowed)
        #expect(policy.authorize(supplier, .manageStock, on: ResourceOwner(kind: "stock", owner: other)).denial?.reason
            == "stock belongs to another company")
    }

    @Test func involvement_grantsOnlyReadingAndFulfilling_neverOwnersActions() {
        let both = Principal(company: own, companyTypes: [.buyer, .supplier], roles: [.companyAdmin])
        let theirOrder = ResourceOwner(kind: "order", owner: other, involved: [own])
        #expect(policy.authorize(both, .viewOrders, on: theirOrder).isAllowed)
        #expect(!policy.authorize(both, .approveOrder, on: theirOrder).isAllowed)
        #expect(!policy.authorize(both, .payOrders, on: theirOrder).isAllowed)
    }

    @Test func catalog_isPublic_toEverySignedInCompany() {
        let buyer = Principal(company: own, companyTypes: [.buyer], roles: [.warehouse])
        #expect(policy.authorize(buyer, .browseCatalog, on: ResourceOwner(kind: "product", owner: other)).isAllowed)
    }

    @Test func platformOperator_overridesOwnership_butNeverActsForABuyer() {
        let staff = Principal(company: platform, companyTypes: [.operator], roles: [.operator])
        let theirs = ResourceOwner(kind: "order", owner: other)
        for action in AccessAction.allCases {
            let decision = policy.authorize(staff, action, on: theirs)
            let forbidden: Set<AccessAction> = [.placeOrder, .cancelOrders, .confirmDeliveries, .requestReturns,
                                                .approveOrder, .payOrders, .manageApprovalRules]
            #expect(decision.isAllowed == !forbidden.contains(action), "\(action.rawValue): \(decision)")
        }
        #expect(policy.authorize(staff, .placeOrder).denial?.kind == .notForOperators)
    }

    @Test func operatorRole_outsideTheOperatorCompany_grantsNothingExtra() {
        let impostor = Principal(company: own, companyTypes: [.buyer], roles: [.operator])
        #expect(!impostor.isPlatformOperator)
        #expect(!policy.authorize(impostor, .approveCompanies).isAllowed)
        #expect(!policy.authorize(impostor, .viewOrders, on: ResourceOwner(kind: "order", owner: other)).isAllowed)
    }

    @Test func operatorCompanyFinance_seesSettlementsThePlatformTakesPartIn() {
        let finance = Principal(company: platform, companyTypes: [.operator], roles: [.finance])
        let split = ResourceOwner(kind: "settlement", owner: other, involved: [platform])
        #expect(policy.authorize(finance, .viewSettlement, on: split).isAllowed)
        #expect(!policy.authorize(finance, .viewSettlement, on: ResourceOwner(kind: "settlement", owner: other)).isAllowed)
        #expect(!policy.authorize(finance, .approveCompanies).isAllowed)
    }

    @Test func principalWithoutRoles_isDeniedEverything() {
        let nobody = Principal(company: own, companyTypes: [.buyer, .supplier, .distributor], roles: [])
        for action in AccessAction.allCases {
            #expect(!policy.authorize(nobody, action).isAllowed, "\(action.rawValue)")
        }
    }

    @Test func assignableRoles_followCompanyTypes() {
        #expect(AccessPolicy.assignableRoles(for: [.buyer]) == [.companyAdmin, .finance, .purchaser, .approver, .warehouse])
        #expect(AccessPolicy.assignableRoles(for: [.supplier]) == [.companyAdmin, .finance, .warehouse, .catalogManager])
        #expect(AccessPolicy.assignableRoles(for: [.operator]) == [.companyAdmin, .finance, .operator])
        #expect(!AccessPolicy.assignableRoles(for: [.supplier, .distributor, .buyer]).contains(.operator))
    }
}
