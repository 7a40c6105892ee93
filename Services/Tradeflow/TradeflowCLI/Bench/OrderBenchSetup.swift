import Foundation
import HTTP
import Runtime

/// What the order benchmarks need before the clock starts, all through the public API as real
/// users would do it: buyer companies with credit lines (platform finance), and enough stock
/// (each supplier's warehouse user) that the mixed run measures the saga, not stock-outs.
enum OrderBenchSetup {
    struct Demo: Decodable {
        struct Person: Decodable { let username: String; let company: String; let roles: [String] }
        let password: String
        let users: [Person]
        /// The demo distributor's shop (its company id).
        let shop: String?
    }
    struct Money: Codable { let amount: Int64; let currency: String }
    struct CreditLine: Encodable { let limit: Money; let termDays: Int }
    struct Receipt: Encodable { let warehouse: String; let quantity: Int64; let reference: String }
    struct Stock: Decodable { let onHand: [String: Int64]; let available: Int64 }

    /// Credit lines big enough never to refuse a benchmark order.
    static func grantCredit(to companies: [String], gateway: SocketAddress, demo: Demo) async throws {
        let client = DemoClient(gateway: gateway)
        let finance = try await client.login("platform.finance", password: demo.password, waitingUpTo: .seconds(30))
        try await forEach(companies, concurrency: 8) { company in
            try await client.put("/v1/companies/\(company)/credit-line", token: finance,
                                 body: CreditLine(limit: Money(amount: 100_000_000_000_00, currency: "CNY"), termDays: 30))
        }
    }

    struct SettlementRules: Codable {
        struct Rule: Codable {
            var supplier: String?
            var distributor: String?
            var category: [String]?
            var platformCommissionBasisPoints: Int
            var distributorMarginBasisPoints: Int?
            var rebateBasisPoints: Int?
        }
        var rules: [Rule]
    }

    /// A 10% margin for the shop's distributor (the platform's commission 5%), unless platform
    /// finance has a rule for it already (other rules are kept): the shop's lines then settle with
    /// a distributor share, which `verify`'s ledger checks include.
    static func marginForShop(_ shop: String, gateway: SocketAddress, demo: Demo) async throws {
        let client = DemoClient(gateway: gateway)
        let finance = try await client.login("platform.finance", password: demo.password, waitingUpTo: .seconds(30))
        var current: SettlementRules = try await client.get("/v1/settlement-rules", token: finance)
        guard !current.rules.contains(where: { $0.distributor == shop }) else { return }
        current.rules.append(.init(distributor: shop, platformCommissionBasisPoints: 500, distributorMarginBasisPoints: 1_000))
        try await client.put("/v1/settlement-rules", token: finance, body: current)
    }

    /// The warehouse users of the demo's suppliers, signed in, by supplier company.
    static func warehouseTokens(gateway: SocketAddress, demo: Demo) async throws -> [String: String] {
        let client = DemoClient(gateway: gateway)
        var tokens: [String: String] = [:]
        for person in demo.users where person.roles.contains("warehouse") {
            tokens[person.company] = try await client.login(person.username, password: demo.password, waitingUpTo: .seconds(30))
        }
        return tokens
    }

    /// The warehouse users of the demo's suppliers, kept signed in for a long run, and the index
    /// of each supplier company's user.
    static func warehouseSessions(gateway: SocketAddress, demo: Demo) async throws -> (sessions: BenchSessions, index: [String: Int]) {
        let client = DemoClient(gateway: gateway)
        let people = demo.users.filter { $0.roles.contains("warehouse") }
        var signedIn: [DemoClient.TokenResponse] = []
        let obtained = ContinuousClock.now
        for person in people {
            signedIn.append(try await client.signIn(person.username, password: demo.password, waitingUpTo: .seconds(30)))
        }
        let index = Dictionary(people.enumerated().map { ($0.element.company, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let sessions = BenchSessions(gateway: gateway, password: demo.password, usernames: people.map(\.username),
                                     tokens: signedIn.map(\.accessToken), lifetime: signedIn.map(\.expiresIn).min() ?? 0, obtained: obtained)
        return (sessions, index)
    }

    /// Receives `units` of every SKU into its first warehouse, as its supplier's warehouse user.
    static func stockUp(_ skus: [String], units: Int64, gateway: SocketAddress, demo: Demo, run: String) async throws {
        let client = DemoClient(gateway: gateway)
        let warehouses = try await warehouseTokens(gateway: gateway, demo: demo)
        try await forEach(skus, concurrency: 8) { sku in
            for token in warehouses.values.sorted() {
                guard let stock: Stock = try? await client.get("/v1/inventory/\(sku)", token: token),
                      let warehouse = stock.onHand.keys.sorted().first else { continue }
                try await client.post("/v1/inventory/\(sku)/receipts", token: token,
                                      body: Receipt(warehouse: warehouse, quantity: units, reference: "BENCH-\(run)"))
                return
            }
        }
    }

    /// Runs `body` for every element, at most `concurrency` at a time.
    static func forEach<T: Sendable>(_ items: [T], concurrency: Int,
                                     _ body: @escaping @Sendable (T) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = items[...]
            for _ in 0..<concurrency {
                guard let item = pending.popFirst() else { break }
                group.addTask { try await body(item) }
            }
            while try await group.next() != nil {
                guard let item = pending.popFirst() else { continue }
                group.addTask { try await body(item) }
            }
        }
    }
}
