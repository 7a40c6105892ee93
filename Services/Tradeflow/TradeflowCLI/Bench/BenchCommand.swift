import Foundation
import HTTP
import Runtime

/// `tradeflow bench --scenario browse`: catalog search and price-quote throughput and latency
/// through the gateway, against the platform `tradeflow dev` runs (or one it starts itself).
enum BenchCommand {
    static func run(_ arguments: ArraySlice<String>) async -> Int32 {
        var options = Arguments(arguments, allowed: ["--scenario", "--duration", "--connections", "--buyers", "--dir", "--json",
                                                     "--quote-percent", "--rate", "--reads-per-order", "--fulfil", "--stock",
                                                     "--attempts-per-unit", "--buyers-per-company", "--lines", "--shop-percent",
                                                     "--p99-ms", "--steps", "--require"],
                                switches: ["--no-baseline", "--chaos", "--fulfil-live"])
        let scenario = options["--scenario"] ?? "browse"
        let directory = URL(fileURLWithPath: options["--dir"] ?? ".tradeflow").standardizedFileURL
        let console = Console()
        guard ["browse", "mixed", "flash-sale", "capacity"].contains(scenario) else {
            console.alert("unknown scenario \(scenario); available: browse, mixed, flash-sale, capacity")
            return 64
        }
        // capacity: seconds per step.
        let duration = options.int("--duration", default: scenario == "mixed" ? 60 : 20, range: 1...7_200)
        let connections = options.int("--connections", default: scenario == "browse" ? 8 : 64, range: 1...1_000)
        let buyers = options.int("--buyers", default: scenario == "browse" ? 80 : 100, range: 1...500)
        let quotePercent = options.int("--quote-percent", default: 70, range: 0...100)
        // capacity: the first step's orders/s.
        let rate = options.int("--rate", default: ["flash-sale": 5_000, "capacity": 50][scenario] ?? 1_000, range: 1...100_000)
        let readsPerOrder = options.int("--reads-per-order", default: 2, range: 0...20)
        // Absent: 1 to 8 lines at random. Capped by the SKUs the catalog lists (300 at most are read).
        let linesPerOrder = options["--lines"] == nil ? nil : options.int("--lines", default: 1, range: 1...100)
        let fulfil = options.int("--fulfil", default: 100, range: 0...100_000)
        // Of the lines the demo shop lists, the share bought through it (S2B2B: resale price, the distributor's margin).
        let shopPercent = options.int("--shop-percent", default: 0, range: 0...100)
        let stock = options.int("--stock", default: 1_000, range: 1...1_000_000)
        let multiplier = options.int("--attempts-per-unit", default: 20, range: 1...1_000)
        let buyersPerCompany = options.int("--buyers-per-company", default: 10, range: 1...100)
        let p99Target = options.int("--p99-ms", default: 100, range: 1...60_000)
        let maxSteps = options.int("--steps", default: 20, range: 1...50)
        let required = options["--require"] == nil ? nil : options.int("--require", default: 1, range: 1...100_000)
        options.problems.forEach { console.alert($0) }
        guard options.problems.isEmpty else { return 64 }
        let jsonPath = options["--json"] ?? directory.appendingPathComponent("bench-\(scenario).json").path
        do {
            let platform = try await BenchPlatform.attachOrStart(directory: directory, console: console)
            defer { platform.stop() }
            switch scenario {
            case "mixed":
                let report = try await MixedScenario(platform: platform, options: .init(
                    rate: Double(rate), duration: duration, connections: connections, buyers: buyers, readsPerOrder: readsPerOrder,
                    linesPerOrder: linesPerOrder, shopPercent: shopPercent, fulfil: fulfil, fulfilLive: options.flag("--fulfil-live"),
                    baseline: !options.flag("--no-baseline"), chaos: options.flag("--chaos")), console: console).run()
                return finish(report, text: report.text, passed: report.passed, jsonPath: jsonPath, console: console)
            case "capacity":
                let report = try await CapacityScenario(platform: platform, options: .init(
                    startRate: Double(rate), stepSeconds: duration, maxSteps: maxSteps, p99AcceptanceMs: Double(p99Target),
                    required: required.map(Double.init), connections: connections, buyers: buyers, readsPerOrder: readsPerOrder,
                    linesPerOrder: linesPerOrder), console: console).run()
                return finish(report, text: report.text, passed: report.passed, jsonPath: jsonPath, console: console)
            case "flash-sale":
                let report = try await FlashSaleScenario(platform: platform, options: .init(
                    rate: Double(rate), stock: Int64(stock), multiplier: multiplier, connections: connections,
                    companies: buyers, buyersPerCompany: buyersPerCompany, chaos: options.flag("--chaos")), console: console).run()
                return finish(report, text: report.text, passed: report.passed, jsonPath: jsonPath, console: console)
            default:
                console.say("preparing: \(buyers) buyer companies through the public API (each has its own rate limit, as in production)")
                let setup = try await BrowseSetup.prepare(gateway: platform.gateway, demo: platform.demo, buyers: buyers)
                console.say("running: \(connections) keep-alive connections for \(duration) s (\(quotePercent)% quotes, \(100 - quotePercent)% searches)")
                let load = BrowseLoad(host: platform.gateway.host, port: platform.gateway.port, tokens: setup.tokens, skus: setup.skus,
                                      keywords: ["tea", "茶", "rice", "oil", "nuts", "coffee", "milk", "soda", "龙井", "cleaning"],
                                      connections: connections, duration: .seconds(duration), quotePercent: quotePercent)
                let report = BrowseReport(result: await load.run(), connections: connections, buyers: buyers)
                return finish(report, text: report.text, passed: report.errorCount == 0, jsonPath: jsonPath, console: console)
            }
        } catch {
            console.alert("bench failed: \(error)")
            return 1
        }
    }

    /// Prints the figures, writes them as JSON, and turns a failed check into a failing exit code.
    static func finish<Report: Encodable>(_ report: Report, text: String, passed: Bool, jsonPath: String, console: Console) -> Int32 {
        console.say(text)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: jsonPath), options: .atomic)
            console.say("figures written to \(jsonPath)")
        } catch {
            console.alert("cannot write \(jsonPath): \(error)")
            return 1
        }
        if !passed { console.alert("benchmark checks FAILED (see above)") }
        return passed ? 0 : 1
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
}
