import Foundation

/// Command (delivery worker → notification): how a planned delivery ended, after `attempts` tries.
public struct RecordDelivery: MessagePayload {
    public static let messageType = "notification.record-delivery"
    public static let messageVersion = 1

    public let company: CompanyID
    public let notification: NotificationID
    public let delivery: DeliveryID
    public let outcome: DeliveryOutcome
    public let attempts: Int
    /// The last failure ("HTTP 503", "connection refused", "SMTP 550 ..."); absent when delivered
    /// at the first attempt.
    public let lastError: String?
    /// When the last attempt ended (the worker's clock).
    public let at: Date

    public init(company: CompanyID, notification: NotificationID, delivery: DeliveryID, outcome: DeliveryOutcome,
                attempts: Int, lastError: String?, at: Date) {
        self.company = company
        self.notification = notification
        self.delivery = delivery
        self.outcome = outcome
        self.attempts = attempts
        self.lastError = lastError
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", notification = "notification", delivery = "delivery", outcome = "outcome"
        case attempts = "attempts", lastError = "lastError", at = "at"
    }
}
