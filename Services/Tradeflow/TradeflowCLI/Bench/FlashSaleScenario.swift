import Contracts
import Foundation
import HTTP
import Kafka
import ReliabilityKit
import Runtime

/// `tradeflow bench --scenario flash-sale` (秒杀): one SKU with `stock` units, `multiplier` x stock
/// purchase attempts of one unit from many buyers at a fixed rate, a tenth of them retried by the
/// client with the same Idempotency-Key. Exactly `stock` units must be sold: never more, and never
/// fewer while attempts remain; the rest get a clear "sold out" answer.
struct FlashSaleScenario {
    struct Options {
        var rate: Double
        var stock: Int64
        var multiplier: Int
        var connections: Int
        var companies: Int
        var buyersPerCompany: Int
        /// Kill order, inventory and payment (SIGKILL) one by one while the stock is selling.
        var chaos: Bool
    }

    struct Product: Encodable {
        struct SKU: Encodable {
            let sku: String
            let unit = "box"
            let packSize = 1
            let minimumOrderQuantity = 1
            let basePrice: OrderBenchSetup.Money
        }
        let id: String
        let name: String
        let categoryPath = ["Promotions", "Flash sale"]
        let skus: [SKU]
    }
    struct NewKey: Encodable { let label: String; let roles: [String] }
    struct APIKey: Decodable { let apiKey: String }
    struct Token: Decodable { let accessToken: String }
    struct Listing: Decodable { let available: Int64? }

    let platform: BenchPlatform
    let options: Options
    let console: Console

    func run() async throws -> OrderBenchReport {
        let demo = try JSONDecoder().decode(OrderBenchSetup.Demo.self, from: Data(contentsOf: platform.demo))
        let gateway = platform.gateway
        let client = DemoClient(gateway: gateway)
        let run = String(UInt32(Date().timeIntervalSince1970) % 1_000_000)
        let sku = "FLASH-\(run)-1"
        console.say("preparing: SKU \(sku) with \(options.stock) units; \(options.companies) buyer companies x "
                    + "\(options.buyersPerCompany) buyers (API keys) with credit lines")
        let setup = try await BrowseSetup.prepare(gateway: gateway, demo: platform.demo, buyers: options.companies)
        try await OrderBenchSetup.grantCredit(to: setup.companies, gateway: gateway, demo: demo)
        try await createHotSKU(sku, run: run, setup: setup, demo: demo, client: client)
        let buyers = try await buyerTokens(setup: setup, client: client)

        let hot = try SKU(sku)
        let instruments = try await RunInstruments.start(platform, clientId: "tradeflow-bench-flash", hotSKU: hot)
        let watcher = instruments.watcher
        let kafka = instruments.kafka

        let accepted = AcceptedOrders()
        let soldOut = Locked(LatencyRecorder())
        let retriedDifferently = Locked(0)
        let attempts = Int(options.stock) * options.multiplier
        let host = gateway.host
        let load = OpenLoopLoad(host: host, port: gateway.port, rate: options.rate, duration: .seconds(Double(attempts) / options.rate),
                                connections: options.connections) { index in
            let buyer = index % buyers.count
            let bytes = OrderRequests.place(host: host, token: buyers[buyer], lines: [(sku, 1, nil)], idempotencyKey: "flash-\(run)-\(index)")
            return .init(kind: "order", bytes: bytes) { response, due in
                let (status, body) = (response.status, response.body)
                let order = status == 202 ? OrderRequests.orderId(in: body) : nil
                if let order {
                    accepted.accept(order, due: due, buyer: buyer % setup.companies.count, lines: 1)
                } else if status == 409, OrderRequests.errorCode(in: body) == "sold-out" {
                    soldOut.withLock { $0.record(seconds: (ContinuousClock.now - due).seconds, status: status) }
                } else {
                    accepted.refuse("\(status) \(OrderRequests.errorCode(in: body) ?? "")")
                }
                // A tenth of the buyers' clients retry (as after a timeout): same key, same answer.
                guard index % 10 == 0, let order else { return nil }
                @Sendable func retry() -> OpenLoopLoad.Planned {
                    .init(kind: "retry", bytes: bytes) { response, _ in
                        let (status, body) = (response.status, response.body)
                        // No answer yet (the order service restarting): the client asks again,
                        // up to the load's four sends per attempt. Only an answer can be wrong.
                        if ClientRetryPolicy.isRetryable(status: status) { return retry() }
                        if status != 202 || OrderRequests.orderId(in: body) != order { retriedDifferently.withLock { $0 += 1 } }
                        return nil
                    }
                }
                return retry()
            }
        }
        console.say("running: \(attempts) attempts at \(Int(options.rate))/s, open loop, \(options.connections) connections")
        let chaos = options.chaos
            ? Chaos(platform: platform, console: console).startDuringSale(stock: options.stock) { watcher.hotReservedCount }
            : nil
        let result = await load.run()
        let undecided = await accepted.drain(watcher, timeout: .seconds(120))
        await settle(watcher, sku: hot, timeout: .seconds(120))
        // The sale goes on after the last attempt (orders queued in Kafka are still being
        // decided), so the crashes are staged until it is settled, not only while attempts arrive.
        chaos?.cancel()
        if let killed = await chaos?.value {
            let spared = Chaos.sale.filter { !killed.contains($0) }
            console.say("chaos: killed \(killed.isEmpty ? "nothing" : killed.joined(separator: ", ")) with SIGKILL during the sale"
                        + (spared.isEmpty ? "" : "; \(spared.joined(separator: ", ")) not killed"))
        }
        let readings = try await instruments.read()
        let observed = watcher.snapshot
        await instruments.close()

        let ours = accepted.orders
        // Every confirmed order of the hot SKU counts, not only those whose 202 the bench read: an
        // order whose answer was lost (a 504 while the order service restarted, a cut connection)
        // still holds its units, and an oversell among such orders must not go unseen. The SKU is
        // new for this run, so every order of it is one of the attempts.
        let confirmedUnits = Self.confirmedUnits(of: hot, in: observed)
        let sold = confirmedUnits.values.reduce(Int64(0), +)
        let soldUnanswered = confirmedUnits.filter { ours[$0.key] == nil }.values.reduce(Int64(0), +)
        let soldOutFigures = soldOut.withLock { $0 }.summary(over: result.seconds)
        let retries = (result.byKind["retry"]?.statuses.values.reduce(0, +) ?? 0)
        var hotWindow = 0.0
        if let first = observed.firstHotDecision, let last = observed.lastHotDecision { hotWindow = max((last - first).seconds, 0.001) }
        let decided = ours.keys.filter { observed.decisions[$0] != nil }.count + soldOutFigures.count
        let flash = OrderBenchReport.Flash(
            sku: sku, stock: options.stock, attempts: attempts, clientRetries: retries, unitsSold: sold,
            unitsSoldUnanswered: soldUnanswered,
            oversold: max(0, sold - options.stock), soldOutAnswers: soldOutFigures.count, soldOutP99Ms: soldOutFigures.p99Ms,
            inventoryDecisionsPerSecond: hotWindow > 0 ? Double(observed.hotReserved + observed.hotRefused) / hotWindow : 0,
            attemptsDecidedPerSecond: Double(decided) / max(result.seconds, 0.001),
            passed: sold == options.stock && retriedDifferently.withLock { $0 } == 0)
        console.say("verifying: tradeflow verify over the topics")
        let audit = try await VerifyCommand.audit(.init(bootstrap: kafka.bootstrapServers, profile: kafka.profile,
                                                        graceSeconds: 30, jsonPath: nil))
        return OrderBenchReport(scenario: "flash-sale", result: result, offeredRate: options.rate, offeredOrders: attempts, accepted: accepted, watcher: watcher,
                                undecided: undecided, recordsWritten: readings.recordsWritten, processes: readings.processes, machine: readings.machine,
                                baseline: nil, audit: audit, fulfilment: nil, flash: flash)
    }

    /// Units of `sku` in each confirmed order.
    private static func confirmedUnits(of sku: SKU, in observed: SagaWatcher.Observed) -> [OrderID: Int64] {
        observed.decisions.filter { $0.value.outcome == .confirmed }.mapValues { $0.units[sku] ?? 0 }
    }

    /// Waits for the orders whose answer the bench never read (placed while a service restarted,
    /// decided after it came back): until no order of `sku` is pending and either the stock is sold
    /// or no order was decided for 20 s (longer than a service's restart), or until `timeout`.
    /// Without a crash the stock is already sold by now, so this returns at once.
    private func settle(_ watcher: SagaWatcher, sku: SKU, timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        var decided = (count: -1, since: ContinuousClock.now)
        while ContinuousClock.now < deadline {
            let observed = watcher.snapshot
            if observed.decisions.count != decided.count { decided = (observed.decisions.count, .now) }
            let sold = Self.confirmedUnits(of: sku, in: observed).values.reduce(0, +)
            if watcher.undecidedOrders(of: sku) == 0, sold >= options.stock || ContinuousClock.now - decided.since > .seconds(20) { return }
            try? await Task.sleep(for: .milliseconds(250))
        }
    }

    /// A new product with one SKU, listed by the first demo supplier's catalog manager, and exactly
    /// `stock` units received by its warehouse user; returns once the gateway's replica shows them.
    private func createHotSKU(_ sku: String, run: String, setup: BrowseSetup.Prepared, demo: OrderBenchSetup.Demo,
                              client: DemoClient) async throws {
        guard let catalogUser = demo.users.first(where: { $0.roles.contains("catalog-manager") }),
              let warehouseUser = demo.users.first(where: { $0.company == catalogUser.company && $0.roles.contains("warehouse") }) else {
            throw DemoError(message: "the demo world has no supplier with catalog and warehouse users")
        }
        let catalog = try await client.login(catalogUser.username, password: demo.password, waitingUpTo: .seconds(30))
        let warehouseToken = try await client.login(warehouseUser.username, password: demo.password, waitingUpTo: .seconds(30))
        let product = "FLASH-\(run)"
        try await client.post("/v1/products", token: catalog, body: Product(
            id: product, name: "秒杀 Flash sale \(run)",
            skus: [.init(sku: sku, basePrice: OrderBenchSetup.Money(amount: 99_00, currency: "CNY"))]))
        try await client.post("/v1/products/\(product)/status", token: catalog, body: ["status": "listed"])
        var warehouse: String?
        for item in setup.skus {
            if let stock: OrderBenchSetup.Stock = try? await client.get("/v1/inventory/\(item.sku)", token: warehouseToken),
               let first = stock.onHand.keys.sorted().first {
                warehouse = first
                break
            }
        }
        guard let warehouse else { throw DemoError(message: "no warehouse of \(warehouseUser.company) found") }
        try await client.post("/v1/inventory/\(sku)/receipts", token: warehouseToken,
                              body: OrderBenchSetup.Receipt(warehouse: warehouse, quantity: options.stock, reference: "FLASH-\(run)"))
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let listing: Listing? = try? await client.get("/v1/products/\(sku)", token: setup.tokens[0])
            if listing?.available == options.stock { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw DemoError(message: "the gateway never showed \(options.stock) units of \(sku)")
    }

    /// Many buyers: each company's admin creates API keys for its purchasing systems; each key
    /// signs in on its own (fast: keys are checked by SHA-256, not the password hash).
    private func buyerTokens(setup: BrowseSetup.Prepared, client: DemoClient) async throws -> [String] {
        let perCompany = options.buyersPerCompany
        let tokens = Locked<[String]>([])
        try await OrderBenchSetup.forEach(Array(setup.companies.enumerated()), concurrency: 8) { index, company in
            for key in 0..<perCompany {
                let created: APIKey = try await client.postDecoding("/v1/companies/\(company)/api-keys", token: setup.tokens[index],
                                                                    body: NewKey(label: "buyer-\(key)", roles: ["purchaser"]))
                let token: Token = try await client.postDecoding("/v1/auth/token", token: nil, body: ["apiKey": created.apiKey])
                tokens.withLock { $0.append(token.accessToken) }
            }
        }
        return tokens.withLock { $0 }
    }
}
