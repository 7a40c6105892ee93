/// One delivery a notification needs, decided when it was created: to one webhook of the company,
/// or by email to one user. Recorded in `notification.created`, so the deliveries still owed after
/// a restart are known from the event topic alone.
public struct PlannedDelivery: Codable, Sendable, Hashable {
    public let delivery: DeliveryID
    /// `webhook` or `email`.
    public let channel: NotificationChannel
    /// For `webhook`.
    public let webhook: WebhookID?
    /// For `email`: the user, their address and template language at the time of planning.
    public let user: UserID?
    public let address: String?
    public let locale: String?

    public init(delivery: DeliveryID, channel: NotificationChannel, webhook: WebhookID? = nil, user: UserID? = nil,
                address: String? = nil, locale: String? = nil) {
        self.delivery = delivery
        self.channel = channel
        self.webhook = webhook
        self.user = user
        self.address = address
        self.locale = locale
    }

    private enum CodingKeys: String, CodingKey {
        case delivery = "delivery", channel = "channel", webhook = "webhook", user = "user", address = "address"
        case locale = "locale"
    }
}

/// How a delivery ended, as the delivery worker reports it.
public enum DeliveryOutcome: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// The endpoint answered 2xx (webhook) or the relay accepted the message (email).
    case delivered = "delivered"
    /// Every attempt failed; the delivery went to the dead-letter topic.
    case failed = "failed"
}
