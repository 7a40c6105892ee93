import Foundation
import HTTP
import Runtime

/// What each service process costs during a run, read the way an operator would: CPU time and
/// peak RSS from /proc, consumer lag and heap in use from each service's /metrics. Sampled once a
/// second.
final class ProcessSampler: Sendable {
    struct Figures: Codable, Sendable {
        let cpuPercent: Double
        /// CPU seconds (user + system) the process used while the run was measured: divided by the
        /// orders it is what an order costs the process, comparable across machines and loads.
        let cpuSeconds: Double
        let peakRSSMiB: Double
        let maxConsumerLag: Int64
        /// `tradeflow_heap_in_use_bytes` at the last sample, in MiB (what RSS would be without
        /// fragmentation and free pages).
        let heapInUseMiB: Double
        let restarts: Int
    }

    private let platform: BenchPlatform
    private let state = Locked<(start: [String: (pid: Int32, cpu: Double)], lag: [String: Int64], heap: [String: Double],
                                began: ContinuousClock.Instant)>(([:], [:], [:], .now))
    private let stop = Latch()

    init(platform: BenchPlatform) { self.platform = platform }

    /// Records the starting CPU times and samples lag until `finish()`.
    func start() -> Task<Void, Never> {
        let starting = platform.services.compactMapValues { entry in entry.pid.map { ($0, Self.cpuSeconds($0) ?? 0) } }
        state.withLock { $0 = (starting, [:], [:], .now) }
        return Task {
            while !stop.isOpen {
                for (name, entry) in platform.services {
                    guard let metrics = await Self.metrics(admin: entry.admin) else { continue }
                    state.withLock { state in
                        if let lag = metrics.lag { state.lag[name] = max(state.lag[name] ?? 0, lag) }
                        if let heap = metrics.heapInUseBytes { state.heap[name] = heap / 1_048_576 }
                    }
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    func finish() -> [String: Figures] {
        stop.open()
        let (starting, lags, heaps, began) = state.withLock { $0 }
        let seconds = max((ContinuousClock.now - began).seconds, 0.001)
        var figures: [String: Figures] = [:]
        for (name, entry) in platform.services {
            guard let pid = entry.pid else { continue }
            // A restarted process started from zero: count only what the current one used.
            let startCPU = starting[name].flatMap { $0.pid == pid ? $0.cpu : 0 } ?? 0
            let cpu = (Self.cpuSeconds(pid) ?? startCPU) - startCPU
            figures[name] = Figures(cpuPercent: cpu / seconds * 100, cpuSeconds: cpu, peakRSSMiB: Self.peakRSSMiB(pid) ?? 0,
                                    maxConsumerLag: lags[name] ?? 0, heapInUseMiB: heaps[name] ?? 0, restarts: entry.restarts)
        }
        return figures
    }

    /// User + system CPU seconds of `pid` (/proc/<pid>/stat fields 14 and 15).
    static func cpuSeconds(_ pid: Int32) -> Double? { cpuSeconds(statFile: "/proc/\(pid)/stat") }

    /// User + system CPU seconds from a process's or a thread's (`/proc/<pid>/task/<tid>/stat`) stat file.
    static func cpuSeconds(statFile: String) -> Double? {
        guard let stat = try? String(contentsOfFile: statFile, encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The process's peak resident set (VmHWM) in MiB.
    static func peakRSSMiB(_ pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kib / 1024
    }

    /// The largest `tradeflow_consumer_lag_messages` and the `tradeflow_heap_in_use_bytes` a
    /// service reports.
    static func metrics(admin: String) async -> (lag: Int64?, heapInUseBytes: Double?)? {
        guard let address = SocketAddress(parsing: admin.replacingOccurrences(of: "http://", with: "")),
              let response = try? await HTTPClient.send(host: address.host, port: address.port, path: "/metrics", timeout: .seconds(2)),
              response.status == 200 else { return nil }
        let lines = response.text.split(separator: "\n")
        func values(_ name: String) -> [Double] {
            lines.filter { $0.hasPrefix(name) }.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        }
        return (values("tradeflow_consumer_lag_messages").max().map { Int64($0) }, values("tradeflow_heap_in_use_bytes").first)
    }
}

extension ProcessSampler.Figures {
    /// The reports' table of every process's cost, CPU per order over `orders` accepted ones, then
    /// the mock broker's, the bench's and the machine's.
    static func table(_ processes: [String: Self], machine: MachineSampler.Figures, orders: Int) -> [String] {
        let millisecondsPerOrder = { (cpuSeconds: Double) in cpuSeconds * 1_000 / Double(max(orders, 1)) }
        var lines = ["  processes      cpu %   cpu ms/order   peak RSS MiB   heap MiB   max lag   restarts"]
        for (name, figures) in processes.sorted(by: { $0.key < $1.key }) {
            lines.append("    " + name.padding(toLength: 13, withPad: " ", startingAt: 0)
                         + String(format: "%6.0f %14.2f %14.1f %10.1f %9d %10d", figures.cpuPercent,
                                  millisecondsPerOrder(figures.cpuSeconds), figures.peakRSSMiB,
                                  figures.heapInUseMiB, figures.maxConsumerLag, figures.restarts))
        }
        let servicesCPU = processes.values.reduce(0) { $0 + $1.cpuSeconds }
        lines.append("    " + "all".padding(toLength: 13, withPad: " ", startingAt: 0)
                     + String(format: "%21.2f   (the services' CPU per accepted order, over the load and the drain)",
                              millisecondsPerOrder(servicesCPU)))
        return lines + machine.lines(orders: orders)
    }
}
