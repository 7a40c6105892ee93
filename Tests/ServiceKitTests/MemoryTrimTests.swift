import Foundation
import Runtime
@testable import ServiceKit
import Testing

@Suite struct MemoryTrimTests {
    /// The trimmer runs on its interval and reports the heap it left, which a busy process never
    /// holds less of than it uses.
    @Test func trimsOnItsInterval_andReportsTheHeap() async throws {
        let metrics = MetricsRegistry()
        let trimmer = MemoryTrim.service(every: .milliseconds(20), metrics: metrics)
        // Something to give back: a few MB allocated and freed.
        do { let scratch = (0..<64).map { _ in [UInt8](repeating: 1, count: 65_536) }; #expect(scratch.count == 64) }
        let running = Task { try await trimmer.run() }
        let trims = metrics.counter("tradeflow_memory_trims_total", help: "")
        // Generous: at the start of the full suite every test shares a busy task pool, and tasks
        // that normally take milliseconds have waited 10-13 s for a thread there.
        let deadline = ContinuousClock.now + .seconds(60)
        while trims.value < 2 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        await trimmer.shutdown()
        try await running.value
        #expect(trims.value >= 2)
        let inUse = metrics.gauge("tradeflow_heap_in_use_bytes", help: "").value
        let held = metrics.gauge("tradeflow_heap_held_bytes", help: "").value
        #expect(inUse > 0 && held >= inUse, "in use \(inUse), held \(held)")
    }

    /// A scrape reports the heap even before the first trim: a service restarted moments ago
    /// used to show 0 bytes in use until its trimmer first ran (30 s by default).
    @Test func aScrapeReportsTheHeap_beforeAnyTrim() {
        let metrics = MetricsRegistry()
        ProcessMetrics.update(metrics)
        let inUse = metrics.gauge("tradeflow_heap_in_use_bytes", help: "").value
        let held = metrics.gauge("tradeflow_heap_held_bytes", help: "").value
        #expect(inUse > 0 && held >= inUse, "in use \(inUse), held \(held)")
        #expect(metrics.counter("tradeflow_memory_trims_total", help: "").value == 0, "nothing was trimmed")
    }
}
