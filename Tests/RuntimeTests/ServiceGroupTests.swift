import Runtime
import Testing

/// Records when it was started and stopped, into a shared journal.
private final class JournalService: Service {
    let name: String
    let journal: Locked<[String]>
    let failAfter: Duration?
    private let stopped = Latch()

    init(_ name: String, journal: Locked<[String]>, failAfter: Duration? = nil) {
        self.name = name
        self.journal = journal
        self.failAfter = failAfter
    }

    struct Failure: Error {}

    func run() async throws {
        journal.withLock { $0.append("run \(name)") }
        if let failAfter {
            try await Task.sleep(for: failAfter)
            throw Failure()
        }
        await stopped.wait()
    }

    func shutdown() async {
        journal.withLock { $0.append("stop \(name)") }
        stopped.open()
    }
}

@Test func stopSignal_stopsServicesInReverseStartOrder() async {
    let journal = Locked<[String]>([])
    let services = ["admin", "producer", "consumer"].map { JournalService($0, journal: journal) }
    let group = ServiceGroup(services: services, logger: Logger(label: "t", sink: RecordingLogSink())) {
        try? await Task.sleep(for: .milliseconds(50))
        return 15
    }
    #expect(await group.run() == .stoppedBySignal(15))
    #expect(journal.value.filter { $0.hasPrefix("stop") } == ["stop consumer", "stop producer", "stop admin"])
}

@Test func failingService_stopsTheOthers_andReportsIt() async {
    let journal = Locked<[String]>([])
    let group = ServiceGroup(services: [JournalService("a", journal: journal),
                                        JournalService("b", journal: journal, failAfter: .milliseconds(20))],
                             logger: Logger(label: "t", sink: RecordingLogSink())) {
        try? await Task.sleep(for: .seconds(60))
        return 15
    }
    let outcome = await group.run()
    guard case .serviceFailed(let name, _) = outcome else {
        Issue.record("expected a failure, got \(outcome)")
        return
    }
    #expect(name == "b")
    #expect(journal.value.contains("stop a"))
}

/// The deadline of a graceful stop is kept by a thread, whatever the tasks are doing.
@Test func shutdownWatchdog_expiresOnlyWhenNotDisarmedInTime() async throws {
    let expired = Locked(0)
    let logger = Logger(label: "test", level: .critical)
    let late = ShutdownWatchdog(timeout: .milliseconds(100), logger: logger) { expired.withLock { $0 += 1 } }
    late.arm()
    let onTime = ShutdownWatchdog(timeout: .milliseconds(100), logger: logger) { expired.withLock { $0 += 10 } }
    onTime.arm()
    onTime.disarm()
    try await Task.sleep(for: .milliseconds(400))
    #expect(expired.withLock { $0 } == 1, "only the watchdog left armed expired")
}

/// The real signal wait cannot be cancelled; a failing service must still end the group at once
/// (not only when the stop deadline's watchdog ends the process).
@Test func failingService_endsTheGroup_whenTheSignalWaitIgnoresCancellation() async {
    let journal = Locked<[String]>([])
    let never = Latch()
    let group = ServiceGroup(services: [JournalService("b", journal: journal, failAfter: .milliseconds(20))],
                             logger: Logger(label: "t", sink: RecordingLogSink()), shutdownTimeout: .seconds(60)) {
        await never.wait()
        return 15
    }
    let start = ContinuousClock.now
    guard case .serviceFailed = await group.run() else { Issue.record("expected a failure"); return }
    // Far below the 60 s stop deadline it must not wait for, and far above a loaded machine's
    // scheduling delays (5 s was exceeded once, at 11.8 s, with a benchmark running alongside).
    #expect(ContinuousClock.now - start < .seconds(30))
}
