import Foundation

/// One notification in a user's inbox, rendered in the user's language.
public struct InboxItem: Codable, Sendable, Hashable {
    public let notification: NotificationID
    public let eventType: String
    public let title: String
    public let body: String
    public let link: String?
    public let createdAt: Date
    public let read: Bool

    public init(notification: NotificationID, eventType: String, title: String, body: String, link: String?,
                createdAt: Date, read: Bool) {
        self.notification = notification
        self.eventType = eventType
        self.title = title
        self.body = body
        self.link = link
        self.createdAt = WireTimestamp.roundedToMilliseconds(createdAt)
        self.read = read
    }

    private enum CodingKeys: String, CodingKey {
        case notification = "notification", eventType = "eventType", title = "title", body = "body", link = "link"
        case createdAt = "createdAt", read = "read"
    }
}

/// A page of a user's inbox, newest first. Ask for the next page with `before: nextBefore`.
public struct InboxPage: Codable, Sendable, Hashable {
    public let items: [InboxItem]
    /// Unread notifications of the user in the whole inbox (for the badge).
    public let unread: Int
    /// Absent on the last page.
    public let nextBefore: NotificationID?

    public init(items: [InboxItem], unread: Int, nextBefore: NotificationID?) {
        self.items = items
        self.unread = unread
        self.nextBefore = nextBefore
    }

    private enum CodingKeys: String, CodingKey {
        case items = "items", unread = "unread", nextBefore = "nextBefore"
    }
}
