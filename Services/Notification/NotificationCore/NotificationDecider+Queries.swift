import Contracts

extension NotificationDecider.Context {
    /// A page of the user's inbox, newest first, rendered in the user's language.
    func listInbox(_ query: ListInbox) throws(Refusal) -> NotificationDecision {
        try requireReplyAddress()
        guard (1...settings.maximumPageSize).contains(query.limit) else {
            throw .invalid("limit", "limit must be between 1 and \(settings.maximumPageSize), got \(query.limit)")
        }
        if let type = query.eventType, !NotificationEventTypes.all.contains(type) {
            throw Refusal(.unknownEventType, field: "eventType", "unknown event type \"\(type)\"")
        }
        var inbox = notifications?.inbox(of: query.user) ?? []
        if let before = query.before {
            guard let position = inbox.firstIndex(where: { $0.notification == before }) else {
                throw Refusal(.notificationNotFound, field: "before", "user \(query.user) has no notification \(before)")
            }
            inbox = Array(inbox[(position + 1)...])
        }
        if query.unreadOnly { inbox = inbox.filter { !$0.isRead(by: query.user) } }
        if let type = query.eventType { inbox = inbox.filter { $0.content.eventType == type } }
        let locale = notifications?.preferences(of: query.user).locale
        let page = inbox.prefix(query.limit).map { record in
            let content = record.content
            let rendered = Templates.render(content.eventType, parameters: content.parameters, locale: locale)
            return InboxItem(notification: record.notification, eventType: content.eventType, title: rendered.title,
                             body: rendered.body, link: content.link, createdAt: content.createdAt,
                             read: record.isRead(by: query.user))
        }
        let more = inbox.count > query.limit
        let result = InboxPage(items: page, unread: notifications?.unreadCount(of: query.user) ?? 0,
                               nextBefore: more ? page.last?.notification : nil)
        return NotificationDecision(reply: reply(.inbox(result)))
    }

    /// The company's webhooks, by id, each with its recent deliveries.
    func listWebhooks(_ query: ListWebhooks) throws(Refusal) -> NotificationDecision {
        try requireReplyAddress()
        let webhooks = (notifications?.webhooks.values.sorted { $0.webhook < $1.webhook } ?? []).map(view(of:))
        return NotificationDecision(reply: reply(.webhooks(webhooks)))
    }
}
