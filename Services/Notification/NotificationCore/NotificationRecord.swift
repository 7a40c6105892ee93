import Contracts
import Foundation

/// One notification a company keeps: what it says, whose inbox shows it, who read it, and where
/// each of its deliveries stands.
public struct NotificationRecord: Sendable, Equatable, Codable {
    public let notification: NotificationID
    public let eventType: String
    public let parameters: [String: String]
    public let link: String?
    public let occurredAt: Date
    public let createdAt: Date
    public let recipients: [UserID]
    public internal(set) var readBy: Set<UserID> = []
    public internal(set) var deliveries: [DeliveryRecord]

    init(_ created: NotificationCreated) {
        notification = created.notification
        eventType = created.eventType
        parameters = created.parameters
        link = created.link
        occurredAt = created.occurredAt
        createdAt = created.at
        recipients = created.recipients
        deliveries = created.deliveries.map { DeliveryRecord(plan: $0, status: .pending, attempts: 0, lastError: nil, at: created.at) }
    }

    public var hasPendingDeliveries: Bool { deliveries.contains { $0.status == .pending } }

    func isRead(by user: UserID) -> Bool { readBy.contains(user) }
}

/// One planned delivery and how it stands.
public struct DeliveryRecord: Sendable, Equatable, Codable {
    public let plan: PlannedDelivery
    public internal(set) var status: DeliveryStatus
    public internal(set) var attempts: Int
    public internal(set) var lastError: String?
    /// When planned, then when settled.
    public internal(set) var at: Date
}

/// A company's webhook subscription, with its signing secret.
public struct Webhook: Sendable, Equatable, Codable {
    public let webhook: WebhookID
    public let url: String
    public let eventTypes: [String]
    let secret: String
    public let by: UserID
    public let createdAt: Date

    /// True when the subscription covers `eventType`.
    public func wants(_ eventType: String) -> Bool {
        eventTypes.contains(eventType) || eventTypes.contains(NotificationEventTypes.wildcard)
    }

    var secretHint: String { "…" + String(secret.suffix(4)) }
}
