/// Limits and delivery settings of the notification core (DESIGN principle 8: a limit on every
/// size). Read from the environment once by the service and passed in.
public struct NotificationSettings: Sendable, Equatable, Codable {
    /// Notifications kept per company, newest first: the inbox shows at most these. Older ones are
    /// forgotten (never one with a delivery still pending). 1,000 × ~1 KB = ~1 MB per company.
    public var maximumNotificationsPerCompany = 1_000
    /// Notification ids remembered per company to recognise a repeated `deliver` (crash replay,
    /// a relay restarted from an older offset); about 110 B each. A repeat comes from input after
    /// the relay's last committed offset (seconds of traffic), so three times the inbox covers it
    /// with room: ~330 KB per company (10,000 was ~1.1 MB per company, ~120 MB of a 110-company
    /// platform's notification service at its plateau, for replays that never reach that far).
    public var rememberedNotificationsPerCompany = 3_000
    /// Other command ids remembered per company (with their rejection, if any).
    public var rememberedCommandsPerCompany = 1_000
    public var maximumWebhooksPerCompany = 10
    public var maximumURLLength = 2_048
    public var maximumEventTypesPerWebhook = 32
    public var secretLength = 16...256
    public var maximumParameters = 32
    public var maximumParameterLength = 2_000
    public var maximumIdsPerMarkRead = 100
    public var maximumPageSize = 100
    public var maximumAnnouncementRecipients = 1_000
    public var maximumTitleLength = 200
    public var maximumBodyLength = 4_000
    public var maximumErrorLength = 500
    /// Recent deliveries shown per webhook in `list-webhooks`.
    public var recentDeliveriesPerWebhook = 20
    /// The sender of notification emails.
    public var emailFromName = "Tradeflow"
    public var emailFromAddress = "no-reply@tradeflow.example"
    /// The right-hand side of Message-IDs.
    public var messageIDDomain = "notification.tradeflow.example"
    /// Prefixed to relative links (e.g. "/v1/orders/O-1") in emails.
    public var consoleBaseURL = "https://console.tradeflow.example"

    public init() {}

    public static let standard = NotificationSettings()
}
