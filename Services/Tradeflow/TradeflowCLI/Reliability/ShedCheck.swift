import Foundation
import HTTP
import ReliabilityKit
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// (c) Shedding: with the order service paused (SIGSTOP), requests that need its answer pile up
/// in the gateway; beyond its limit they must get 503 + Retry-After while its memory stays
/// bounded, and after SIGCONT the platform must recover.
struct ShedCheck {
    let platform: ReliabilityPlatform
    /// Refuse to open more connections than this (the limit comes from the gateway's /metrics).
    let maxRequests: Int
    let rssAllowance: Int64 = 256 << 20

    func run(console: Console) async -> [CheckResult] {
        guard let limit = await platform.gatewayMetric("tradeflow_gateway_pending_replies_limit").map(Int.init) else {
            return [CheckResult("shedding", passed: false, "the gateway's /metrics has no tradeflow_gateway_pending_replies_limit")]
        }
        let total = limit + max(16, limit / 4)
        guard total <= maxRequests else {
            return [CheckResult("shedding", passed: false,
                                "the gateway's limit \(limit) needs \(total) connections, above --shed-max \(maxRequests); start the platform with a smaller TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES")]
        }
        guard let pid = platform.status?.services["order"]?.pid else {
            return [CheckResult("shedding", passed: false, "no pid for the order service in dev.json")]
        }
        do {
            let tokens = try await [platform.login("metro.buyer"), platform.login("chengdu.buyer"), platform.login("beijing.buyer")]
            _ = FileDescriptorLimit.raiseSoftLimitToHard()
            let rssBefore = await platform.gatewayMetric("tradeflow_process_resident_memory_bytes") ?? 0
            console.say("  shedding: order service (pid \(pid)) paused; \(total) requests needing its answer, limit \(limit)")
            kill(pid, SIGSTOP)
            let peak = Locked(rssBefore)
            let sampler = Task {
                while !Task.isCancelled {
                    if let rss = await platform.gatewayMetric("tradeflow_process_resident_memory_bytes") { peak.withLock { $0 = max($0, rss) } }
                    try? await Task.sleep(for: .milliseconds(300))
                }
            }
            let answers = await fire(total, tokens: tokens)
            sampler.cancel()
            kill(pid, SIGCONT)
            let observation = ShedObservation(statuses: answers.map(\.status), shedWithRetryAfter: answers.filter { $0.status == 503 && $0.retryAfter }.count,
                                              limit: limit, rssBeforeBytes: rssBefore, rssPeakBytes: peak.value)
            return [observation.verdict(rssAllowanceBytes: rssAllowance), await recovery(tokens[0])]
        } catch {
            kill(pid, SIGCONT)
            return [CheckResult("shedding", passed: false, "\(error)")]
        }
    }

    /// Opens `count` connections, each sending one query the order service answers, then reads
    /// every answer. All are in flight at once; admitted ones wait for the timeout (504).
    private func fire(_ count: Int, tokens: [String]) async -> [RawHTTP.Answer] {
        let host = platform.gateway.host
        let port = platform.gateway.port
        let target = "\(platform.gateway)"
        return await withCheckedContinuation { (done: CheckedContinuation<[RawHTTP.Answer], Never>) in
            Thread {
                var sockets: [Int32?] = []
                for index in 0..<count {
                    let fd = RawHTTP.connect(host: host, port: port, timeout: .seconds(60))
                    if let fd {
                        RawHTTP.write(fd, Array("GET /v1/orders?limit=1 HTTP/1.1\r\nHost: \(target)\r\nAuthorization: Bearer \(tokens[index % tokens.count])\r\n\r\n".utf8))
                    }
                    sockets.append(fd)
                }
                let answers = sockets.map { fd -> RawHTTP.Answer in
                    guard let fd else { return RawHTTP.Answer(status: nil, retryAfter: false) }
                    defer { close(fd) }
                    return RawHTTP.readHead(fd)
                }
                done.resume(returning: answers)
            }.start()
        }
    }

    /// After SIGCONT: the gateway is ready and a new order is confirmed within 30 s.
    private func recovery(_ token: String) async -> CheckResult {
        let deadline = ContinuousClock.now + .seconds(30)
        while !(await platform.isReady()) && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(200)) }
        do {
            let status = try await platform.placeAndAwaitConfirmation(token: token, sku: "P0061-1", quantity: 20, within: .seconds(30))
            return CheckResult("shedding: recovery after SIGCONT", passed: status == "confirmed", "a new order after the pause: \(status)")
        } catch {
            return CheckResult("shedding: recovery after SIGCONT", passed: false, "\(error)")
        }
    }
}
