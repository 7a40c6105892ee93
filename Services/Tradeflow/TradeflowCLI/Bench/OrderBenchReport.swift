import Foundation
import PlatformAudit

/// The figures of an order benchmark run, printed and written as JSON.
struct OrderBenchReport: Encodable {
    struct Flash: Codable {
        let sku: String
        let stock: Int64
        let attempts: Int
        let clientRetries: Int
        /// Units of every confirmed order of the SKU, whether or not the bench read its answer.
        let unitsSold: Int64
        /// Of those, units of orders whose answer the bench never read (a 504, a cut connection).
        let unitsSoldUnanswered: Int64
        let oversold: Int64
        let soldOutAnswers: Int
        let soldOutP99Ms: Double
        /// Inventory's reserve / refuse decisions on the hot SKU per second (between the first and the last).
        let inventoryDecisionsPerSecond: Double
        /// Attempts answered per second (orders decided plus "sold out" answers at the gateway).
        let attemptsDecidedPerSecond: Double
        let passed: Bool
    }

    let scenario: String
    /// From the first due time until the load sent its last order.
    let seconds: Double
    /// The arrival rate asked for (`--rate`).
    let offeredOrdersPerSecond: Double
    /// The rate the load managed to send at: below `offered` when its connections were all busy.
    let sentOrdersPerSecond: Double
    /// Accepted orders per second, over `acceptedSeconds`.
    let acceptedOrdersPerSecond: Double
    /// From the first due time to the last `202` (at least `seconds`).
    let acceptedSeconds: Double
    /// Confirmed orders per second, over `confirmedSeconds`.
    let confirmedOrdersPerSecond: Double
    /// From the first due time until the last confirmation was seen (at least `seconds`).
    let confirmedSeconds: Double
    /// Orders the load sent (attempts, in a flash sale), not counting reads or client retries.
    let sent: Int
    let accepted: Int
    /// Lines per accepted order, on average.
    let linesPerOrder: Double
    let confirmed: Int
    let rejected: Int
    let undecided: Int
    let rejectionReasons: [String: Int]
    /// Due -> `202` of every accepted order (after its retries, if it needed any).
    let acceptance: LatencyRecorder.Summary
    /// Orders placed again after the platform could not answer them (mixed runs).
    let placementRetries: PlacementRetries.Figures?
    let confirmation: LatencyRecorder.Summary
    let reads: [String: LatencyRecorder.Summary]
    let errors: [String: Int]
    let generatorMaxStartDelayMs: Double
    let recordsWritten: Int
    let recordsPerSecond: Double
    let processes: [String: ProcessSampler.Figures]
    /// The mock Kafka broker's, the bench's and the whole machine's CPU over the same window.
    let machine: MachineSampler.Figures
    let baseline: KafkaBaseline.Figures?
    /// Our Kafka records per second during the run, as a share of the raw baseline.
    let kafkaUtilisation: Double?
    let fulfilment: Fulfilment.Figures?
    let verifyPassed: Bool
    let verify: String
    let flash: Flash?

    init(scenario: String, result: OpenLoopLoad.Result, offeredRate: Double, offeredOrders: Int, accepted: AcceptedOrders, watcher: SagaWatcher, undecided: Int,
         recordsWritten: Int, processes: [String: ProcessSampler.Figures], machine: MachineSampler.Figures, baseline: KafkaBaseline.Figures?,
         audit: AuditReport, fulfilment: Fulfilment.Figures?, flash: Flash?, placementRetries: PlacementRetries.Figures? = nil) {
        self.scenario = scenario
        seconds = result.seconds
        let decisions = watcher.snapshot.decisions
        let ours = accepted.orders
        let confirmedCount = accepted.confirmedCount(watcher)
        var reasons: [String: Int] = [:]
        for order in ours.keys {
            guard let decision = decisions[order], decision.outcome != .confirmed else { continue }
            reasons[String((decision.reason ?? decision.outcome.rawValue).prefix(60)), default: 0] += 1
        }
        offeredOrdersPerSecond = offeredRate
        sentOrdersPerSecond = Double(offeredOrders) / max(seconds, 0.001)
        sent = offeredOrders
        self.accepted = ours.count
        linesPerOrder = ours.isEmpty ? 0 : Double(ours.values.reduce(0) { $0 + $1.lines }) / Double(ours.count)
        acceptedSeconds = result.rateWindow(until: accepted.lastAcceptance())
        acceptedOrdersPerSecond = Double(ours.count) / acceptedSeconds
        confirmed = confirmedCount
        confirmedSeconds = result.rateWindow(until: accepted.lastDecision(watcher, outcome: .confirmed))
        confirmedOrdersPerSecond = Double(confirmedCount) / confirmedSeconds
        rejected = ours.count - confirmedCount - undecided
        self.undecided = undecided
        rejectionReasons = reasons
        acceptance = accepted.acceptanceLatencies().summary(over: seconds)
        self.placementRetries = placementRetries
        confirmation = accepted.decisionLatencies(watcher, outcome: .confirmed).summary(over: seconds)
        let window = seconds
        reads = result.byKind.filter { $0.key != "order" && $0.key != "retry" }.mapValues { $0.summary(over: window) }
        errors = result.errors(refused: accepted.errors)
        generatorMaxStartDelayMs = result.maxStartDelayMs
        self.recordsWritten = recordsWritten
        recordsPerSecond = Double(recordsWritten) / max(seconds, 0.001)
        self.processes = processes
        self.machine = machine
        self.baseline = baseline
        let ourRate = Double(recordsWritten) / max(window, 0.001)
        kafkaUtilisation = baseline.map { $0.recordsPerSecond > 0 ? ourRate / $0.recordsPerSecond : 0 }
        self.fulfilment = fulfilment
        verifyPassed = audit.passed
        verify = audit.text
        self.flash = flash
    }

    var passed: Bool { verifyPassed && undecided == 0 && (flash?.passed ?? true) && (fulfilment?.passed ?? true) }

    var text: String {
        func latency(_ name: String, _ s: LatencyRecorder.Summary) -> String {
            "  " + name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%8d   p50 %8.2f ms   p90 %8.2f ms   p99 %8.2f ms   max %8.2f ms", s.count, s.p50Ms, s.p90Ms, s.p99Ms, s.maxMs)
        }
        var lines = ["", "\(scenario) benchmark: \(String(format: "%.1f", seconds)) s"]
        lines.append(String(format: "  orders/s       offered %.0f   sent %.0f   accepted %.0f   confirmed %.0f", offeredOrdersPerSecond,
                            sentOrdersPerSecond, acceptedOrdersPerSecond, confirmedOrdersPerSecond))
        lines.append(String(format: "                 (sent over %.1f s from the first due time; the last accepted at %.1f s, the last confirmed at %.1f s)",
                            seconds, acceptedSeconds, confirmedSeconds))
        lines.append("  orders         sent \(sent)   accepted \(accepted)   confirmed \(confirmed)   rejected \(rejected)   undecided \(undecided)"
                     + String(format: "   %.1f lines each", linesPerOrder))
        for (reason, count) in rejectionReasons.sorted(by: { $0.value > $1.value }).prefix(5) { lines.append("    rejected \(count) x \(reason)") }
        lines.append(latency("acceptance", acceptance))
        if let retried = placementRetries, retried.orders > 0 {
            let causes = retried.causes.sorted { $0.value > $1.value }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            lines.append("  retried        \(retried.orders) orders the platform could not answer at first (\(causes)): "
                         + "\(retried.accepted) accepted, \(retried.refused.values.reduce(0, +)) refused, \(retried.gaveUp) gave up")
        }
        lines.append(latency("confirmation", confirmation))
        for (kind, summary) in reads.sorted(by: { $0.key < $1.key }) { lines.append(latency(kind, summary)) }
        lines.append(String(format: "  generator      latest start %.1f ms behind schedule", generatorMaxStartDelayMs))
        lines.append("  errors         " + (errors.isEmpty ? "none" : errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))
        if let flash {
            lines.append("  flash sale     SKU \(flash.sku), stock \(flash.stock), \(flash.attempts) attempts (+\(flash.clientRetries) client retries)")
            let unanswered = flash.unitsSoldUnanswered > 0 ? " (\(flash.unitsSoldUnanswered) to orders whose answer was lost)" : ""
            lines.append("                 sold \(flash.unitsSold)\(unanswered), oversold \(flash.oversold), sold-out answers \(flash.soldOutAnswers) "
                         + String(format: "(p99 %.2f ms)", flash.soldOutP99Ms))
            lines.append(String(format: "                 attempts decided %.0f/s, inventory decisions on the SKU %.0f/s   %@",
                                flash.attemptsDecidedPerSecond, flash.inventoryDecisionsPerSecond, flash.passed ? "PASS" : "FAIL"))
        }
        if let fulfilment {
            lines.append(String(format: "  fulfilment     %d orders, %d shipments, %d completed in %.1f s", fulfilment.orders,
                                fulfilment.shipments, fulfilment.completed, fulfilment.seconds))
        }
        lines.append(String(format: "  kafka          %d records written (%.0f/s)", recordsWritten, recordsPerSecond))
        if let baseline, let kafkaUtilisation {
            lines.append(String(format: "  baseline       raw produce+consume %.0f records/s; our run used %.0f%% of it; confirmed orders/s = %.3f x baseline records/s",
                                baseline.recordsPerSecond, kafkaUtilisation * 100, confirmedOrdersPerSecond / max(baseline.recordsPerSecond, 1)))
        }
        lines += ProcessSampler.Figures.table(processes, machine: machine, orders: accepted)
        lines.append("  verify         " + (verifyPassed ? "PASS" : "FAIL"))
        if !verifyPassed { lines.append(verify) }
        return lines.joined(separator: "\n") + "\n"
    }
}
