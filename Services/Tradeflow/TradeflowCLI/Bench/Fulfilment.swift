import Contracts
import Foundation
import HTTP
import Runtime

/// After the orders: suppliers ship confirmed orders and buyers confirm delivery, which completes
/// them and captures and splits the money (payment and settlement under load).
enum Fulfilment {
    struct Figures: Codable, Sendable {
        let orders: Int
        let shipments: Int
        let completed: Int
        let seconds: Double
        let errors: [String: Int]

        /// Every order it shipped was completed, and nothing was refused.
        var passed: Bool { errors.isEmpty && completed >= orders }
    }

    struct Summary: Decodable {
        struct SubOrder: Decodable { let subOrder: String; let supplier: String }
        let status: String
        let subOrders: [SubOrder]
    }

    static func run(accepted: AcceptedOrders, watcher: SagaWatcher, tokens: [String], companies: [String],
                    demo: OrderBenchSetup.Demo, gateway: SocketAddress, limit: Int, console: Console) async throws -> Figures {
        // Only orders the bench knows the buyer of: under `--chaos` a few orders are placed and
        // confirmed although their request got no answer (a 504, a dropped connection).
        let entries = accepted.orders
        let confirmed = watcher.snapshot.decisions.filter { $0.value.outcome == .confirmed && entries[$0.key] != nil }.map(\.key)
        let chosen = Array(confirmed.sorted().prefix(limit))
        guard !chosen.isEmpty else { return Figures(orders: 0, shipments: 0, completed: 0, seconds: 0, errors: [:]) }
        console.say("fulfilment: shipping and delivering \(chosen.count) confirmed orders (capture and split settlement)")
        let client = DemoClient(gateway: gateway)
        let warehouseTokens = try await OrderBenchSetup.warehouseTokens(gateway: gateway, demo: demo)
        let outcome = Locked<(shipments: Int, completed: Int, errors: [String: Int])>((0, 0, [:]))
        let start = ContinuousClock.now
        try await OrderBenchSetup.forEach(chosen, concurrency: 16) { order in
            guard let entry = entries[order] else { return }
            let buyerToken = tokens[entry.buyer], buyerCompany = companies[entry.buyer]
            do {
                let summary: Summary = try await client.get("/v1/orders/\(order)", token: buyerToken)
                for sub in summary.subOrders {
                    guard let warehouse = warehouseTokens[sub.supplier] else { continue }
                    try await client.post("/v1/orders/\(order)/sub-orders/\(sub.subOrder)/ship?buyer=\(buyerCompany)", token: warehouse,
                                          body: ["carrier": "SF Express", "trackingNumber": "SF-BENCH-\(sub.subOrder)"])
                    try await client.post("/v1/orders/\(order)/sub-orders/\(sub.subOrder)/confirm-delivery", token: buyerToken,
                                          body: [String: String]())
                    outcome.withLock { $0.shipments += 1 }
                }
                let after: Summary = try await client.get("/v1/orders/\(order)", token: buyerToken)
                if after.status == "completed" { outcome.withLock { $0.completed += 1 } }
            } catch {
                outcome.withLock { $0.errors["\(error)".prefix(80).description, default: 0] += 1 }
            }
        }
        let figures = outcome.withLock { $0 }
        return Figures(orders: chosen.count, shipments: figures.shipments, completed: figures.completed,
                       seconds: (ContinuousClock.now - start).seconds, errors: figures.errors)
    }
}
