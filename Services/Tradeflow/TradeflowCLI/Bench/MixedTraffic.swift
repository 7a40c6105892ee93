import Foundation
import HTTP
import ReliabilityKit
import Runtime

/// A promotion day's traffic, shared by the mixed and the capacity scenarios: buyer companies with
/// credit lines and stocked SKUs, prepared once through the public API; then, per request index
/// of an open-loop load, either a read (a catalog search or a price quote) or a multi-line order.
struct MixedTraffic {
    let demo: OrderBenchSetup.Demo
    let setup: BrowseSetup.Prepared
    let buyers: BenchSessions
    /// Distinct SKUs per order (`--lines`, at most what the catalog lists); nil: 1 to 8 at random.
    let linesPerOrder: Int?
    let readsPerOrder: Int
    /// The demo shop's distributor id and the SKUs it sells, and the percentage of those SKUs'
    /// lines bought through it; nil: every line straight from its supplier.
    let shop: Shop?
    private let host: String

    struct Shop {
        let id: String
        let skus: Set<String>
        let percent: Int
    }

    /// Requests per order: the order and its reads.
    var perCycle: Int { 1 + readsPerOrder }

    /// "1-8 lines", "1 line", "5 lines": the order shape, as the reports print it.
    var shape: String { linesPerOrder.map { $0 == 1 ? "1 line" : "\($0) lines" } ?? "1-8 lines" }

    static func prepare(platform: BenchPlatform, buyers: Int, linesPerOrder: Int?, readsPerOrder: Int, shopPercent: Int = 0,
                        console: Console) async throws -> MixedTraffic {
        let demo = try JSONDecoder().decode(OrderBenchSetup.Demo.self, from: Data(contentsOf: platform.demo))
        let gateway = platform.gateway
        console.say("preparing: \(buyers) buyer companies with credit lines, stock for every SKU")
        let setup = try await BrowseSetup.prepare(gateway: gateway, demo: platform.demo, buyers: buyers)
        try await OrderBenchSetup.grantCredit(to: setup.companies, gateway: gateway, demo: demo)
        let stocked = Array(Set(setup.skus.map(\.sku)))
        try await OrderBenchSetup.stockUp(stocked, units: 100_000_000, gateway: gateway, demo: demo,
                                          run: String(UInt32(Date().timeIntervalSince1970) % 1_000_000))
        let sessions = BenchSessions(gateway: gateway, password: demo.password, usernames: setup.usernames, tokens: setup.tokens,
                                     lifetime: setup.tokenLifetime, obtained: setup.obtained)
        let shop = shopPercent > 0 ? try await Self.shop(demo: demo, gateway: gateway, token: setup.tokens[0], percent: shopPercent) : nil
        if let shop {
            try await OrderBenchSetup.marginForShop(shop.id, gateway: gateway, demo: demo)
            console.say("  \(shopPercent)% of the lines of the \(shop.skus.count) SKUs shop \(shop.id) sells bought through it (its margin 10%)")
        }
        // `--lines` asks for distinct SKUs, so no more than the catalog lists.
        return MixedTraffic(demo: demo, setup: setup, buyers: sessions, linesPerOrder: linesPerOrder.map { min($0, stocked.count) },
                            readsPerOrder: readsPerOrder, shop: shop, host: gateway.host)
    }

    /// The demo shop and the SKUs it can sell now (a price, possibly raised to the supplier's floor).
    private static func shop(demo: OrderBenchSetup.Demo, gateway: SocketAddress, token: String, percent: Int) async throws -> Shop {
        struct Listings: Decodable {
            struct Listing: Decodable { let sku: String; let unitPrice: OrderBenchSetup.Money? }
            let listings: [Listing]
        }
        guard let id = demo.shop else { throw DemoError(message: "the demo world has no shop (demo.json \"shop\")") }
        let listed: Listings = try await DemoClient(gateway: gateway).get("/v1/shops/\(id)/listings", token: token)
        return Shop(id: id, skus: Set(listed.listings.filter { $0.unitPrice != nil }.map(\.sku)), percent: percent)
    }

    /// The request of each index of a load: every `perCycle`-th an order under the Idempotency-Key
    /// `bench-<run>-<index>` (so `run` must differ between loads of one platform), the others reads.
    /// Accepted orders and refusals are recorded in `accepted`. With `retries`, an order the
    /// platform could not answer (429, 503, 504, a broken connection) is handed to it to be placed
    /// again under its key, as a dealer's system would; without, it counts as failed at once.
    func plan(run: String, accepted: AcceptedOrders, retries: PlacementRetries? = nil) -> @Sendable (Int) -> OpenLoopLoad.Planned {
        let (perCycle, buyers, skus, linesPerOrder, host, shop) = (perCycle, buyers, setup.skus, linesPerOrder, host, shop)
        return { index in
            var random = SeededRandom(seed: UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            let buyer = Int(random.next() % UInt64(buyers.count))
            let token = buyers.token(buyer)
            guard index % perCycle == 0 else {
                let item = skus[Int(random.next() % UInt64(skus.count))]
                let path = index % 3 == 1 ? "/v1/products/\(item.sku)/price?quantity=\(item.moq * 10)"
                    : "/v1/products?q=tea&page=1&pageSize=20"
                return .init(kind: index % 3 == 1 ? "quote" : "search",
                             bytes: OrderRequests.request("GET", path, host: host, token: token)) { _, _ in nil }
            }
            // Typical B2B orders: 1 to 8 lines, a few cartons of each; or `--lines` distinct SKUs.
            var chosen: [String: Int64] = [:]
            if let linesPerOrder {
                while chosen.count < linesPerOrder {
                    let item = skus[Int(random.next() % UInt64(skus.count))]
                    if chosen[item.sku] == nil { chosen[item.sku] = item.moq * Int64(1 + random.next() % 5) }
                }
            } else {
                for _ in 0..<1 + Int(random.next() % 8) {
                    let item = skus[Int(random.next() % UInt64(skus.count))]
                    chosen[item.sku] = item.moq * Int64(1 + random.next() % 5)
                }
            }
            let lines = chosen.sorted { $0.key < $1.key }.map { sku, quantity in
                let throughShop = shop.flatMap { $0.skus.contains(sku) && Int(random.next() % 100) < $0.percent ? $0.id : nil }
                return (sku: sku, quantity: quantity, shop: throughShop)
            }
            let bytes = OrderRequests.place(host: host, token: token, lines: lines, idempotencyKey: "bench-\(run)-\(index)")
            return Self.order(bytes: bytes, buyer: buyer, lines: chosen.count, accepted: accepted, retries: retries)
        }
    }

    /// An order request and what its answer does: a `202` is recorded as accepted; an answer the
    /// platform could not give yet (or a broken connection) goes to `retries` if there are any;
    /// anything else is a refusal.
    private static func order(bytes: [UInt8], buyer: Int, lines: Int, accepted: AcceptedOrders,
                              retries: PlacementRetries?) -> OpenLoopLoad.Planned {
        @Sendable func retry(_ cause: String, retryAfter: Int?, due: ContinuousClock.Instant) {
            retries?.retry(.init(request: bytes, due: due, buyer: buyer, lines: lines, cause: cause, retryAfterSeconds: retryAfter))
        }
        var onFailure: (@Sendable (String, ContinuousClock.Instant) -> Void)?
        if retries != nil { onFailure = { @Sendable error, due in retry(error, retryAfter: nil, due: due) } }
        return OpenLoopLoad.Planned(kind: "order", bytes: bytes, onFailure: onFailure) { response, due in
            if response.status == 202, let order = OrderRequests.orderId(in: response.body) {
                accepted.accept(order, due: due, buyer: buyer, lines: lines)
            } else if retries != nil, ClientRetryPolicy.isRetryable(status: response.status) {
                retry(String(response.status), retryAfter: response.retryAfterSeconds, due: due)
            } else {
                accepted.refuse("\(response.status) \(OrderRequests.errorCode(in: response.body) ?? "")")
            }
            return nil
        }
    }
}
