/// The messages of `notification.events.v1`, keyed by company: notifications created and read,
/// webhook subscriptions, preferences and delivery outcomes. The notification service folds its
/// state from this topic.
public enum NotificationEvent: MessageFamily, Equatable {
    case created(NotificationCreated)
    case read(NotificationsRead)
    case webhookRegistered(WebhookRegistered)
    case webhookRemoved(WebhookRemoved)
    case preferencesSet(NotificationPreferencesSet)
    case deliverySucceeded(DeliverySucceeded)
    case deliveryFailed(DeliveryFailed)
    case commandRejected(NotificationCommandRejected)

    public static let messageTypes = [
        NotificationCreated.messageType, NotificationsRead.messageType, WebhookRegistered.messageType,
        WebhookRemoved.messageType, NotificationPreferencesSet.messageType, DeliverySucceeded.messageType,
        DeliveryFailed.messageType, NotificationCommandRejected.messageType,
    ]

    /// The command this event came from.
    public var commandId: MessageID {
        switch self {
        case let .created(event): event.commandId
        case let .read(event): event.commandId
        case let .webhookRegistered(event): event.commandId
        case let .webhookRemoved(event): event.commandId
        case let .preferencesSet(event): event.commandId
        case let .deliverySucceeded(event): event.commandId
        case let .deliveryFailed(event): event.commandId
        case let .commandRejected(event): event.commandId
        }
    }

    /// The company: the partition key of every notification event.
    public var company: CompanyID {
        switch self {
        case let .created(event): event.company
        case let .read(event): event.company
        case let .webhookRegistered(event): event.company
        case let .webhookRemoved(event): event.company
        case let .preferencesSet(event): event.company
        case let .deliverySucceeded(event): event.company
        case let .deliveryFailed(event): event.company
        case let .commandRejected(event): event.company
        }
    }

    /// The Kafka key: the company id.
    public var key: String { company.rawValue }

    public var messageType: String { Swift.type(of: body).messageType }

    public var messageVersion: Int { Swift.type(of: body).messageVersion }

    public func encodePayload(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if NotificationCreated.matches(messageType, version) {
            self = .created(try NotificationCreated(from: decoder))
        } else if NotificationsRead.matches(messageType, version) {
            self = .read(try NotificationsRead(from: decoder))
        } else if WebhookRegistered.matches(messageType, version) {
            self = .webhookRegistered(try WebhookRegistered(from: decoder))
        } else if WebhookRemoved.matches(messageType, version) {
            self = .webhookRemoved(try WebhookRemoved(from: decoder))
        } else if NotificationPreferencesSet.matches(messageType, version) {
            self = .preferencesSet(try NotificationPreferencesSet(from: decoder))
        } else if DeliverySucceeded.matches(messageType, version) {
            self = .deliverySucceeded(try DeliverySucceeded(from: decoder))
        } else if DeliveryFailed.matches(messageType, version) {
            self = .deliveryFailed(try DeliveryFailed(from: decoder))
        } else if NotificationCommandRejected.matches(messageType, version) {
            self = .commandRejected(try NotificationCommandRejected(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }

    /// The payload of whichever case this is: type, version and encoding come from it.
    private var body: any MessagePayload {
        switch self {
        case let .created(event): event
        case let .read(event): event
        case let .webhookRegistered(event): event
        case let .webhookRemoved(event): event
        case let .preferencesSet(event): event
        case let .deliverySucceeded(event): event
        case let .deliveryFailed(event): event
        case let .commandRejected(event): event
        }
    }
}
