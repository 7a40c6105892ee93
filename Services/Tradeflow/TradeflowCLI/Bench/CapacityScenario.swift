import Foundation
import ReliabilityKit
import Runtime

/// `tradeflow bench --scenario capacity`: what one machine carries, found rather than guessed.
/// The mixed scenario's traffic at rising rates on one platform: a step of `--duration` seconds
/// from `--rate`, each a quarter above the last met one, every step's orders drained before the
/// next one starts. A step that misses the target (every order accepted and confirmed, no request
/// failed, p99 acceptance within `--p99-ms`) is run once more at the same rate; a second miss ends
/// the search (see `CapacitySearch`). The capacity is the highest rate a step met.
struct CapacityScenario {
    struct Options {
        var startRate: Double
        var stepSeconds: Int
        var maxSteps: Int
        var p99AcceptanceMs: Double
        /// The capacity a deployment must reach (`--require`): below it the run fails.
        var required: Double?
        var connections: Int
        var buyers: Int
        var readsPerOrder: Int
        var linesPerOrder: Int?
    }

    let platform: BenchPlatform
    let options: Options
    let console: Console

    func run() async throws -> CapacityReport {
        let traffic = try await MixedTraffic.prepare(platform: platform, buyers: options.buyers, linesPerOrder: options.linesPerOrder,
                                                     readsPerOrder: options.readsPerOrder, console: console)
        let signIn = traffic.buyers.keepSignedIn()
        defer { signIn.cancel() }
        let instruments = try await RunInstruments.start(platform, clientId: "tradeflow-bench")
        let search = CapacitySearch(start: options.startRate, maxSteps: options.maxSteps, p99AcceptanceMs: options.p99AcceptanceMs)
        let run = String(UInt32(Date().timeIntervalSince1970) % 1_000_000)
        let gateway = platform.gateway
        console.say("searching: \(traffic.shape) + \(options.readsPerOrder) reads per order, steps of \(options.stepSeconds) s "
                    + "from \(Int(options.startRate)) orders/s, a quarter more after each step met, until a rate misses twice "
                    + "(target: p99 acceptance <= \(Int(options.p99AcceptanceMs)) ms, every order accepted and confirmed)")
        console.say(CapacityReport.header)
        var steps: [CapacityReport.Step] = []
        var ordersAccepted = 0
        while let rate = search.nextRate(after: steps.map(\.figures)) {
            let index = steps.count
            let accepted = AcceptedOrders()
            // Keys differ per step: each step's order indexes start again at 0.
            let load = OpenLoopLoad(host: gateway.host, port: gateway.port, rate: rate * Double(traffic.perCycle),
                                    duration: .seconds(options.stepSeconds), connections: options.connections,
                                    plan: traffic.plan(run: "\(run)s\(index + 1)", accepted: accepted))
            let result = await load.run()
            let undecided = await accepted.drain(instruments.watcher, timeout: .seconds(120))
            let step = CapacityReport.Step(number: index + 1, offered: rate, result: result, perCycle: traffic.perCycle,
                                           accepted: accepted, watcher: instruments.watcher, undecided: undecided, search: search)
            console.say(step.line)
            steps.append(step)
            ordersAccepted += step.figures.accepted
        }
        let readings = try await instruments.read()
        await instruments.close()
        console.say("verifying: tradeflow verify over the topics")
        let kafka = instruments.kafka
        let audit = try await VerifyCommand.audit(.init(bootstrap: kafka.bootstrapServers, profile: kafka.profile,
                                                        graceSeconds: 30, jsonPath: nil))
        return CapacityReport(options: options, shape: traffic.shape, steps: steps, capacity: search.capacity(of: steps.map(\.figures)),
                              ordersAccepted: ordersAccepted, processes: readings.processes, machine: readings.machine, audit: audit)
    }
}
