import Contracts
import Foundation
import Packing

/// One notification a company keeps: what it says, whose inbox shows it, who read it, and where
/// each of its deliveries stands.
///
/// What it says (type, parameters, link, times) is read only to render an inbox page or a
/// delivery, so it is kept `Packed` (see `NotificationRecord.Content`): a company keeps its latest
/// 1,000 notifications for as long as it exists (measured with 102 companies: heap in use 189 ->
/// 145 MB at the same point of a soak, peak RSS 545 -> 481 MiB after more orders). Who it is for,
/// who read it and its deliveries, which inbox filters and delivery outcomes read and change, stay
/// values.
public struct NotificationRecord: Sendable {
    public let notification: NotificationID
    public let recipients: [UserID]
    public internal(set) var readBy: Set<UserID> = []
    public internal(set) var deliveries: [DeliveryRecord]
    private let packedContent: Packed<Content>

    /// The words of a notification, unpacked on every read: read `content` once where several
    /// fields are needed.
    public struct Content: Packable, Equatable {
        public let eventType: String
        public let parameters: [String: String]
        public let link: String?
        public let occurredAt: Date
        public let createdAt: Date
    }

    init(_ created: NotificationCreated) {
        notification = created.notification
        recipients = created.recipients
        deliveries = created.deliveries.map { DeliveryRecord(plan: $0, status: .pending, attempts: 0, lastError: nil, at: created.at) }
        let content = Content(eventType: created.eventType, parameters: created.parameters, link: created.link,
                              occurredAt: created.occurredAt, createdAt: created.at)
        // Event dates are wire dates (years 0000-9999) and parameters are bounded, so packing does
        // not fail; the value is the whole notification, so there is nothing else to keep instead.
        packedContent = try! Packed(content)
    }

    public var content: Content { packedContent.unpackedOrStop() }
    public var eventType: String { content.eventType }
    public var parameters: [String: String] { content.parameters }
    public var link: String? { content.link }
    public var occurredAt: Date { content.occurredAt }
    public var createdAt: Date { content.createdAt }

    public var hasPendingDeliveries: Bool { deliveries.contains { $0.status == .pending } }

    func isRead(by user: UserID) -> Bool { readBy.contains(user) }
}

/// Equal when they say the same and stand the same, however the content's bytes came out.
extension NotificationRecord: Equatable {
    public static func == (lhs: NotificationRecord, rhs: NotificationRecord) -> Bool {
        lhs.notification == rhs.notification && lhs.recipients == rhs.recipients && lhs.readBy == rhs.readBy
            && lhs.deliveries == rhs.deliveries && lhs.content == rhs.content
    }
}

/// In a checkpoint the content stays packed (base64, with the dictionary's checksum).
extension NotificationRecord: Codable {
    private enum CodingKeys: String, CodingKey { case notification, recipients, readBy, deliveries, content }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        notification = try container.decode(NotificationID.self, forKey: .notification)
        recipients = try container.decode([UserID].self, forKey: .recipients)
        readBy = try container.decode(Set<UserID>.self, forKey: .readBy)
        deliveries = try container.decode([DeliveryRecord].self, forKey: .deliveries)
        packedContent = try container.decode(Packed<Content>.self, forKey: .content)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notification, forKey: .notification)
        try container.encode(recipients, forKey: .recipients)
        try container.encode(readBy, forKey: .readBy)
        try container.encode(deliveries, forKey: .deliveries)
        try container.encode(packedContent, forKey: .content)
    }
}

extension NotificationRecord.Content {
    /// The JSON of a notification's content with its keys in sorted order and the words order
    /// notifications repeat, values left empty. Changing it refuses checkpoints packed with the
    /// old text (rebuilt from the topic). Written in lines; the breaks are not part of it.
    public static let packingDictionary = Array(#"""
        {"createdAt":"2026-","eventType":"order.placed","link":"/v1/orders/O-","occurredAt":"2026-",
        "parameters":{"buyer":"co-","order":"O-","status":"reserving-stock","subOrder":"O--S-co-","total":".00 CNY"}}
        {"eventType":"order.sub-order-placed"}{"eventType":"order.confirmed","parameters":{"amount":".00 CNY","order":"O-"}}
        {"eventType":"order.sub-order-confirmed"}{"eventType":"order.shipped","parameters":{"carrier":"","order":"O-",
        "subOrder":"O--S-co-","supplier":"co-","trackingNumber":""}}{"eventType":"order.delivered"}{"eventType":"order.completed"}
        """#.split(separator: "\n").joined().utf8)
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
