import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// Identity over HTTP: a company applies, the platform operator approves it, its admin adds people,
/// a department and an API key for its ERP; revoking the key or deactivating a user takes effect
/// on the very next request.
@Suite struct CompanyFlowTests {
    @Test func onboarding_approval_users_apiKeys_andRevocationTakeEffectAtOnce() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let applied = try await api.send("POST", "/v1/companies", json: [
            "name": "杭州新零售 New Retail Hangzhou", "types": ["buyer"], "region": "east-china",
            "admin": ["username": "newretail.admin", "password": "new-retail-2026!"],
            "documents": [["kind": "business-license", "ref": "s3://docs/license.pdf"]],
        ])
        #expect(applied.status == 202, "\(applied.text)")
        let company = try #require(applied.object["id"] as? String)
        #expect(applied.object["status"] as? String == "pending")

        // Pending companies cannot sign in; a buyer cannot approve; the operator can.
        let early = try await api.send("POST", "/v1/auth/token", json: ["username": "newretail.admin", "password": "new-retail-2026!"])
        #expect(early.status == 401)
        let buyer = try await api.login("metro.admin")
        #expect(try await api.send("POST", "/v1/companies/\(company)/approve", token: buyer).status == 403)
        let operatorToken = try await api.login("operator")
        #expect(try await api.send("POST", "/v1/companies/\(company)/approve", token: operatorToken).status == 200)

        let bogus = try await api.send("GET", "/v1/companies?status=bogus", token: operatorToken)
        #expect(bogus.status == 400 && bogus.errorField == "status", "\(bogus.text)")

        // The pricing profile: a field left out stays as it is, null clears it, nothing at all is refused.
        let profile = "/v1/companies/\(company)/pricing-profile"
        let gold = try await api.send("PUT", profile, token: operatorToken, json: ["tier": "gold"])
        #expect(gold.status == 200 && gold.object["tier"] as? String == "gold" && gold.object["region"] as? String == "east-china",
                "\(gold.text)")
        let cleared = try await api.send("PUT", profile, token: operatorToken, json: ["region": NSNull()])
        #expect(cleared.status == 200 && cleared.object["tier"] as? String == "gold" && cleared.object["region"] == nil,
                "\(cleared.text)")
        let nothing = try await api.send("PUT", profile, token: operatorToken, json: [String: String]())
        #expect(nothing.status == 400 && nothing.errorField == "tier", "\(nothing.text)")
        #expect(try await api.send("PUT", profile, token: operatorToken, json: ["region": "east-china"]).status == 200)

        let admin = try await api.login("newretail.admin", password: "new-retail-2026!")
        let added = try await api.send("POST", "/v1/companies/\(company)/users", token: admin, json: [
            "username": "newretail.buyer", "password": "buyer-pass-2026", "roles": ["purchaser"],
        ])
        #expect(added.status == 201, "\(added.text)")
        let purchaser = try await api.login("newretail.buyer", password: "buyer-pass-2026")
        #expect(try await api.send("POST", "/v1/companies/\(company)/users", token: purchaser, json: [
            "username": "sneaky", "password": "sneaky-pass-2026", "roles": ["company-admin"],
        ]).status == 403, "a purchaser cannot manage users")
        #expect(try await api.send("POST", "/v1/companies/\(company)/departments", token: admin,
                                   json: ["name": "华东采购部 East Purchasing"]).status == 201)
        #expect(try await api.send("POST", "/v1/companies", json: [
            "name": "Dup", "types": ["buyer"], "admin": ["username": "newretail.buyer", "password": "whatever-2026"],
        ]).status == 409, "usernames are unique across the platform")

        // An API key for the ERP: shown once, signs in, and stops at once when revoked.
        let created = try await api.send("POST", "/v1/companies/\(company)/api-keys", token: admin,
                                         json: ["label": "ERP", "roles": ["purchaser"]])
        #expect(created.status == 201, "\(created.text)")
        let apiKey = try #require(created.object["apiKey"] as? String)
        let machine = try await api.send("POST", "/v1/auth/token", json: ["apiKey": apiKey])
        #expect(machine.status == 200)
        let machineToken = try #require(machine.object["accessToken"] as? String)
        #expect(try await api.send("GET", "/v1/products?pageSize=1", token: machineToken).status == 200)
        let keyId = try #require(((created.object["company"] as? [String: Any])?["apiKeys"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try await api.send("POST", "/v1/companies/\(company)/api-keys/\(keyId)/revoke", token: admin).status == 200)
        #expect(try await api.send("GET", "/v1/products?pageSize=1", token: machineToken).status == 401, "revoked keys stop at once")

        // Deactivating a user stops their existing token too.
        let userId = try #require(((added.object["users"] as? [[String: Any]])?.first { $0["username"] as? String == "newretail.buyer" })?["id"] as? String)
        #expect(try await api.send("POST", "/v1/companies/\(company)/users/\(userId)/deactivate", token: admin).status == 200)
        #expect(try await api.send("GET", "/v1/products?pageSize=1", token: purchaser).status == 401)
        _ = await platform.interrupt()
    }
}
}
