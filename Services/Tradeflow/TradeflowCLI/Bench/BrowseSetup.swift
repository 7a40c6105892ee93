import Foundation
import HTTP
import Runtime

/// Creates the benchmark's buyer companies through the public API (onboarding, operator approval,
/// a pricing profile), signs each in, and picks the SKUs to quote.
enum BrowseSetup {
    struct Prepared {
        let tokens: [String]
        /// The buyer companies and their admins' usernames, in the order of `tokens`.
        let companies: [String]
        let usernames: [String]
        /// Seconds the shortest-lived of `tokens` was valid for when issued.
        let tokenLifetime: Int
        /// Taken before the first of `tokens` was asked for: none is older than this.
        let obtained: ContinuousClock.Instant
        let skus: [(sku: String, moq: Int64)]
    }

    struct Demo: Decodable { let password: String }
    struct Onboarding: Encodable {
        struct Admin: Encodable { let username: String; let password: String }
        let name: String
        let types: [String]
        let admin: Admin
    }
    struct Created: Decodable { let id: String }
    struct Page: Decodable {
        struct Item: Decodable { let sku: String; let minimumOrderQuantity: Int64 }
        let items: [Item]
    }

    static func prepare(gateway: SocketAddress, demo: URL, buyers: Int) async throws -> Prepared {
        let password = try JSONDecoder().decode(Demo.self, from: Data(contentsOf: demo)).password
        let client = DemoClient(gateway: gateway)
        let operatorToken = try await client.login("operator", password: password, waitingUpTo: .seconds(30))
        let run = String(UInt32(Date().timeIntervalSince1970) % 1_000_000)
        let tiers = ["standard", "silver", "gold"]
        let obtained = ContinuousClock.now
        let buyersCreated = try await withThrowingTaskGroup(of: (String, DemoClient.TokenResponse, String).self) { group in
            for index in 0..<buyers {
                group.addTask {
                    let username = "bench-\(run)-\(index)"
                    let created: Created = try await client.postDecoding("/v1/companies", token: nil, body: Onboarding(
                        name: "Bench Buyer \(run)-\(index)", types: ["buyer"], admin: .init(username: username, password: password)))
                    try await client.post("/v1/companies/\(created.id)/approve", token: operatorToken, body: [String: String]())
                    try await client.put("/v1/companies/\(created.id)/pricing-profile", token: operatorToken,
                                         body: ["tier": tiers[index % 3], "region": index % 2 == 0 ? "east-china" : "south-west"])
                    return (created.id, try await client.signIn(username, password: password, waitingUpTo: .seconds(60)), username)
                }
            }
            var collected: [(String, DemoClient.TokenResponse, String)] = []
            for try await pair in group { collected.append(pair) }
            return collected
        }
        let tokens = buyersCreated.map(\.1.accessToken)
        var skus: [(String, Int64)] = []
        for page in 1...3 {
            let found: Page = try await client.get("/v1/products?page=\(page)&pageSize=100", token: tokens[0])
            skus += found.items.map { ($0.sku, $0.minimumOrderQuantity) }
        }
        guard !skus.isEmpty else { throw DemoError(message: "the catalog is empty: was the demo world seeded?") }
        return Prepared(tokens: tokens, companies: buyersCreated.map(\.0), usernames: buyersCreated.map(\.2),
                        tokenLifetime: buyersCreated.map(\.1.expiresIn).min() ?? 0, obtained: obtained, skus: skus)
    }
}
