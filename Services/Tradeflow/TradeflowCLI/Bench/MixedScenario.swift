import Contracts
import Foundation
import HTTP
import Kafka
import Runtime

/// `tradeflow bench --scenario mixed`: a promotion day. Dealers browse and quote while they place
/// multi-line orders at a fixed arrival rate (open loop); every order runs the whole saga (stock,
/// credit, confirmation); then part of the confirmed orders are shipped and delivered, which
/// captures and splits the money. Measured end to end through the gateway and Kafka.
struct MixedScenario {
    struct Options {
        var rate: Double
        var duration: Int
        var connections: Int
        var buyers: Int
        var readsPerOrder: Int
        /// Lines of every order (`--lines`), each a different SKU; nil: 1 to 8 at random, as
        /// dealers' orders mostly are.
        var linesPerOrder: Int?
        /// Of the lines the demo shop lists, the percentage bought through the shop (`--shop-percent`).
        var shopPercent: Int = 0
        var fulfil: Int
        /// Ship and deliver every order as soon as it is confirmed, during the run (`--fulfil-live`),
        /// instead of `fulfil` orders after it.
        var fulfilLive: Bool
        var baseline: Bool
        /// Kill -9 every service in turn (the gateway last) while the load runs; the dev
        /// supervisor restarts each. Accepted orders must still all be decided and verify pass.
        var chaos: Bool
    }

    let platform: BenchPlatform
    let options: Options
    let console: Console

    /// An order takes ~3.6 requests (ship and deliver each of ~1.8 sub-orders), each a request/reply
    /// through Kafka of 100-200 ms under load: 192 workers carry ~250 orders/s, more than the
    /// platform fulfils on 2 cores, so the platform and not the bench sets the pace.
    static let liveFulfilmentWorkers = 192

    func run() async throws -> OrderBenchReport {
        let gateway = platform.gateway
        let run = String(UInt32(Date().timeIntervalSince1970) % 1_000_000)
        let traffic = try await MixedTraffic.prepare(platform: platform, buyers: options.buyers, linesPerOrder: options.linesPerOrder,
                                                     readsPerOrder: options.readsPerOrder, shopPercent: options.shopPercent,
                                                     console: console)
        let (demo, setup, buyers) = (traffic.demo, traffic.setup, traffic.buyers)
        var signIns = [buyers.keepSignedIn()]
        defer { signIns.forEach { $0.cancel() } }
        var live: LiveFulfilment?
        var onConfirmed: (@Sendable (SagaWatcher.Confirmed) -> Void)?
        if options.fulfilLive {
            let buyerIndex = Dictionary(setup.companies.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            let warehouses = try await OrderBenchSetup.warehouseSessions(gateway: gateway, demo: demo)
            signIns.append(warehouses.sessions.keepSignedIn())
            let fulfilment = LiveFulfilment(gateway: gateway,
                                            buyerToken: { company in buyerIndex[company].map(buyers.token) },
                                            warehouseToken: { company in warehouses.index[company].map(warehouses.sessions.token) })
            live = fulfilment
            onConfirmed = { fulfilment.enqueue($0) }
        }
        let instruments = try await RunInstruments.start(platform, clientId: "tradeflow-bench", onConfirmed: onConfirmed)
        let watcher = instruments.watcher
        let fulfilling = live?.start(workers: Self.liveFulfilmentWorkers)
        let kafka = instruments.kafka

        let accepted = AcceptedOrders()
        let retries = PlacementRetries(gateway: gateway, accepted: accepted)
        let retrying = retries.start()
        let perCycle = traffic.perCycle
        let load = OpenLoopLoad(host: gateway.host, port: gateway.port, rate: options.rate * Double(perCycle),
                                duration: .seconds(options.duration), connections: options.connections,
                                plan: traffic.plan(run: run, accepted: accepted, retries: retries))
        console.say("running: \(Int(options.rate)) orders/s (\(traffic.shape)) + \(options.readsPerOrder) reads per order for \(options.duration) s, "
                    + "open loop, \(options.connections) connections")
        let chaos = options.chaos ? Chaos(platform: platform, console: console).start(over: .seconds(options.duration)) : nil
        let result = await load.run()
        let killed = await chaos?.value ?? []
        if !killed.isEmpty { console.say("chaos: killed \(killed.joined(separator: ", ")) with SIGKILL during the run") }
        let retried = await retries.finish(retrying)
        console.say("draining: waiting for every accepted order to be decided")
        let undecided = await accepted.drain(watcher, timeout: .seconds(120))
        var fulfilment: Fulfilment.Figures?
        if let live, let fulfilling {
            console.say("fulfilment: shipping and delivering the last confirmed orders")
            fulfilment = await live.finish(fulfilling, timeout: .seconds(300)) { watcher.completedCount }
        }
        let readings = try await instruments.read()
        if fulfilment == nil {
            fulfilment = try await Fulfilment.run(accepted: accepted, watcher: watcher, tokens: buyers.all,
                                                  companies: setup.companies, demo: demo,
                                                  gateway: gateway, limit: options.fulfil, console: console)
        }
        await instruments.close()
        let written = readings.recordsWritten
        var baseline: KafkaBaseline.Figures?
        if options.baseline {
            console.say("baseline: raw produce + consume of \(written) records through the same Kafka")
            baseline = try await KafkaBaseline.run(settings: kafka, count: max(written, 1_000))
        }
        console.say("verifying: tradeflow verify over the topics")
        let audit = try await VerifyCommand.audit(.init(bootstrap: kafka.bootstrapServers, profile: kafka.profile,
                                                        graceSeconds: 30, jsonPath: nil))
        return OrderBenchReport(scenario: "mixed", result: result, offeredRate: options.rate, offeredOrders: (result.offered + perCycle - 1) / perCycle,
                                accepted: accepted, watcher: watcher, undecided: undecided,
                                recordsWritten: written, processes: readings.processes, machine: readings.machine, baseline: baseline, audit: audit,
                                fulfilment: fulfilment, flash: nil, placementRetries: retried)
    }
}

/// The benchmark's Kafka client settings for the platform's cluster.
func kafkaSettings(_ platform: BenchPlatform, clientId: String) throws -> KafkaSettings {
    guard let bootstrap = platform.kafkaBootstrap, !bootstrap.isEmpty else {
        throw DemoError(message: "no kafka.bootstrap in \(platform.directory.path)")
    }
    return KafkaSettings(bootstrapServers: bootstrap, profile: .mock, clientId: clientId)
}

