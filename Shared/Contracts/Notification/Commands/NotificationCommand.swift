/// The messages of `notification.commands.v1` (keyed by company): notifications to deliver (from
/// the relay that reads order, payment and inventory events), settings and queries from the
/// gateway, and delivery outcomes from the delivery workers. So everything about one company's
/// notifications is decided in sequence by the single writer of its partition.
public enum NotificationCommand: MessageFamily, Equatable {
    case deliver(DeliverNotification)
    case deliverBatch(DeliverNotifications)
    case registerWebhook(RegisterWebhook)
    case removeWebhook(RemoveWebhook)
    case setPreferences(SetNotificationPreferences)
    case markRead(MarkNotificationsRead)
    case recordDelivery(RecordDelivery)
    case announce(AnnounceNotification)
    case listInbox(ListInbox)
    case listWebhooks(ListWebhooks)

    public static let messageTypes = [
        DeliverNotification.messageType, DeliverNotifications.messageType, RegisterWebhook.messageType, RemoveWebhook.messageType,
        SetNotificationPreferences.messageType, MarkNotificationsRead.messageType, RecordDelivery.messageType,
        AnnounceNotification.messageType, ListInbox.messageType, ListWebhooks.messageType,
    ]

    /// The company the command is about: the partition key.
    public var company: CompanyID {
        switch self {
        case let .deliver(command): command.company
        case let .deliverBatch(command): command.company
        case let .registerWebhook(command): command.company
        case let .removeWebhook(command): command.company
        case let .setPreferences(command): command.company
        case let .markRead(command): command.company
        case let .recordDelivery(command): command.company
        case let .announce(command): command.company
        case let .listInbox(query): query.company
        case let .listWebhooks(query): query.company
        }
    }

    /// The Kafka key: the company id.
    public var key: String { company.rawValue }

    /// Where the answer goes, if the sender waits for one.
    public var replyTo: ReplyAddress? {
        switch self {
        case .deliver, .deliverBatch, .recordDelivery: nil
        case let .registerWebhook(command): command.replyTo
        case let .removeWebhook(command): command.replyTo
        case let .setPreferences(command): command.replyTo
        case let .markRead(command): command.replyTo
        case let .announce(command): command.replyTo
        case let .listInbox(query): query.replyTo
        case let .listWebhooks(query): query.replyTo
        }
    }

    /// Queries change nothing and are never recorded as handled.
    public var isQuery: Bool {
        switch self {
        case .listInbox, .listWebhooks: true
        default: false
        }
    }

    public var messageType: String { Swift.type(of: body).messageType }

    public var messageVersion: Int { Swift.type(of: body).messageVersion }

    public func encodePayload(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if DeliverNotification.matches(messageType, version) {
            self = .deliver(try DeliverNotification(from: decoder))
        } else if DeliverNotifications.matches(messageType, version) {
            self = .deliverBatch(try DeliverNotifications(from: decoder))
        } else if RegisterWebhook.matches(messageType, version) {
            self = .registerWebhook(try RegisterWebhook(from: decoder))
        } else if RemoveWebhook.matches(messageType, version) {
            self = .removeWebhook(try RemoveWebhook(from: decoder))
        } else if SetNotificationPreferences.matches(messageType, version) {
            self = .setPreferences(try SetNotificationPreferences(from: decoder))
        } else if MarkNotificationsRead.matches(messageType, version) {
            self = .markRead(try MarkNotificationsRead(from: decoder))
        } else if RecordDelivery.matches(messageType, version) {
            self = .recordDelivery(try RecordDelivery(from: decoder))
        } else if AnnounceNotification.matches(messageType, version) {
            self = .announce(try AnnounceNotification(from: decoder))
        } else if ListInbox.matches(messageType, version) {
            self = .listInbox(try ListInbox(from: decoder))
        } else if ListWebhooks.matches(messageType, version) {
            self = .listWebhooks(try ListWebhooks(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }

    /// The payload of whichever case this is: type, version and encoding come from it.
    private var body: any MessagePayload {
        switch self {
        case let .deliver(command): command
        case let .deliverBatch(command): command
        case let .registerWebhook(command): command
        case let .removeWebhook(command): command
        case let .setPreferences(command): command
        case let .markRead(command): command
        case let .recordDelivery(command): command
        case let .announce(command): command
        case let .listInbox(query): query
        case let .listWebhooks(query): query
        }
    }
}
