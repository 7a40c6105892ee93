import Contracts
import Foundation
import HTTP
import Kafka
import Runtime

/// Seeds the demo world into a running platform: identity straight onto `identity.events.v1` (no
/// one can sign in before it exists), everything else through the gateway's public API as each
/// company's own users, and stock as inventory commands. Writes `.tradeflow/demo.json`.
struct DemoSeeder {
    let gateway: SocketAddress
    let kafka: KafkaSettings
    let output: URL
    let tenant = "tradeflow"

    struct Summary: Codable {
        struct SKUExample: Codable { let sku: String; let name: String; let supplier: String; let basePrice: Money }
        let note: String
        let gateway: String
        let password: String
        let users: [DemoCompanies.Person]
        let companies: [String: String]
        let shop: String
        let skus: [SKUExample]
        let productCount: Int
        let skuCount: Int
    }

    func run() async throws -> Summary {
        let now = Date()
        let (companies, people) = try DemoCompanies.build(now: now)
        let producer = try KafkaProducer(settings: kafka, logger: Logger(label: "demo", level: .warning))
        defer { Task { await producer.close() } }
        for company in companies {
            let envelope = Envelope(id: MessageID.derived(from: "demo", company.id.rawValue, String(company.revision)), occurredAt: now,
                                    causationId: nil, correlationId: try CorrelationID("demo-seed"), tenant: tenant,
                                    key: company.id.rawValue, payload: IdentityEvent.companyChanged(company))
            try await producer.send(topic: Topics.identityEvents.name, key: envelope.key, value: WireFormat.encode(envelope))
        }
        func company(_ admin: String) -> CompanyID { people.first { $0.username == admin }!.company }
        let suppliers = [company("tea.admin"), company("sunrise.admin")]
        let client = DemoClient(gateway: gateway)
        let teaToken = try await client.login("tea.catalog", password: DemoCompanies.password, waitingUpTo: .seconds(60))
        let sunriseToken = try await client.login("sunrise.catalog", password: DemoCompanies.password, waitingUpTo: .seconds(10))
        let tokens = [teaToken, sunriseToken]

        let products = DemoCatalog.products()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for supplierIndex in 0..<2 {
                group.addTask {
                    for product in products where product.supplier == supplierIndex {
                        try await client.post("/v1/products", token: tokens[supplierIndex], body: DemoRequests.Product(
                            id: product.id, name: product.name, description: "\(product.name) — demo catalog",
                            categoryPath: product.category, skus: product.skus))
                        try await client.post("/v1/products/\(product.id)/status", token: tokens[supplierIndex],
                                              body: DemoRequests.Status(status: "listed"))
                    }
                    let mine = products.filter { $0.supplier == supplierIndex }
                    try await client.post("/v1/price-lists", token: tokens[supplierIndex], body: DemoRequests.PriceList(
                        id: "PL-\(suppliers[supplierIndex].rawValue)", name: "2026 dealer prices", currency: "CNY",
                        rules: DemoCatalog.priceRules(for: mine, beijing: company("beijing.admin"), now: now)))
                }
            }
            try await group.waitForAll()
        }

        for (index, product) in products.enumerated() {
            for sku in product.skus {
                let warehouse = product.supplier == 0 ? "WH-HZ-01" : "WH-GZ-01"
                let command = InventoryCommand.receiveStock(ReceiveStock(sku: sku.sku, warehouse: try WarehouseID(warehouse),
                                                                         quantity: Int64(500 + (index * 137) % 4_500), reference: "DEMO-OPENING"))
                let envelope = Envelope(id: MessageID.derived(from: "demo-stock", sku.sku.rawValue), occurredAt: now, causationId: nil,
                                        correlationId: try CorrelationID("demo-seed"), tenant: tenant, key: sku.sku.rawValue, payload: command)
                try await producer.send(topic: Topics.inventoryCommands.name, key: envelope.key, value: WireFormat.encode(envelope))
            }
        }

        // Credit terms (账期) for the demo buyers, granted by the platform's finance team.
        let finance = PaymentActor(company: try CompanyID("tradeflow-platform"), roles: ["finance", "operator"])
        for (admin, limit) in [("metro.admin", 50_000_000), ("chengdu.admin", 20_000_000), ("beijing.admin", 10_000_000)] as [(String, Int64)] {
            let payer = company(admin)
            let command = PaymentCommand.setCreditLine(SetCreditLine(payer: payer, limit: Money(minorUnits: limit, currency: .cny),
                                                                     termDays: 30, by: finance))
            let envelope = Envelope(id: MessageID.derived(from: "demo-credit", payer.rawValue), occurredAt: now, causationId: nil,
                                    correlationId: try CorrelationID("demo-seed"), tenant: tenant, key: payer.rawValue, payload: command)
            try await producer.send(topic: Topics.paymentCommands.name, key: envelope.key, value: WireFormat.encode(envelope))
        }

        // One-click listing: Youxuan Mall puts East China Tea's whole tea category in its shop at +15%.
        let shop = company("youxuan.admin")
        let distributorToken = try await client.login("youxuan.catalog", password: DemoCompanies.password, waitingUpTo: .seconds(10))
        try await client.post("/v1/shops/\(shop.rawValue)/listings", token: distributorToken, body: DemoRequests.Listing(
            supplier: suppliers[0].rawValue, category: ["Beverages", "Tea"], pricing: .init(kind: "markup", basisPoints: 1_500),
            shopName: "优选商城 Youxuan Mall"))

        // Split settlement (分账): the platform keeps 5% of every line, and the shop 10% of what it sells.
        let platformFinance = try await client.login("platform.finance", password: DemoCompanies.password, waitingUpTo: .seconds(10))
        try await client.put("/v1/settlement-rules", token: platformFinance, body: DemoRequests.SettlementRules(rules: [
            .init(distributor: nil, platformCommissionBasisPoints: 500, distributorMarginBasisPoints: nil),
            .init(distributor: shop.rawValue, platformCommissionBasisPoints: 500, distributorMarginBasisPoints: 1_000),
        ]))

        let allSKUs = products.flatMap { product in product.skus.map { (product, $0) } }
        let summary = Summary(
            note: "Demo users of tradeflow dev. Sign in: curl -s -X POST http://\(gateway)/v1/auth/token -H 'Content-Type: application/json' -d '{\"username\":\"metro.buyer\",\"password\":\"\(DemoCompanies.password)\"}'",
            gateway: "http://\(gateway)", password: DemoCompanies.password, users: people,
            companies: Dictionary(uniqueKeysWithValues: companies.map { ($0.name, $0.id.rawValue) }),
            shop: shop.rawValue,
            skus: stride(from: 0, to: allSKUs.count, by: 17).map { index in
                let (product, sku) = allSKUs[index]
                return .init(sku: sku.sku.rawValue, name: product.name, supplier: suppliers[product.supplier].rawValue, basePrice: sku.basePrice)
            },
            productCount: products.count, skuCount: allSKUs.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(summary).write(to: output, options: .atomic)
        return summary
    }
}

/// Request bodies the seeder sends (the public API's shapes).
enum DemoRequests {
    struct Product: Encodable { let id: String; let name: String; let description: String; let categoryPath: [String]; let skus: [ProductSKU] }
    struct Status: Encodable { let status: String }
    struct PriceList: Encodable { let id: String; let name: String; let currency: String; let rules: [PriceRule] }
    struct SettlementRules: Encodable {
        struct Rule: Encodable { let distributor: String?; let platformCommissionBasisPoints: Int64; let distributorMarginBasisPoints: Int64? }
        let rules: [Rule]
    }
    struct Listing: Encodable {
        struct Pricing: Encodable { let kind: String; let basisPoints: Int64 }
        let supplier: String
        let category: [String]
        let pricing: Pricing
        let shopName: String
    }
}

/// A minimal JSON client for the gateway.
struct DemoClient {
    let gateway: SocketAddress

    struct TokenResponse: Decodable {
        let accessToken: String
        /// Seconds the token is valid for.
        let expiresIn: Int
    }

    func login(_ username: String, password: String, waitingUpTo timeout: Duration) async throws -> String {
        try await signIn(username, password: password, waitingUpTo: timeout).accessToken
    }

    func signIn(_ username: String, password: String, waitingUpTo timeout: Duration) async throws -> TokenResponse {
        let deadline = ContinuousClock.now + timeout
        var last = "no answer"
        while ContinuousClock.now < deadline {
            let body = try JSONEncoder().encode(["username": username, "password": password])
            // Each sign-in is a password hash: with many at once the gateway answers late, and a
            // request given up and sent again would only add another hash. Wait up to the deadline.
            do {
                let response = try await HTTPClient.send(method: "POST", host: gateway.host, port: gateway.port, path: "/v1/auth/token",
                                                         headers: [("Content-Type", "application/json")], body: Array(body),
                                                         timeout: max(deadline - ContinuousClock.now, .seconds(1)))
                if response.status == 200 { return try JSONDecoder().decode(TokenResponse.self, from: Data(response.body)) }
                last = "\(response.status) \(response.text)"
            } catch {
                last = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw DemoError(message: "demo: cannot sign in as \(username): \(last)")
    }

    func post<Body: Encodable>(_ path: String, token: String?, body: Body) async throws {
        _ = try await exchange("POST", path, token: token, body: WireFormat.encodeValue(body))
    }

    func put<Body: Encodable>(_ path: String, token: String?, body: Body) async throws {
        _ = try await exchange("PUT", path, token: token, body: WireFormat.encodeValue(body))
    }

    func postDecoding<Body: Encodable, Answer: Decodable>(_ path: String, token: String?, body: Body) async throws -> Answer {
        let response = try await exchange("POST", path, token: token, body: WireFormat.encodeValue(body))
        return try WireFormat.decodeValue(Answer.self, from: response.body)
    }

    func get<Answer: Decodable>(_ path: String, token: String?) async throws -> Answer {
        let response = try await exchange("GET", path, token: token, body: [])
        return try WireFormat.decodeValue(Answer.self, from: response.body)
    }

    private func exchange(_ method: String, _ path: String, token: String?, body: [UInt8]) async throws -> HTTPClient.Response {
        var headers = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let response = try await HTTPClient.send(method: method, host: gateway.host, port: gateway.port, path: path,
                                                 headers: headers, body: body, timeout: .seconds(15))
        guard (200..<300).contains(response.status) else {
            throw DemoError(message: "\(method) \(path) answered \(response.status): \(response.text)")
        }
        return response
    }
}
