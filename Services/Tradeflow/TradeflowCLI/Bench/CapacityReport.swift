import Foundation
import PlatformAudit
import ReliabilityKit

/// The figures of a capacity search, printed and written as JSON.
struct CapacityReport: Encodable {
    /// One step of the search: its offered rate, what it delivered, and why it missed (if it did).
    struct Step: Encodable {
        let number: Int
        let seconds: Double
        let figures: CapacitySearch.Step
        let confirmedPerSecond: Double
        let acceptance: LatencyRecorder.Summary
        let confirmation: LatencyRecorder.Summary
        let misses: [String]

        init(number: Int, offered: Double, result: OpenLoopLoad.Result, perCycle: Int, accepted: AcceptedOrders,
             watcher: SagaWatcher, undecided: Int, search: CapacitySearch) {
            self.number = number
            seconds = result.seconds
            let ours = accepted.orders
            let confirmed = accepted.confirmedCount(watcher)
            acceptance = accepted.acceptanceLatencies().summary(over: seconds)
            confirmation = accepted.decisionLatencies(watcher, outcome: .confirmed).summary(over: seconds)
            figures = CapacitySearch.Step(offeredPerSecond: offered, ordersSent: (result.offered + perCycle - 1) / perCycle,
                                          accepted: ours.count, confirmed: confirmed, rejected: ours.count - confirmed - undecided,
                                          undecided: undecided, errors: result.errors(refused: accepted.errors),
                                          acceptanceP99Ms: acceptance.p99Ms)
            confirmedPerSecond = Double(confirmed) / result.rateWindow(until: accepted.lastDecision(watcher, outcome: .confirmed))
            misses = search.misses(figures)
        }

        var line: String {
            String(format: "  %4d %11.0f %13.0f %12.1f / %8.1f %21.1f     ", number, figures.offeredPerSecond, confirmedPerSecond,
                   acceptance.p50Ms, acceptance.p99Ms, confirmation.p99Ms)
                + (misses.isEmpty ? "met" : "missed: " + misses.joined(separator: "; "))
        }
    }

    let scenario = "capacity"
    let stepSeconds: Int
    let p99AcceptanceTargetMs: Double
    let orderShape: String
    let readsPerOrder: Int
    let steps: [Step]
    /// The highest offered orders/s a step met; 0: none did.
    let capacityOrdersPerSecond: Double
    let requiredOrdersPerSecond: Double?
    let maxSteps: Int
    let processes: [String: ProcessSampler.Figures]
    let machine: MachineSampler.Figures
    let ordersAccepted: Int
    let verifyPassed: Bool
    let verify: String

    init(options: CapacityScenario.Options, shape: String, steps: [Step], capacity: Double, ordersAccepted: Int,
         processes: [String: ProcessSampler.Figures], machine: MachineSampler.Figures, audit: AuditReport) {
        stepSeconds = options.stepSeconds
        p99AcceptanceTargetMs = options.p99AcceptanceMs
        orderShape = shape
        readsPerOrder = options.readsPerOrder
        self.steps = steps
        capacityOrdersPerSecond = capacity
        requiredOrdersPerSecond = options.required
        maxSteps = options.maxSteps
        self.processes = processes
        self.machine = machine
        self.ordersAccepted = ordersAccepted
        verifyPassed = audit.passed
        verify = audit.text
    }

    /// Fails on a broken invariant (an accepted order never decided, verify) or a capacity below
    /// `--require`; finding the limit is what the search is for, not a failure.
    var passed: Bool {
        verifyPassed && steps.allSatisfy { $0.figures.undecided == 0 }
            && requiredOrdersPerSecond.map { capacityOrdersPerSecond >= $0 } ?? true
    }

    /// Whether the last step repeated the rate of the one before (a miss confirmed).
    private var lastMissRepeated: Bool {
        steps.count >= 2 && steps[steps.count - 2].figures.offeredPerSecond == steps[steps.count - 1].figures.offeredPerSecond
    }

    static let header = "  step   offered/s   confirmed/s   acceptance p50 / p99 ms   confirmation p99 ms   result"

    var text: String {
        var lines = ["", "capacity benchmark: \(orderShape) + \(readsPerOrder) reads per order, steps of \(stepSeconds) s; "
                     + "target: every order accepted and confirmed, p99 acceptance <= \(Int(p99AcceptanceTargetMs)) ms", Self.header]
        lines += steps.map(\.line)
        if let best = steps.last(where: { $0.figures.offeredPerSecond == capacityOrdersPerSecond && $0.misses.isEmpty }) {
            let open = steps.last?.misses.isEmpty == true ? " (the search reached --steps while still meeting the target)"
                : steps.count == maxSteps && !lastMissRepeated ? " (--steps ran out before the missed rate was tried again)" : ""
            lines.append(String(format: "  capacity       %.0f orders/s for %d s: p99 acceptance %.1f ms, confirmation %.1f ms",
                                capacityOrdersPerSecond, stepSeconds, best.acceptance.p99Ms, best.confirmation.p99Ms) + open)
        } else {
            lines.append("  capacity       below the first step (\(Int(steps.first?.figures.offeredPerSecond ?? 0)) orders/s)")
        }
        if let required = requiredOrdersPerSecond {
            lines.append("  required       \(Int(required)) orders/s: " + (capacityOrdersPerSecond >= required ? "met" : "NOT MET"))
        }
        lines += ProcessSampler.Figures.table(processes, machine: machine, orders: ordersAccepted)
        lines.append("  verify         " + (verifyPassed ? "PASS" : "FAIL"))
        if !verifyPassed { lines.append(verify) }
        return lines.joined(separator: "\n") + "\n"
    }
}
