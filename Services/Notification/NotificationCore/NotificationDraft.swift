import Contracts
import Foundation

/// A notification the router wants sent to one company: what becomes a `notification.deliver`.
public struct NotificationDraft: Sendable, Hashable {
    public let recipient: CompanyID
    public let audience: NotificationAudience
    public let eventType: String
    public let parameters: [String: String]
    public let link: String?
    /// The event that caused it (for reminders: the invoice's `invoice-issued`).
    public let source: MessageID
    /// What makes the id: the source event id, or for reminders a stable text naming the reminder.
    public let idSeed: String
    public let occurredAt: Date

    /// Deterministic: the same source and recipient give the same id, so a repeat is a duplicate.
    public var notification: NotificationID {
        .derived(source: idSeed, recipient: recipient, eventType: eventType)
    }

    public var command: DeliverNotification {
        DeliverNotification(notification: notification, company: recipient, audience: audience, eventType: eventType,
                            parameters: parameters, link: link, source: source, occurredAt: occurredAt)
    }

    /// The `deliver` envelope for `notification.commands.v1` (key: the recipient). Its id derives
    /// from the notification id alone, so relaying again yields byte-identical commands.
    public func envelope(causedBy source: EnvelopeHeader?, tenant: String, occurredAt: Date) -> Envelope<NotificationCommand> {
        let id = MessageID.derived(from: notification.rawValue, DeliverNotification.messageType)
        return Envelope(id: id, occurredAt: occurredAt, causationId: source?.id,
                        correlationId: source?.correlationId ?? CorrelationID(id), tenant: source?.tenant ?? tenant,
                        key: recipient.rawValue, payload: .deliver(command))
    }
}

/// How notification texts show values: dates as "2026-12-31 09:30 UTC", money as "1234.56 CNY".
enum DisplayText {
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { let text = String(value ?? 0); return text.count < 2 ? "0" + text : text }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }
}
