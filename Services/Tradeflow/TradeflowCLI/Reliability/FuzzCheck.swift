import Foundation
import ReliabilityKit
import Runtime

/// (b) Fuzz: hostile requests against the gateway must get 4xx (or documented) answers, leave the
/// gateway running, and change nothing: the fuzzing buyer's orders and the fuzzed SKUs' stock.
struct FuzzCheck {
    let platform: ReliabilityPlatform
    let count: Int
    let seed: UInt64
    let buyer = "chengdu.buyer"
    let workers = 4

    func run(console: Console) async -> [CheckResult] {
        do {
            let token = try await platform.login(buyer)
            let skus = ["P0003-1", "P0061-1", "P0004-1", "P0019-1"]
            let ordersBefore = try await orders(token)
            let stockBefore = try await stock(skus, token)
            let gatewayBefore = platform.status?.services["gateway"]
            let corpus = FuzzCorpus(target: FuzzTarget(host: "\(platform.gateway)", token: token, skus: skus), seed: seed)
            let cases = corpus.cases(count: count)
            console.say("  fuzz: \(cases.count) requests (seed \(seed)) on \(workers) connections at a time")
            let failures = await send(cases)
            try await Task.sleep(for: .seconds(1))  // anything accepted by mistake would be on its way by now
            let ordersAfter = try await orders(token)
            let stockAfter = try await stock(skus, token)
            let gatewayAfter = platform.status?.services["gateway"]
            let ready = await platform.isReady()
            let samePid = gatewayBefore?.pid == gatewayAfter?.pid && gatewayBefore?.restarts == gatewayAfter?.restarts
            let byKind = Dictionary(grouping: failures, by: \.kind).map { "\($0.key) x\($0.value.count) (\($0.value[0].status))" }.sorted()
            return [
                CheckResult("fuzz: only 4xx or documented answers", passed: failures.isEmpty,
                            failures.isEmpty ? "\(cases.count) requests over \(FuzzCorpus.kinds.count) kinds"
                                : "\(failures.count) bad answers: \(byKind.prefix(6).joined(separator: ", "))"),
                CheckResult("fuzz: gateway alive and ready", passed: ready && samePid,
                            "ready \(ready), pid \(gatewayBefore?.pid.map(String.init) ?? "?") -> \(gatewayAfter?.pid.map(String.init) ?? "?"), restarts \(gatewayAfter?.restarts ?? -1)"),
                CheckResult("fuzz: nothing changed", passed: ordersBefore == ordersAfter && stockBefore == stockAfter,
                            "\(buyer) orders \(ordersBefore.count) -> \(ordersAfter.count); stock \(stockBefore.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) -> \(stockAfter == stockBefore ? "same" : "\(stockAfter)")"),
            ]
        } catch {
            return [CheckResult("fuzz", passed: false, "\(error)")]
        }
    }

    struct Failure: Sendable { let kind: String; let status: String }

    /// Sends every case on `workers` threads (blocking sockets, off the cooperative pool).
    private func send(_ cases: [FuzzCase]) async -> [Failure] {
        let failures = Locked<[Failure]>([])
        let host = platform.gateway.host
        let port = platform.gateway.port
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                let mine = stride(from: worker, to: cases.count, by: workers).map { cases[$0] }
                group.addTask {
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        Thread {
                            for fuzz in mine {
                                let answer = RawHTTP.exchange(fuzz.bytes, host: host, port: port, timeout: .seconds(15))
                                if !fuzz.accepts(status: answer.status, hasRetryAfter: answer.retryAfter) {
                                    failures.withLock { $0.append(Failure(kind: fuzz.kind, status: answer.status.map(String.init) ?? "no answer")) }
                                }
                            }
                            done.resume()
                        }.start()
                    }
                }
            }
        }
        return failures.value
    }

    /// The buyer's orders with their status, as one comparable list.
    private func orders(_ token: String) async throws -> [String] {
        let answer = try await platform.call("GET", "/v1/orders?limit=100", token: token)
        guard answer.status == 200 else { throw DemoError(message: "listing \(buyer)'s orders: \(answer.status) \(answer.object)") }
        return ((answer.object["orders"] as? [[String: Any]]) ?? []).map { "\($0["order"] ?? "?"):\($0["status"] ?? "?")" }
    }

    private func stock(_ skus: [String], _ token: String) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for sku in skus { result[sku] = try await platform.call("GET", "/v1/products/\(sku)", token: token).object["available"] as? Int ?? -1 }
        return result
    }
}
