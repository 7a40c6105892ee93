import Contracts

/// How the analytics service counts and how much it keeps: windows (published in every snapshot as
/// `AnalyticsWindows`) plus list bounds and duplicate-detection memory. Read from the environment
/// once in the service's `main` and passed in; the defaults are the numbers.
public struct AnalyticsPolicy: Sendable, Hashable, Codable {
    public var windows: AnalyticsWindows
    /// Top SKUs (per ranking) and breakdown entries before "other".
    public var topLimit: Int
    /// Longest list of buyers, stock SKUs, slow movers and suppliers in a view. Bounds keep a
    /// snapshot far below Kafka's 1 MiB message limit however large the platform grows.
    public var listLimit: Int
    /// Envelope ids remembered per partition key (buyer, SKU, payer) to drop replayed duplicates;
    /// the same window inventory and payment use for their own commands (crash replay is seconds
    /// of traffic, so a duplicate arrives long before 1,000 other events of its key).
    public var rememberedEventsPerKey: Int
    /// Ended orders remembered per buyer, so late events (capture after completion, a duplicate of
    /// a final event) still find the order after its working state is dropped.
    public var rememberedFinishedOrdersPerBuyer: Int

    public init(windows: AnalyticsWindows = .standard, topLimit: Int = 20, listLimit: Int = 200,
                rememberedEventsPerKey: Int = 1_000, rememberedFinishedOrdersPerBuyer: Int = 1_000) {
        precondition(topLimit > 0 && listLimit > 0, "list limits must be positive")
        precondition(rememberedEventsPerKey > 0 && rememberedFinishedOrdersPerBuyer > 0, "memory must be positive")
        precondition(windows.minuteBuckets > 0 && windows.hourBuckets > 0 && windows.dayBuckets > 0,
                     "bucket counts must be positive")
        precondition(windows.activeDays > 0 && windows.churnDays > 0 && windows.slowMoverDays > 0
                     && windows.onTimeShippingHours > 0, "windows must be positive")
        self.windows = windows
        self.topLimit = topLimit
        self.listLimit = listLimit
        self.rememberedEventsPerKey = rememberedEventsPerKey
        self.rememberedFinishedOrdersPerBuyer = rememberedFinishedOrdersPerBuyer
    }

    public static let standard = AnalyticsPolicy()
}
