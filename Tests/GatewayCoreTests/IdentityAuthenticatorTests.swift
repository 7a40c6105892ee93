import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityAuthenticatorTests {
    @Test func login_withTheRightPassword_givesClaimsForTheUser() throws {
        let (world, buyer, _) = IdentityUserManagementTests.world()
        let authenticator = IdentityTest.authenticator()
        let claims = try authenticator.login(username: "Buyer.Admin", password: IdentityTest.password,
                                             in: world.directory, now: world.now, tokenID: "jti-9")
        #expect(claims.company == buyer.id)
        #expect(claims.subject == .user(world.user("buyer.admin").id))
        #expect(claims.roles == [.companyAdmin])
        #expect(claims.issuer == IdentityTest.issuer && claims.audience == IdentityTest.audience)
        #expect(claims.expiresAt.timeIntervalSince(claims.issuedAt) == 15 * 60)
        #expect(claims.tokenID == "jti-9")
    }

    @Test func unknownUserAndWrongPassword_giveTheSameError() {
        let (world, _, _) = IdentityUserManagementTests.world()
        let authenticator = IdentityTest.authenticator()
        let wrongPassword = #expect(throws: AuthenticationError.self) {
            try authenticator.login(username: "buyer.admin", password: "wrong password!", in: world.directory,
                                    now: world.now, tokenID: "t")
        }
        let unknownUser = #expect(throws: AuthenticationError.self) {
            try authenticator.login(username: "nobody.here", password: IdentityTest.password, in: world.directory,
                                    now: world.now, tokenID: "t")
        }
        #expect(wrongPassword == .invalidCredentials)
        #expect(unknownUser == wrongPassword)
        #expect(wrongPassword?.reason == unknownUser?.reason)
    }

    @Test func inactiveUser_andCompaniesNotApproved_areRefusedWithAReason() {
        var (world, buyer, _) = IdentityUserManagementTests.world()
        let authenticator = IdentityTest.authenticator()
        func login(_ username: String) throws(AuthenticationError) -> Claims {
            try authenticator.login(username: username, password: IdentityTest.password, in: world.directory,
                                    now: world.now, tokenID: "t")
        }
        world.accept(.addUser(company: buyer.id, IdentityUserManagementTests.newUser("alice")), by: world.actor("buyer.admin"))
        world.accept(.deactivateUser(company: buyer.id, user: world.user("alice").id), by: world.actor("buyer.admin"))
        #expect(throws: AuthenticationError.userDeactivated) { try login("alice") }

        world.accept(.applyForOnboarding(world.application("Pending Co", types: [.buyer], admin: "pending.admin")),
                     by: .anonymous)
        #expect(throws: AuthenticationError.companyNotApproved(.pending, reason: nil)) { try login("pending.admin") }

        let rejected = world.accept(.applyForOnboarding(world.application("Bad Co", types: [.buyer], admin: "bad.admin")),
                                    by: .anonymous)
        world.accept(.reject(company: rejected.id, reason: "licence forged"), by: world.actor("root"))
        let error = #expect(throws: AuthenticationError.self) { try login("bad.admin") }
        #expect(error == .companyNotApproved(.rejected, reason: "licence forged"))
        #expect(error?.reason == "your company's application was rejected: licence forged")
    }

    @Test func bearerToken_isResolvedAgainstTheCurrentDirectory() throws {
        var (world, buyer, _) = IdentityUserManagementTests.world()
        world.accept(.addUser(company: buyer.id, IdentityUserManagementTests.newUser("alice", roles: [.purchaser, .approver])),
                     by: world.actor("buyer.admin"))
        let authenticator = IdentityTest.authenticator()
        let claims = try authenticator.login(username: "alice", password: IdentityTest.password, in: world.directory,
                                             now: world.now, tokenID: "t")
        let token = try authenticator.tokens.issue(claims)
        let principal = try authenticator.authenticate(bearerToken: token, in: world.directory, now: world.now)
        #expect(principal.roles == [.purchaser, .approver] && principal.companyTypes == [.buyer])

        let alice = world.user("alice").id
        world.accept(.setRoles(company: buyer.id, user: alice, roles: [.purchaser, .finance]), by: world.actor("buyer.admin"))
        let narrowed = try authenticator.authenticate(bearerToken: token, in: world.directory, now: world.now)
        #expect(narrowed.roles == [.purchaser], "a removed role stops at once; an added one needs a new token")
        world.accept(.setRoles(company: buyer.id, user: alice, roles: [.finance]), by: world.actor("buyer.admin"))
        #expect(throws: AuthenticationError.rolesWithdrawn, "none left: sign in again, not 'a caller without roles'") {
            try authenticator.authenticate(bearerToken: token, in: world.directory, now: world.now)
        }
        world.accept(.setRoles(company: buyer.id, user: alice, roles: [.purchaser, .finance]), by: world.actor("buyer.admin"))

        world.accept(.suspend(company: buyer.id, reason: "audit"), by: world.actor("root"))
        #expect(throws: AuthenticationError.companyNotApproved(.suspended, reason: "audit")) {
            try authenticator.authenticate(bearerToken: token, in: world.directory, now: world.now)
        }
        world.accept(.reinstate(company: buyer.id), by: world.actor("root"))
        world.accept(.deactivateUser(company: buyer.id, user: alice), by: world.actor("buyer.admin"))
        #expect(throws: AuthenticationError.userDeactivated) {
            try authenticator.authenticate(bearerToken: token, in: world.directory, now: world.now)
        }
    }

    @Test func invalidOrExpiredBearerTokens_areInvalidToken() throws {
        let (world, _, _) = IdentityUserManagementTests.world()
        let authenticator = IdentityTest.authenticator()
        let claims = try authenticator.login(username: "buyer.admin", password: IdentityTest.password,
                                             in: world.directory, now: world.now, tokenID: "t")
        let token = try authenticator.tokens.issue(claims)
        let later = world.now.addingTimeInterval(16 * 60)
        #expect(throws: AuthenticationError.invalidToken(.expired(at: claims.expiresAt))) {
            try authenticator.authenticate(bearerToken: token, in: world.directory, now: later)
        }
        #expect(throws: AuthenticationError.invalidToken(.malformed("expected 3 dot-separated parts, got 1"))) {
            try authenticator.authenticate(bearerToken: "nonsense", in: world.directory, now: world.now)
        }
        #expect(throws: AuthenticationError.principalGone) {
            try authenticator.authenticate(bearerToken: token, in: Directory(), now: world.now)
        }
    }
}
