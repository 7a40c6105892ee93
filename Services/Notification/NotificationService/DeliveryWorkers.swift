import Contracts
import Foundation
import NotificationCore
import Runtime

/// Runs delivery jobs: one serial queue per `job.queue` (a webhook endpoint, or email), so a slow
/// or failing endpoint delays only its own deliveries. Each job is tried with `DeliveryBackoff`
/// and its outcome reported once (`report`), which turns it into a `record-delivery` command.
///
/// Delivery is at least once: a job finished but not yet recorded when the process stops is
/// planned again from the restored state, and receivers de-duplicate by `Tradeflow-Event-Id`.
actor DeliveryWorkers {
    /// What happened to one job after all its attempts.
    struct Result: Sendable {
        let outcome: DeliveryOutcome
        let attempts: Int
        let lastError: String?
    }

    private let attempt: DeliveryAttempt
    private let backoff: DeliveryBackoff
    private let report: @Sendable (DeliveryJob, Result) async -> Void
    private let logger: Logger
    private var queues: [String: [DeliveryJob]] = [:]
    /// Deliveries queued or in flight: a job planned twice (the decision and, later, the pending
    /// deliveries of a restored partition) runs once.
    private var known: Set<DeliveryID> = []

    init(attempt: DeliveryAttempt, backoff: DeliveryBackoff, logger: Logger,
         report: @escaping @Sendable (DeliveryJob, Result) async -> Void) {
        self.attempt = attempt
        self.backoff = backoff
        self.logger = logger
        self.report = report
    }

    func enqueue(_ jobs: [DeliveryJob]) {
        for job in jobs where known.insert(job.delivery).inserted {
            if queues[job.queue] != nil {
                queues[job.queue]?.append(job)
            } else {
                queues[job.queue] = [job]
                let queue = job.queue
                Task { await self.drain(queue) }
            }
        }
    }

    private func drain(_ queue: String) async {
        while let job = queues[queue]?.first {
            // The attempt runs outside the actor's exclusive hold (an await), so other queues and
            // `enqueue` go on meanwhile.
            let result = await Self.deliver(job, attempt: attempt, backoff: backoff, logger: logger)
            await report(job, result)
            queues[queue]?.removeFirst()
            known.remove(job.delivery)
        }
        queues[queue] = nil
    }

    private static func deliver(_ job: DeliveryJob, attempt: DeliveryAttempt, backoff: DeliveryBackoff,
                                logger: Logger) async -> Result {
        var attempts = 0
        while true {
            attempts += 1
            do {
                try await attempt.run(job)
                return Result(outcome: .delivered, attempts: attempts, lastError: nil)
            } catch {
                guard !error.isPermanent, let delay = backoff.delay(afterAttempt: attempts) else {
                    return Result(outcome: .failed, attempts: attempts, lastError: error.reason)
                }
                logger.info("delivery attempt failed; retrying", [
                    "delivery": job.delivery.rawValue, "queue": job.queue, "attempt": "\(attempts)",
                    "retryInMs": "\(delay.components.seconds * 1_000 + delay.components.attoseconds / 1_000_000_000_000_000)",
                    "reason": error.reason])
                try? await Task.sleep(for: delay)
            }
        }
    }
}
