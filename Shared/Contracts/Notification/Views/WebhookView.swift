import Foundation

/// Where one delivery stands.
public enum DeliveryStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    case pending = "pending"
    case succeeded = "succeeded"
    case failed = "failed"
}

/// One recent delivery to a webhook, as the company's webhook list shows it.
public struct DeliveryStatusView: Codable, Sendable, Hashable {
    public let delivery: DeliveryID
    public let notification: NotificationID
    public let eventType: String
    public let status: DeliveryStatus
    public let attempts: Int
    public let lastError: String?
    /// When it was planned (pending) or settled.
    public let at: Date

    public init(delivery: DeliveryID, notification: NotificationID, eventType: String, status: DeliveryStatus,
                attempts: Int, lastError: String?, at: Date) {
        self.delivery = delivery
        self.notification = notification
        self.eventType = eventType
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case delivery = "delivery", notification = "notification", eventType = "eventType", status = "status"
        case attempts = "attempts", lastError = "lastError", at = "at"
    }
}

/// A webhook subscription as the company sees it: never the secret, only its last four characters.
public struct WebhookView: Codable, Sendable, Hashable {
    public let webhook: WebhookID
    public let url: String
    public let eventTypes: [String]
    public let secretHint: String
    public let createdAt: Date
    /// Newest first.
    public let recentDeliveries: [DeliveryStatusView]

    public init(webhook: WebhookID, url: String, eventTypes: [String], secretHint: String, createdAt: Date,
                recentDeliveries: [DeliveryStatusView]) {
        self.webhook = webhook
        self.url = url
        self.eventTypes = eventTypes
        self.secretHint = secretHint
        self.createdAt = WireTimestamp.roundedToMilliseconds(createdAt)
        self.recentDeliveries = recentDeliveries
    }

    private enum CodingKeys: String, CodingKey {
        case webhook = "webhook", url = "url", eventTypes = "eventTypes", secretHint = "secretHint"
        case createdAt = "createdAt", recentDeliveries = "recentDeliveries"
    }
}
