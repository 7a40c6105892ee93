import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the machine's CPU went besides the services: the mock Kafka cluster's broker thread in
/// the `tradeflow dev` process, this benchmark process (the load generator, its saga watcher and
/// the sampler) and the machine as a whole. Everything shares the same cores, so a run's
/// throughput is bound by the sum: these figures show how much of it the services had and
/// whether the machine was saturated. Read from /proc at the start and the end of the window.
struct MachineSampler: Sendable {
    struct Figures: Codable, Sendable {
        /// CPUs online.
        let cores: Int
        /// Busy time of all CPUs over the window, as a share of all of them (100 = every core busy).
        let busyPercent: Double
        /// Busy CPU seconds of the whole machine over the window: every process and the kernel.
        let cpuSeconds: Double
        /// The mock cluster's broker thread (`rdk:mock`) in the dev process; nil when the dev
        /// process or that thread could not be found (a real cluster, a dev.json of an older build).
        let kafkaMock: Share?
        /// This benchmark process.
        let bench: Share
    }

    /// One process's (or thread's) part of the window.
    struct Share: Codable, Sendable {
        let cpuPercent: Double
        let cpuSeconds: Double
        let peakRSSMiB: Double
    }

    private struct Reading {
        /// Idle seconds of all CPUs together since boot.
        let idle: Double?
        let kafkaMock: Double?
        let bench: Double?
        let at: ContinuousClock.Instant
    }

    private let devPid: Int32?
    private let start: Reading

    init(devPid: Int32?) {
        self.devPid = devPid
        start = Self.read(devPid: devPid)
    }

    func finish() -> Figures {
        let end = Self.read(devPid: devPid)
        let seconds = max((end.at - start.at).seconds, 0.001)
        let cores = max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
        // Busy = every core's time over the window less the idle time the kernel counted
        // (/proc/uptime). /proc/stat's per-CPU ticks were tried first: over a 10 s run they
        // added up to less than the processes' own CPU times.
        var busySeconds = 0.0
        if let first = start.idle, let last = end.idle {
            busySeconds = min(max(seconds * Double(cores) - (last - first), 0), seconds * Double(cores))
        }
        let busyPercent = busySeconds / (seconds * Double(cores)) * 100
        func share(_ before: Double?, _ after: Double?, rssOf pid: Int32?) -> Share? {
            guard let before, let after else { return nil }
            let cpu = max(after - before, 0)
            return Share(cpuPercent: cpu / seconds * 100, cpuSeconds: cpu,
                         peakRSSMiB: pid.flatMap(ProcessSampler.peakRSSMiB) ?? 0)
        }
        return Figures(cores: cores, busyPercent: busyPercent, cpuSeconds: busySeconds,
                       kafkaMock: share(start.kafkaMock, end.kafkaMock, rssOf: devPid),
                       bench: share(start.bench, end.bench, rssOf: getpid())
                           ?? Share(cpuPercent: 0, cpuSeconds: 0, peakRSSMiB: 0))
    }

    private static func read(devPid: Int32?) -> Reading {
        let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8)
        return Reading(idle: uptime.flatMap(idleSeconds(procUptime:)), kafkaMock: devPid.flatMap(mockBrokerCPUSeconds),
                       bench: ProcessSampler.cpuSeconds(getpid()), at: .now)
    }

    /// The idle seconds of all CPUs together, /proc/uptime's second figure (`uptime idle`).
    static func idleSeconds(procUptime: String) -> Double? {
        let figures = procUptime.split(whereSeparator: { $0 == " " || $0 == "\n" })
        return figures.count >= 2 ? Double(figures[1]) : nil
    }

    /// CPU seconds of the threads librdkafka names `rdk:mock` in `pid`: the mock cluster's broker
    /// threads, which do the cluster's work (the rest of the dev process only supervises).
    static func mockBrokerCPUSeconds(_ pid: Int32) -> Double? {
        let tasks = "/proc/\(pid)/task"
        guard let threads = try? FileManager.default.contentsOfDirectory(atPath: tasks) else { return nil }
        var total: Double?
        for thread in threads {
            guard let name = try? String(contentsOfFile: "\(tasks)/\(thread)/comm", encoding: .utf8),
                  name.hasPrefix("rdk:mock"),
                  let cpu = ProcessSampler.cpuSeconds(statFile: "\(tasks)/\(thread)/stat") else { continue }
            total = (total ?? 0) + cpu
        }
        return total
    }
}

extension MachineSampler.Figures {
    /// The reports' lines under the services' table: the mock broker, the bench and the machine.
    func lines(orders: Int) -> [String] {
        let perOrder = { (cpuSeconds: Double) in cpuSeconds * 1_000 / Double(max(orders, 1)) }
        func row(_ name: String, _ share: MachineSampler.Share, _ note: String) -> String {
            "    " + name.padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(format: "%6.0f %14.2f %14.1f", share.cpuPercent, perOrder(share.cpuSeconds), share.peakRSSMiB)
                + "   " + note
        }
        var lines: [String] = []
        if let kafkaMock { lines.append(row("kafka mock", kafkaMock, "(the mock cluster's broker thread; RSS: all of `tradeflow dev`)")) }
        lines.append(row("bench", bench, "(this load generator, its saga watcher and sampler)"))
        lines.append("  machine        " + String(format: "busy %.0f%% of %d cores: %.2f ms CPU per accepted order in all "
                                                      + "(services, Kafka, the bench, the kernel)",
                                                      busyPercent, cores, perOrder(cpuSeconds)))
        return lines
    }
}
