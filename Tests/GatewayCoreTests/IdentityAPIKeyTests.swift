import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityAPIKeyTests {
    @Test func createAPIKey_returnsTheSecretOnce_andStoresOnlyItsHash() throws {
        var (world, buyer, _) = IdentityUserManagementTests.world()
        let decision = world.run(.createAPIKey(company: buyer.id, label: "SAP ERP", roles: [.purchaser, .finance]),
                                 by: world.actor("buyer.admin"))
        let presented = try #require(decision.issuedKey)
        let company = try #require(decision.company)
        let key = try #require(company.apiKeys.last)
        #expect(presented.hasPrefix("tfk_\(key.id.rawValue)_"))
        let secret = String(presented.dropFirst("tfk_\(key.id.rawValue)_".count))
        #expect(secret.count == 43, "32 random bytes in base64url")
        #expect(key.secretHash.count == 64)
        #expect(!key.secretHash.contains(secret))
        #expect(!String(describing: company).contains(secret), "the secret is never stored")
        #expect(key.label == "SAP ERP" && key.roles == [.purchaser, .finance] && !key.revoked)
        #expect(key.createdAt == company.updatedAt)
        #expect(!key.id.rawValue.contains("_"))
        #expect(!String(describing: APIKeyCredential(parsing: presented)).contains(secret))
    }

    @Test func loginWithAPIKey_givesClaimsForTheKeysRoles_untilRevoked() throws {
        var (world, buyer, _) = IdentityUserManagementTests.world()
        let presented = try #require(world.run(.createAPIKey(company: buyer.id, label: "ERP", roles: [.purchaser]),
                                               by: world.actor("buyer.admin")).issuedKey)
        let authenticator = IdentityTest.authenticator()
        let claims = try authenticator.login(apiKey: presented, in: world.directory, now: world.now, tokenID: "t1")
        let keyID = try #require(APIKeyCredential(parsing: presented)?.id)
        #expect(claims.subject == .apiKey(keyID))
        #expect(claims.company == buyer.id && claims.roles == [.purchaser])

        let token = try authenticator.tokens.issue(claims)
        let principal = try authenticator.authenticate(bearerToken: token, in: world.directory, now: world.now)
        #expect(principal.company == buyer.id && principal.subject == .apiKey(keyID))

        world.accept(.revokeAPIKey(company: buyer.id, key: keyID), by: world.actor("buyer.admin"))
        #expect(throws: AuthenticationError.apiKeyRevoked) {
            try authenticator.login(apiKey: presented, in: world.directory, now: world.now, tokenID: "t2")
        }
        #expect(throws: AuthenticationError.apiKeyRevoked, "tokens already issued stop working too") {
            try authenticator.authenticate(bearerToken: token, in: world.directory, now: world.now)
        }
        #expect(world.run(.revokeAPIKey(company: buyer.id, key: keyID), by: world.actor("buyer.admin")).rejectionField
            == "key")
    }

    @Test func wrongOrMalformedAPIKeys_areInvalidCredentials() throws {
        var (world, buyer, _) = IdentityUserManagementTests.world()
        let presented = try #require(world.run(.createAPIKey(company: buyer.id, label: "ERP", roles: [.purchaser]),
                                               by: world.actor("buyer.admin")).issuedKey)
        let authenticator = IdentityTest.authenticator()
        let wrongSecret = String(presented.dropLast()) + (presented.hasSuffix("A") ? "B" : "A")
        for attempt in [wrongSecret, "tfk_key-0000000000000000_" + String(repeating: "A", count: 43), "tfk_", "tfk__x",
                        "garbage", "", String(presented.dropFirst(4))] {
            #expect(throws: AuthenticationError.invalidCredentials, "\(attempt)") {
                try authenticator.login(apiKey: attempt, in: world.directory, now: world.now, tokenID: "t")
            }
        }
    }

    @Test func apiKeys_cannotHoldIdentityRoles_orRolesOutsideTheCompanyType() {
        var (world, buyer, _) = IdentityUserManagementTests.world()
        let admin = world.actor("buyer.admin")
        #expect(world.run(.createAPIKey(company: buyer.id, label: "x", roles: [.companyAdmin]), by: admin).rejectionField
            == "roles")
        #expect(world.run(.createAPIKey(company: buyer.id, label: "x", roles: [.catalogManager]), by: admin).rejectionField
            == "roles")
        #expect(world.run(.createAPIKey(company: buyer.id, label: " ", roles: [.purchaser]), by: admin).rejectionField
            == "label")
        world.accept(.addUser(company: buyer.id, IdentityUserManagementTests.newUser("alice")), by: admin)
        #expect(world.run(.createAPIKey(company: buyer.id, label: "x", roles: [.purchaser]), by: world.actor("alice"))
            .rejectionCode == .accessDenied)
    }

    @Test func activeKeysAreLimited_andOldRevokedKeysArePruned() throws {
        var world = IdentityWorld()
        var limits = IdentityLimits()
        limits.maximumActiveAPIKeys = 2
        limits.maximumRevokedAPIKeysKept = 1
        world.decider = IdentityDecider(passwordHasher: IdentityTest.fastHasher, limits: limits)
        let buyer = world.approvedCompany("Buyer Co", types: [.buyer], admin: "buyer.admin")
        let admin = world.actor("buyer.admin")
        func create() -> APIKeyID? {
            world.run(.createAPIKey(company: buyer.id, label: "k", roles: [.purchaser]), by: admin).company?.apiKeys.last?.id
        }
        let first = try #require(create())
        let second = try #require(create())
        #expect(world.run(.createAPIKey(company: buyer.id, label: "k", roles: [.purchaser]), by: admin).rejectionCode
            == .identityLimitReached)
        world.accept(.revokeAPIKey(company: buyer.id, key: first), by: admin)
        let third = try #require(create(), "a revoked key frees a slot")
        let afterSecondRevoke = world.accept(.revokeAPIKey(company: buyer.id, key: second), by: admin)
        #expect(afterSecondRevoke.apiKeys.map(\.id) == [second, third], "the oldest revoked key was dropped")
    }
}
