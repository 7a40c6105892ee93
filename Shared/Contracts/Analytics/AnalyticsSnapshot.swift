import Foundation

/// One company's dashboards (or the platform operator's), as published by the analytics service on
/// `analytics.snapshots.v1` (compacted, key `scope.key`) and served by the gateway from its replica.
///
/// Compaction keeps only the latest record per key, so a snapshot is the complete analytics state of
/// its key: a company that both sells and buys gets one view per role in `views`, never one record
/// per role (a second record under the same key would erase the first).
///
/// All numbers are folds of `order.events.v1`, `inventory.events.v1` and `payment.events.v1` from
/// their beginning; replaying the topics gives the same snapshot for the same `asOf`. Windows ("last
/// 30 days", bucket ranges) are measured back from `asOf`, and `windows` says how long they are.
/// Money is integer minor units; amounts in several currencies are never added together, so every
/// amount is a list with one `Money` per currency, sorted by currency code.
public struct AnalyticsSnapshot: MessagePayload, Hashable {
    public static let messageType = "analytics.snapshot"
    public static let messageVersion = 1

    public let scope: AnalyticsScope
    /// The time the numbers are as of: the analytics service's clock when it built the snapshot.
    public let asOf: Date
    public let windows: AnalyticsWindows
    /// One per role the company has numbers in, sorted by role; empty when it has none yet.
    public let views: [AnalyticsView]

    public init(scope: AnalyticsScope, asOf: Date, windows: AnalyticsWindows, views: [AnalyticsView]) {
        self.scope = scope
        self.asOf = WireTimestamp.roundedToMilliseconds(asOf)
        self.windows = windows
        self.views = views
    }

    /// The Kafka key to produce the snapshot with.
    public var key: String { scope.key }

    /// The view of `role`, if the company has numbers in it.
    public func view(_ role: AnalyticsRole) -> AnalyticsView? { views.first { $0.role == role } }

    private enum CodingKeys: String, CodingKey {
        case scope = "scope", asOf = "asOf", windows = "windows", views = "views"
    }
}

extension AnalyticsSnapshot: SingleMessageFamily {}
