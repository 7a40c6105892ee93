/// Identifier kinds of the notification service.
extension IdentifierKinds {
    public enum Notification: IdentifierTag { public static var kindName: String { "notification id" } }
    public enum Webhook: IdentifierTag { public static var kindName: String { "webhook id" } }
    public enum Delivery: IdentifierTag { public static var kindName: String { "delivery id" } }
}

/// One notification for one recipient company. Derived from its cause (`derived(source:...)`), so
/// relaying the same source event twice yields the same id and the second `deliver` is a duplicate.
public typealias NotificationID = Identifier<IdentifierKinds.Notification>
/// One webhook subscription of a company; chosen by the gateway, unique within the company.
public typealias WebhookID = Identifier<IdentifierKinds.Webhook>
/// One delivery of one notification over one channel to one target (a webhook or a user's email).
public typealias DeliveryID = Identifier<IdentifierKinds.Delivery>

extension Identifier where Tag == IdentifierKinds.Notification {
    /// The id of the notification `source` causes for `recipient`: the source event's id (or, for
    /// timer reminders, a stable description of what is reminded), the recipient company and the
    /// notification's event type, through `MessageID.derived` (part of the wire contract).
    public static func derived(source: String, recipient: CompanyID, eventType: String) -> NotificationID {
        NotificationID(uncheckedRawValue:
            MessageID.derived(from: source, "notification", recipient.rawValue, eventType).rawValue)
    }
}

extension Identifier where Tag == IdentifierKinds.Delivery {
    /// The id of the delivery of `notification` over `channel` to `target` (a webhook id or a user id).
    public static func derived(notification: NotificationID, channel: NotificationChannel, target: String) -> DeliveryID {
        DeliveryID(uncheckedRawValue:
            MessageID.derived(from: notification.rawValue, "delivery", channel.rawValue, target).rawValue)
    }
}
