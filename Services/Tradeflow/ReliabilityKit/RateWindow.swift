import Runtime

/// The seconds a benchmark's rate of accepted or confirmed orders is taken over: from the load's
/// first due time to the last such answer, and never shorter than the load itself.
///
/// Orders accepted after their clients' retries, or confirmed while a restarted service catches
/// up, arrive after the load has sent its last request; dividing them by the load's seconds alone
/// would report a rate the platform never delivered.
public enum RateWindow {
    public static func seconds(load loadSeconds: Double, from start: ContinuousClock.Instant,
                               until last: ContinuousClock.Instant?) -> Double {
        max(loadSeconds, last.map { ($0 - start).seconds } ?? 0, 0.001)
    }
}
