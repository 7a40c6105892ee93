import AnalyticsCore
import Contracts
import Runtime

/// Analytics-only settings: how often snapshots go out, and the windows the numbers are counted
/// with (echoed in every snapshot, so readers never need this configuration).
struct AnalyticsSettings: Sendable {
    var policy: AnalyticsPolicy
    /// Changed scopes are published this often: the "real time" of the dashboards.
    var publishInterval: Duration
    /// Every known scope is republished this often, even without events, so that relative windows
    /// (minute buckets, active dealers, churn, slow movers) move on with the clock.
    var republishInterval: Duration

    enum Key {
        static let publishInterval = "TRADEFLOW_ANALYTICS_PUBLISH_INTERVAL_MS"
        static let republishInterval = "TRADEFLOW_ANALYTICS_REPUBLISH_SECONDS"
        static let onTimeHours = "TRADEFLOW_ANALYTICS_ON_TIME_HOURS"
        static let activeDays = "TRADEFLOW_ANALYTICS_ACTIVE_DAYS"
        static let churnDays = "TRADEFLOW_ANALYTICS_CHURN_DAYS"
        static let slowMoverDays = "TRADEFLOW_ANALYTICS_SLOW_MOVER_DAYS"
        static let utcOffset = "TRADEFLOW_ANALYTICS_UTC_OFFSET_SECONDS"
    }

    static func read(_ env: EnvironmentReader) -> AnalyticsSettings {
        let standard = AnalyticsWindows.standard
        let windows = AnalyticsWindows(
            onTimeShippingHours: env.int(Key.onTimeHours, default: standard.onTimeShippingHours, range: 1...(24 * 90)),
            activeDays: env.int(Key.activeDays, default: standard.activeDays, range: 1...366),
            churnDays: env.int(Key.churnDays, default: standard.churnDays, range: 1...3_660),
            slowMoverDays: env.int(Key.slowMoverDays, default: standard.slowMoverDays, range: 1...3_660),
            // Real offsets lie within UTC-12 ... UTC+14.
            utcOffsetSeconds: env.int(Key.utcOffset, default: standard.utcOffsetSeconds, range: -(12 * 3_600)...(14 * 3_600)),
            minuteBuckets: standard.minuteBuckets, hourBuckets: standard.hourBuckets, dayBuckets: standard.dayBuckets)
        let publish = env.int(Key.publishInterval, default: 1_000, range: 50...60_000)
        let republish = env.int(Key.republishInterval, default: 60, range: 1...86_400)
        return AnalyticsSettings(policy: AnalyticsPolicy(windows: windows), publishInterval: .milliseconds(publish),
                                 republishInterval: .seconds(republish))
    }
}
