import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityOnboardingTests {
    @Test func application_createsAPendingCompany_withItsAdminAndDocuments() throws {
        var world = IdentityWorld()
        let application = world.application("Ningbo Fasteners", types: [.supplier, .distributor], admin: "Owner.Ningbo")
        let company = world.accept(.applyForOnboarding(application), by: .anonymous)
        #expect(company.status == .pending)
        #expect(company.revision == 1)
        #expect(company.types == [.supplier, .distributor])
        #expect(company.region == "east-china")
        #expect(company.qualificationDocuments == [DocumentReference(kind: "business-license", ref: "s3://docs/Owner.Ningbo.pdf")])
        #expect(company.updatedAt == IdentityTest.start)
        let admin = try #require(company.users.first)
        #expect(company.users.count == 1)
        #expect(admin.username == "owner.ningbo", "usernames are stored lowercase")
        #expect(admin.roles == [.companyAdmin])
        #expect(admin.active)
        #expect(admin.passwordHash.algorithm == "pbkdf2-sha256")
        #expect(!String(describing: company).contains(IdentityTest.password), "the password is never stored")
        #expect(IdentityTest.fastHasher.verify(IdentityTest.password, against: admin.passwordHash))
        #expect(company.id.rawValue.hasPrefix("co-"))
    }

    @Test func operatorApproves_andTheCompanyBecomesApproved() {
        var world = IdentityWorld()
        world.bootstrapOperator()
        let applied = world.accept(.applyForOnboarding(world.application("Acme", types: [.buyer], admin: "acme")),
                                   by: .anonymous)
        let approved = world.accept(.approve(company: applied.id), by: world.actor("root"))
        #expect(approved.status == .approved)
        #expect(approved.revision == 2)
        #expect(approved.statusReason == nil)
        #expect(approved.users == applied.users)
    }

    @Test func operatorRejects_withAReasonTheApplicantReads() {
        var world = IdentityWorld()
        world.bootstrapOperator()
        let applied = world.accept(.applyForOnboarding(world.application("Acme", types: [.buyer], admin: "acme")),
                                   by: .anonymous)
        let rejected = world.accept(.reject(company: applied.id, reason: "  business licence expired 2025-12  "),
                                    by: world.actor("root"))
        #expect(rejected.status == .rejected)
        #expect(rejected.statusReason == "business licence expired 2025-12")
        let blank = world.run(.reject(company: applied.id, reason: " "), by: world.actor("root"))
        #expect(blank.rejectionField == "reason")
        // A rejected company may still be approved later (documents provided), but not rejected twice.
        #expect(world.run(.reject(company: applied.id, reason: "again"), by: world.actor("root")).rejectionCode
            == .invalidCompanyStatus)
        #expect(world.accept(.approve(company: applied.id), by: world.actor("root")).status == .approved)
    }

    @Test func onlyPlatformOperators_decideApplications() {
        var world = IdentityWorld()
        world.bootstrapOperator()
        let buyer = world.approvedCompany("Buyer Co", types: [.buyer], admin: "buyer.admin")
        let applied = world.accept(.applyForOnboarding(world.application("Acme", types: [.supplier], admin: "acme")),
                                   by: .anonymous)
        let byAnonymous = world.run(.approve(company: applied.id), by: .anonymous)
        #expect(byAnonymous.rejectionCode == .accessDenied)
        let byBuyerAdmin = world.run(.approve(company: applied.id), by: world.actor("buyer.admin"))
        #expect(byBuyerAdmin == .rejected(code: .accessDenied, message: "only platform operators can approve companies",
                                          field: nil))
        #expect(world.run(.setBuyerTier(company: buyer.id, tier: .gold), by: world.actor("buyer.admin")).rejectionCode
            == .accessDenied, "a buyer cannot pick its own tier")
    }

    @Test func approvingTwice_isAnInvalidStatus() {
        var world = IdentityWorld()
        let company = world.approvedCompany("Acme", types: [.buyer], admin: "acme")
        let again = world.run(.approve(company: company.id), by: .system)
        #expect(again.rejectionCode == .invalidCompanyStatus)
    }

    @Test func suspendAndReinstate_carryAReason_andNeverTouchTheOperator() {
        var world = IdentityWorld()
        let platform = world.bootstrapOperator()
        let buyer = world.approvedCompany("Acme", types: [.buyer], admin: "acme")
        let suspended = world.accept(.suspend(company: buyer.id, reason: "credit overdue"), by: world.actor("root"))
        #expect(suspended.status == .suspended && suspended.statusReason == "credit overdue")
        #expect(world.accept(.reinstate(company: buyer.id), by: world.actor("root")).status == .approved)
        #expect(world.run(.suspend(company: platform.id, reason: "oops"), by: world.actor("root")).rejectionCode
            == .invalidCompanyStatus)
    }

    @Test func application_refusesOperatorTypeNoTypesAndBadFields() {
        var world = IdentityWorld()
        func field(_ application: OnboardingApplication) -> String? {
            world.run(.applyForOnboarding(application), by: .anonymous).rejectionField
        }
        #expect(field(world.application("X", types: [.operator], admin: "xadmin")) == "types")
        #expect(field(world.application("X", types: [], admin: "xadmin")) == "types")
        #expect(field(world.application(" ", types: [.buyer], admin: "xadmin")) == "name")
        #expect(field(world.application("X", types: [.buyer], admin: "x")) == "admin.username")
        #expect(field(world.application("X", types: [.buyer], admin: "bad name")) == "admin.username")
        #expect(field(world.application("X", types: [.buyer], admin: "xadmin", password: "short")) == "admin.password")
        let badDocument = OnboardingApplication(
            name: "X", types: [.buyer], adminUsername: "xadmin", adminPassword: IdentityTest.password,
            adminDisplayName: "X", documents: [DocumentReference(kind: "Business License", ref: "s3://x")])
        #expect(field(badDocument) == "documents[0].kind")
        let badRegion = OnboardingApplication(
            name: "X", types: [.buyer], adminUsername: "xadmin", adminPassword: IdentityTest.password,
            adminDisplayName: "X", documents: [], region: "East China")
        #expect(field(badRegion) == "region")
        #expect(world.directory.count == 0)
    }

    @Test func bootstrap_onlyBySystem_andOnlyOnce() {
        var world = IdentityWorld()
        let bootstrap = PlatformBootstrap(companyID: IdentityTest.id("tradeflow"), name: "Tradeflow",
                                          adminUsername: "root", adminPassword: IdentityTest.password,
                                          adminDisplayName: "Root")
        #expect(world.run(.bootstrapPlatformOperator(bootstrap), by: .anonymous).rejectionCode == .accessDenied)
        let platform = world.accept(.bootstrapPlatformOperator(bootstrap), by: .system)
        #expect(platform.status == .approved && platform.types == [.operator])
        #expect(platform.users.first?.roles == [.companyAdmin, .operator])
        #expect(world.principal("root").isPlatformOperator)
        let second = PlatformBootstrap(companyID: IdentityTest.id("tradeflow-2"), name: "Again", adminUsername: "root2",
                                       adminPassword: IdentityTest.password, adminDisplayName: "Root")
        #expect(world.run(.bootstrapPlatformOperator(second), by: .system).rejectionCode == .platformOperatorExists)
    }

    @Test func buyerTierAndRegion_areSetByTheOperator_tierOnlyForBuyers() {
        var world = IdentityWorld()
        world.bootstrapOperator()
        let buyer = world.approvedCompany("Acme", types: [.buyer], admin: "acme")
        let supplier = world.approvedCompany("Maker", types: [.supplier], admin: "maker")
        #expect(world.accept(.setBuyerTier(company: buyer.id, tier: .silver), by: world.actor("root")).tier == .silver)
        #expect(world.accept(.setRegion(company: buyer.id, region: "south-china"), by: world.actor("root")).region
            == "south-china")
        #expect(world.run(.setBuyerTier(company: supplier.id, tier: .gold), by: world.actor("root")).rejectionField == "tier")
        #expect(world.run(.setRegion(company: buyer.id, region: "South China"), by: world.actor("root")).rejectionField
            == "region")
        #expect(world.accept(.setBuyerTier(company: buyer.id, tier: nil), by: world.actor("root")).tier == nil)
    }

    @Test func unknownCompany_isNamed() {
        var world = IdentityWorld()
        let decision = world.run(.approve(company: IdentityTest.id("co-missing")), by: .system)
        #expect(decision == .rejected(code: .companyNotFound, message: "no company co-missing", field: "company"))
    }

    @Test func commandDescriptions_neverContainPasswords() {
        let world = IdentityWorld()
        let commands: [IdentityCommand] = [
            .applyForOnboarding(world.application("Acme", types: [.buyer], admin: "acme")),
            .addUser(company: IdentityTest.id("co-1"), NewUser(username: "bob", password: IdentityTest.password,
                                                                displayName: "Bob", roles: [.purchaser])),
            .setPassword(company: IdentityTest.id("co-1"), user: IdentityTest.id("usr-1"), newPassword: IdentityTest.password,
                         currentPassword: "old password 1"),
        ]
        for command in commands {
            #expect(!String(describing: command).contains("battery"))
            #expect(!String(reflecting: command).contains("battery"))
            var dumped = ""
            dump(command, to: &dumped)
            #expect(!dumped.contains("battery"), "\(dumped)")
        }
    }
}
