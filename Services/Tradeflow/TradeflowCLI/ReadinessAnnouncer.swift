import Foundation
import HTTP
import Runtime

/// Waits until every service answers 200 on `/health/ready`, then prints where everything is.
/// It keeps going if one is slow, naming it, so a broken service does not hide the others.
struct ReadinessAnnouncer: Service {
    let services: [ManagedService]
    let gateway: SocketAddress
    let layout: DevLayout
    let bootstrap: String
    let console: Console
    /// Seeds demo data once everything is ready (nil with --no-demo).
    let seeder: DemoSeeder?
    private let stopped = Latch()
    var name: String { "readiness-announcer" }

    init(services: [ManagedService], gateway: SocketAddress, layout: DevLayout, bootstrap: String, console: Console,
         seeder: DemoSeeder?) {
        self.services = services
        self.gateway = gateway
        self.layout = layout
        self.bootstrap = bootstrap
        self.console = console
        self.seeder = seeder
    }

    func run() async throws {
        let start = ContinuousClock.now
        var pending = Set(services.map(\.name))
        var warned = false
        while !pending.isEmpty && !stopped.isOpen {
            for service in services where pending.contains(service.name) {
                if await isReady(port: service.adminPort) { pending.remove(service.name) }
            }
            if pending.isEmpty { break }
            if !warned && ContinuousClock.now - start > .seconds(60) {
                warned = true
                console.alert("still not ready after 60 s: \(pending.sorted().joined(separator: ", ")); see \(layout.root.path)/logs/")
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
        guard !stopped.isOpen else { return }
        let elapsed = String(format: "%.1f", (ContinuousClock.now - start).seconds)
        var demoLine: String?
        if let seeder {
            console.say("seeding demo data (companies, users, ~200 SKUs, price lists, stock, a distributor shop)...")
            do {
                let summary = try await seeder.run()
                demoLine = "  demo          \(relative(seeder.output.path)): \(summary.users.count) users (password \(summary.password)), \(summary.skuCount) SKUs"
            } catch {
                console.alert("seeding demo data failed: \(error)")
            }
        }
        var lines = ["", "Tradeflow is running (all \(services.count) services ready in \(elapsed) s)", ""]
        lines.append("  gateway       http://\(gateway)   (health: /health/ready)")
        lines.append("  kafka         \(bootstrap)   (kcat -b \"$(cat \(relative(layout.bootstrapFile.path)))\" -L)")
        for service in services {
            lines.append("  \(service.name.padding(toLength: 12, withPad: " ", startingAt: 0))  admin http://127.0.0.1:\(service.adminPort)   log \(relative(service.logFile))")
        }
        lines.append("  status        \(relative(layout.statusFile.path))")
        if let demoLine { lines.append(demoLine) }
        lines.append("")
        lines.append("Press Ctrl-C to stop everything.")
        console.say(lines.joined(separator: "\n"))
        await stopped.wait()
    }

    func shutdown() async { stopped.open() }

    private func isReady(port: Int) async -> Bool {
        let response = try? await HTTPClient.send(host: "127.0.0.1", port: port, path: "/health/ready", timeout: .seconds(1))
        return response?.status == 200
    }

    private func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
