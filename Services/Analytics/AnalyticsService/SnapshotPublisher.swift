import AnalyticsCore
import Contracts
import Foundation
import Runtime
import ServiceKit

/// Publishes snapshots to `analytics.snapshots.v1` on every tick: the scopes whose numbers changed,
/// and every known scope once per republish interval so relative windows move with the clock.
///
/// Nothing goes out until the first rebuild has read every partition to the end it had at start:
/// half-counted numbers would only be overwritten a moment later. The first tick after that
/// republishes everything, which is also how a restarted instance refreshes all records.
final class SnapshotPublisher: Sendable {
    private let fold: AnalyticsFold
    private let context: ServiceContext
    private let republishInterval: Duration
    private let isRestored: @Sendable () -> Bool
    /// Scopes whose last publish failed (retried on the next tick) and when everything was last sent.
    private let progress = Locked<(retry: Set<AnalyticsScope>, lastFull: ContinuousClock.Instant?)>(([], nil))
    private let published: Counter

    init(fold: AnalyticsFold, context: ServiceContext, republishInterval: Duration, isRestored: @escaping @Sendable () -> Bool) {
        self.fold = fold
        self.context = context
        self.republishInterval = republishInterval
        self.isRestored = isRestored
        published = context.metrics.counter("analytics_snapshots_published_total", help: "Snapshots published")
    }

    func tick() async {
        guard isRestored() else { return }
        let clock = ContinuousClock.now
        let (retry, lastFull) = progress.withLock { ($0.retry, $0.lastFull) }
        let everything = lastFull.map { clock - $0 >= republishInterval } ?? true
        let now = Date()
        let snapshots = fold.takeSnapshots(everything: everything, also: retry, asOf: now)
        guard !snapshots.isEmpty else { return }
        let envelopes = snapshots.map { snapshot in
            // One id per key and instant: a repeated publish of the same numbers is recognisable.
            let id = MessageID.derived(from: "analytics", snapshot.key, String(Int64(snapshot.asOf.timeIntervalSince1970 * 1000)))
            return Envelope(id: id, occurredAt: now, causationId: nil, correlationId: CorrelationID(id),
                            tenant: context.settings.tenant, key: snapshot.key, payload: snapshot)
        }
        do {
            try await context.publishAll(envelopes, to: AnalyticsSubscriptions.output)
            published.increment(by: Int64(envelopes.count))
            progress.withLock { progress in
                progress.retry = []
                if everything { progress.lastFull = clock }
            }
        } catch {
            // Kafka is away for a moment: the scopes are sent again on the next tick, with fresh numbers.
            progress.withLock { $0.retry.formUnion(snapshots.map(\.scope)) }
            context.logger.warning("publishing analytics snapshots failed; retrying",
                                   ["scopes": "\(snapshots.count)", "reason": "\(error)"])
        }
    }
}
