import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityUserManagementTests {
    /// Operator, an approved buyer (admin "buyer.admin") and an approved supplier (admin "maker").
    static func world() -> (IdentityWorld, buyer: Company, supplier: Company) {
        var world = IdentityWorld()
        world.bootstrapOperator()
        let buyer = world.approvedCompany("Buyer Co", types: [.buyer], admin: "buyer.admin")
        let supplier = world.approvedCompany("Maker", types: [.supplier], admin: "maker")
        return (world, buyer, supplier)
    }

    static func newUser(_ username: String, roles: Set<Role> = [.purchaser], department: DepartmentID? = nil,
                        password: String = IdentityTest.password) -> NewUser {
        NewUser(username: username, password: password, displayName: "User \(username)", roles: roles,
                department: department)
    }

    @Test func companyAdmin_addsAUser() throws {
        var (world, buyer, _) = Self.world()
        let updated = world.accept(.addUser(company: buyer.id, Self.newUser("alice", roles: [.purchaser, .approver])),
                                   by: world.actor("buyer.admin"))
        #expect(updated.revision == buyer.revision + 1)
        let alice = try #require(updated.users.first { $0.username == "alice" })
        #expect(alice.roles == [.purchaser, .approver])
        #expect(alice.active)
        #expect(world.directory.user(named: "alice")?.company.id == buyer.id)
    }

    @Test func nonAdmin_cannotAddUsers() {
        var (world, buyer, _) = Self.world()
        world.accept(.addUser(company: buyer.id, Self.newUser("alice")), by: world.actor("buyer.admin"))
        let decision = world.run(.addUser(company: buyer.id, Self.newUser("mallory")), by: world.actor("alice"))
        #expect(decision == .rejected(code: .accessDenied, message: "role purchaser cannot manage users", field: nil))
    }

    @Test func admin_cannotManageAnotherCompanysUsers_butTheOperatorCan() {
        var (world, buyer, supplier) = Self.world()
        let crossCompany = world.run(.addUser(company: supplier.id, Self.newUser("spy", roles: [.warehouse])),
                                     by: world.actor("buyer.admin"))
        #expect(crossCompany.rejectionCode == .accessDenied)
        #expect(crossCompany.rejectionMessage == "you can only manage users of your own company")
        let byOperator = world.run(.addUser(company: buyer.id, Self.newUser("helper")), by: world.actor("root"))
        #expect(byOperator.company?.users.contains { $0.username == "helper" } == true)
    }

    @Test func duplicateUsername_isRejected_acrossCompanies_andIgnoringCase() {
        var (world, buyer, supplier) = Self.world()
        world.accept(.addUser(company: buyer.id, Self.newUser("alice")), by: world.actor("buyer.admin"))
        let sameCompany = world.run(.addUser(company: buyer.id, Self.newUser("alice")), by: world.actor("buyer.admin"))
        #expect(sameCompany == .rejected(code: .usernameTaken, message: "username alice is already taken", field: "username"))
        let otherCompany = world.run(.addUser(company: supplier.id, Self.newUser("Alice", roles: [.warehouse])),
                                     by: world.actor("maker"))
        #expect(otherCompany.rejectionCode == .usernameTaken)
        let applicant = world.run(.applyForOnboarding(world.application("New", types: [.buyer], admin: "ALICE")),
                                  by: .anonymous)
        #expect(applicant.rejectionCode == .usernameTaken)
        #expect(applicant.rejectionField == "admin.username")
    }

    @Test func userFields_areValidated_andNamed() {
        var (world, buyer, _) = Self.world()
        func rejection(_ user: NewUser) -> (RejectionCode?, String?) {
            let decision = world.run(.addUser(company: buyer.id, user), by: world.actor("buyer.admin"))
            return (decision.rejectionCode, decision.rejectionField)
        }
        #expect(rejection(Self.newUser("ab")) == (.invalidField, "username"))
        #expect(rejection(Self.newUser("-alice")) == (.invalidField, "username"))
        #expect(rejection(Self.newUser("alice wang")) == (.invalidField, "username"))
        #expect(rejection(Self.newUser(String(repeating: "a", count: 65))) == (.invalidField, "username"))
        #expect(rejection(Self.newUser("alice", password: "too short")) == (.weakPassword, "password"))
        #expect(rejection(Self.newUser("alice.wang.01", password: "alice.wang.01")) == (.weakPassword, "password"))
        #expect(rejection(Self.newUser("alice", roles: [])) == (.invalidField, "roles"))
        #expect(rejection(Self.newUser("alice", roles: [.catalogManager])) == (.invalidField, "roles"),
                "catalog managers belong to suppliers and distributors")
        #expect(rejection(Self.newUser("alice", roles: [.operator])) == (.invalidField, "roles"))
        #expect(rejection(Self.newUser("alice", department: IdentityTest.id("dep-nope"))) == (.departmentNotFound, "department"))
        #expect(world.directory.user(named: "alice") == nil)
    }

    @Test func setRoles_replacesRoles_butKeepsTheLastAdmin() throws {
        var (world, buyer, _) = Self.world()
        world.accept(.addUser(company: buyer.id, Self.newUser("alice")), by: world.actor("buyer.admin"))
        let alice = world.user("alice").id
        let updated = world.accept(.setRoles(company: buyer.id, user: alice, roles: [.approver, .finance]),
                                   by: world.actor("buyer.admin"))
        #expect(updated.users.first { $0.id == alice }?.roles == [.approver, .finance])
        let admin = world.user("buyer.admin").id
        let demoteLastAdmin = world.run(.setRoles(company: buyer.id, user: admin, roles: [.purchaser]),
                                        by: world.actor("buyer.admin"))
        #expect(demoteLastAdmin.rejectionField == "roles")
        #expect(demoteLastAdmin.rejectionMessage?.contains("at least one active company admin") == true)
        let unknown = world.run(.setRoles(company: buyer.id, user: IdentityTest.id("usr-nope"), roles: [.finance]),
                                by: world.actor("buyer.admin"))
        #expect(unknown.rejectionCode == .userNotFound)
    }

    @Test func deactivateUser_keepsTheUsernameReserved_andCanBeUndone() {
        var (world, buyer, _) = Self.world()
        world.accept(.addUser(company: buyer.id, Self.newUser("alice")), by: world.actor("buyer.admin"))
        let alice = world.user("alice").id
        let updated = world.accept(.deactivateUser(company: buyer.id, user: alice), by: world.actor("buyer.admin"))
        #expect(updated.users.first { $0.id == alice }?.active == false)
        #expect(world.directory.isUsernameTaken("alice"))
        #expect(world.run(.deactivateUser(company: buyer.id, user: alice), by: world.actor("buyer.admin")).rejectionField
            == "user")
        let admin = world.user("buyer.admin").id
        #expect(world.run(.deactivateUser(company: buyer.id, user: admin), by: world.actor("buyer.admin")).rejectionCode
            == .invalidField, "the last active admin cannot be deactivated")
        #expect(world.accept(.reactivateUser(company: buyer.id, user: alice), by: world.actor("buyer.admin"))
            .users.first { $0.id == alice }?.active == true)
    }

    @Test func userChangesOwnPassword_onlyWithTheCurrentOne_adminResetsWithout() throws {
        var (world, buyer, _) = Self.world()
        world.accept(.addUser(company: buyer.id, Self.newUser("alice")), by: world.actor("buyer.admin"))
        let alice = world.user("alice").id
        let newPassword = "a much better passphrase"
        let withoutCurrent = world.run(.setPassword(company: buyer.id, user: alice, newPassword: newPassword,
                                                    currentPassword: nil), by: world.actor("alice"))
        #expect(withoutCurrent.rejectionField == "currentPassword")
        let wrongCurrent = world.run(.setPassword(company: buyer.id, user: alice, newPassword: newPassword,
                                                  currentPassword: "not my password"), by: world.actor("alice"))
        #expect(wrongCurrent.rejectionCode == .accessDenied)
        world.accept(.setPassword(company: buyer.id, user: alice, newPassword: newPassword,
                                  currentPassword: IdentityTest.password), by: world.actor("alice"))
        #expect(IdentityTest.fastHasher.verify(newPassword, against: world.user("alice").passwordHash))
        world.accept(.setPassword(company: buyer.id, user: alice, newPassword: "reset by the admin 1",
                                  currentPassword: nil), by: world.actor("buyer.admin"))
        #expect(IdentityTest.fastHasher.verify("reset by the admin 1", against: world.user("alice").passwordHash))
        let weak = world.run(.setPassword(company: buyer.id, user: alice, newPassword: "short", currentPassword: nil),
                             by: world.actor("buyer.admin"))
        #expect(weak.rejectionCode == .weakPassword && weak.rejectionField == "newPassword")
        world.accept(.addUser(company: buyer.id, Self.newUser("bob")), by: world.actor("buyer.admin"))
        let notAdmin = world.run(.setPassword(company: buyer.id, user: alice, newPassword: newPassword,
                                              currentPassword: nil), by: world.actor("bob"))
        #expect(notAdmin.rejectionCode == .accessDenied)
    }

    @Test func departments_nestUnderExistingParents_withUniqueSiblingNames() throws {
        var (world, buyer, _) = Self.world()
        let admin = world.actor("buyer.admin")
        let purchasing = try #require(world.accept(.addDepartment(company: buyer.id, name: "Purchasing", parent: nil),
                                                   by: admin).departments.last)
        let east = try #require(world.accept(.addDepartment(company: buyer.id, name: "East", parent: purchasing.id),
                                             by: admin).departments.last)
        #expect(east.parent == purchasing.id)
        #expect(world.run(.addDepartment(company: buyer.id, name: "purchasing", parent: nil), by: admin).rejectionCode
            == .departmentExists)
        #expect(world.run(.addDepartment(company: buyer.id, name: "East", parent: nil), by: admin).company != nil,
                "the same name under another parent is fine")
        #expect(world.run(.addDepartment(company: buyer.id, name: "X", parent: IdentityTest.id("dep-nope")), by: admin)
            .rejectionCode == .departmentNotFound)
        let withUser = world.accept(.addUser(company: buyer.id, Self.newUser("alice", department: east.id)), by: admin)
        #expect(withUser.users.first { $0.username == "alice" }?.department == east.id)
    }

    @Test func departmentDepth_isBounded() {
        var world = Self.world().0
        world.decider = IdentityDecider(passwordHasher: IdentityTest.fastHasher, limits: {
            var limits = IdentityLimits()
            limits.maximumDepartmentDepth = 2
            return limits
        }())
        let buyer = world.directory.user(named: "buyer.admin")!.company.id
        let admin = world.actor("buyer.admin")
        let top = world.accept(.addDepartment(company: buyer, name: "A", parent: nil), by: admin).departments.last!.id
        let middle = world.accept(.addDepartment(company: buyer, name: "B", parent: top), by: admin).departments.last!.id
        #expect(world.run(.addDepartment(company: buyer, name: "C", parent: middle), by: admin).rejectionField == "parent")
    }

    @Test func limits_onUsersAndDepartments_areEnforced() {
        var world = IdentityWorld()
        var limits = IdentityLimits()
        limits.maximumUsers = 2
        limits.maximumDepartments = 1
        world.decider = IdentityDecider(passwordHasher: IdentityTest.fastHasher, limits: limits)
        let buyer = world.approvedCompany("Buyer Co", types: [.buyer], admin: "buyer.admin")
        let admin = world.actor("buyer.admin")
        world.accept(.addUser(company: buyer.id, Self.newUser("alice")), by: admin)
        #expect(world.run(.addUser(company: buyer.id, Self.newUser("bob")), by: admin).rejectionCode == .identityLimitReached)
        world.accept(.addDepartment(company: buyer.id, name: "A", parent: nil), by: admin)
        #expect(world.run(.addDepartment(company: buyer.id, name: "B", parent: nil), by: admin).rejectionCode
            == .identityLimitReached)
    }
}
