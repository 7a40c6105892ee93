import Foundation
import HTTP
import Runtime

/// `tradeflow bench --scenario browse`: catalog search and price-quote throughput and latency
/// through the gateway, against the platform `tradeflow dev` runs (or one it starts itself).
enum BenchCommand {
    static func run(_ arguments: ArraySlice<String>) async -> Int32 {
        var options = Arguments(arguments, allowed: ["--scenario", "--duration", "--connections", "--buyers", "--dir", "--json", "--quote-percent"])
        let scenario = options["--scenario"] ?? "browse"
        let duration = options.int("--duration", default: 20, range: 1...600)
        let connections = options.int("--connections", default: 8, range: 1...1_000)
        let buyers = options.int("--buyers", default: 80, range: 1...500)
        let quotePercent = options.int("--quote-percent", default: 70, range: 0...100)
        let directory = URL(fileURLWithPath: options["--dir"] ?? ".tradeflow").standardizedFileURL
        let console = Console()
        options.problems.forEach { console.alert($0) }
        guard options.problems.isEmpty else { return 64 }
        guard scenario == "browse" else {
            console.alert("scenario \(scenario) needs the order saga, which is not built yet; available: browse")
            return 64
        }
        do {
            let platform = try await BenchPlatform.attachOrStart(directory: directory, console: console)
            defer { platform.stop() }
            console.say("preparing: \(buyers) buyer companies through the public API (each has its own rate limit, as in production)")
            let setup = try await BrowseSetup.prepare(gateway: platform.gateway, demo: platform.demo, buyers: buyers)
            console.say("running: \(connections) keep-alive connections for \(duration) s (\(quotePercent)% quotes, \(100 - quotePercent)% searches)")
            let load = BrowseLoad(host: platform.gateway.host, port: platform.gateway.port, tokens: setup.tokens, skus: setup.skus,
                                  keywords: ["tea", "茶", "rice", "oil", "nuts", "coffee", "milk", "soda", "龙井", "cleaning"],
                                  connections: connections, duration: .seconds(duration), quotePercent: quotePercent)
            let result = await load.run()
            let report = BrowseReport(result: result, connections: connections, buyers: buyers)
            console.say(report.text)
            let jsonPath = options["--json"] ?? directory.appendingPathComponent("bench-browse.json").path
            try report.write(to: URL(fileURLWithPath: jsonPath))
            console.say("figures written to \(jsonPath)")
            return report.errorCount == 0 ? 0 : 1
        } catch {
            console.alert("bench failed: \(error)")
            return 1
        }
    }
}

/// The printed and JSON figures of a browse run.
struct BrowseReport: Encodable {
    let scenario = "browse"
    let seconds: Double
    let connections: Int
    let buyerCompanies: Int
    let quotes: LatencyRecorder.Summary
    let searches: LatencyRecorder.Summary
    let totalPerSecond: Double

    init(result: BrowseLoad.Result, connections: Int, buyers: Int) {
        seconds = result.seconds
        self.connections = connections
        buyerCompanies = buyers
        quotes = result.quotes.summary(over: result.seconds)
        searches = result.searches.summary(over: result.seconds)
        totalPerSecond = quotes.perSecond + searches.perSecond
    }

    var errorCount: Int {
        [quotes, searches].reduce(0) { total, summary in
            total + summary.errors.values.reduce(0, +) + summary.statuses.filter { $0.key != "200" }.values.reduce(0, +)
        }
    }

    var text: String {
        func line(_ name: String, _ s: LatencyRecorder.Summary) -> String {
            let statuses = s.statuses.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
            return "  " + name.padding(toLength: 9, withPad: " ", startingAt: 0)
                + String(format: "%8d req  %9.0f req/s   p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %7.2f ms", s.count, s.perSecond,
                         s.p50Ms, s.p90Ms, s.p99Ms, s.maxMs) + "   statuses " + statuses
        }
        return ["", "browse benchmark: \(String(format: "%.1f", seconds)) s, \(connections) connections, \(buyerCompanies) buyer companies",
                line("quotes", quotes), line("searches", searches),
                String(format: "  total    %9.0f req/s, errors %d", totalPerSecond, errorCount), ""].joined(separator: "\n")
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
