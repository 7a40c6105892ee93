import Contracts

extension NotificationDecider.Context {
    func registerWebhook(_ register: RegisterWebhook) throws(Refusal) -> NotificationDecision {
        try requireMember(register.by, field: "by")
        if let problem = WebhookURL.problem(register.url, maximumLength: settings.maximumURLLength) {
            throw .invalid("url", problem)
        }
        if let host = WebhookURL.host(register.url), let problem = webhookHostProblem(host) {
            throw .invalid("url", problem)
        }
        if register.eventTypes.isEmpty { throw .invalid("eventTypes", "name at least one event type, or \"*\"") }
        if register.eventTypes.count > settings.maximumEventTypesPerWebhook {
            throw .invalid("eventTypes", "at most \(settings.maximumEventTypesPerWebhook) event types")
        }
        for (index, type) in register.eventTypes.enumerated() where !NotificationEventTypes.isValidFilter(type) {
            throw Refusal(.unknownEventType, field: "eventTypes[\(index)]",
                          "unknown event type \"\(type)\"; use one of \(NotificationEventTypes.all.joined(separator: ", ")) or \"*\"")
        }
        let secretOK = settings.secretLength.contains(register.secret.utf8.count)
            && register.secret.unicodeScalars.allSatisfy { (0x21...0x7e).contains($0.value) }
        if !secretOK {
            throw .invalid("secret", "secret must be \(settings.secretLength.lowerBound)...\(settings.secretLength.upperBound) printable ASCII characters")
        }
        let eventTypes = Array(Set(register.eventTypes)).sorted()
        let webhooks = notifications?.webhooks ?? [:]
        if let existing = webhooks[register.webhook] {
            guard existing.url == register.url, existing.eventTypes == eventTypes, existing.secret == register.secret else {
                throw Refusal(.webhookExists, field: "webhook",
                              "webhook \(register.webhook) is already registered with other settings; remove it first")
            }
            return NotificationDecision(reply: reply(.webhook(view(of: existing))))
        }
        if webhooks.count >= settings.maximumWebhooksPerCompany {
            throw Refusal(.webhookLimitReached, field: "webhook",
                          "company \(company) already has \(webhooks.count) webhooks; at most \(settings.maximumWebhooksPerCompany)")
        }
        let registered = WebhookRegistered(commandId: command.id, company: company, webhook: register.webhook,
                                           url: register.url, eventTypes: eventTypes, secret: register.secret,
                                           by: register.by, at: now)
        let webhook = Webhook(webhook: register.webhook, url: register.url, eventTypes: eventTypes,
                              secret: register.secret, by: register.by, createdAt: now)
        return NotificationDecision(events: [.webhookRegistered(registered)], reply: reply(.webhook(view(of: webhook))))
    }

    func removeWebhook(_ remove: RemoveWebhook) throws(Refusal) -> NotificationDecision {
        try requireMember(remove.by, field: "by")
        guard notifications?.webhooks[remove.webhook] != nil else {
            throw Refusal(.webhookNotFound, field: "webhook", "company \(company) has no webhook \(remove.webhook)")
        }
        let removed = WebhookRemoved(commandId: command.id, company: company, webhook: remove.webhook, by: remove.by, at: now)
        return NotificationDecision(events: [.webhookRemoved(removed)], reply: reply(.done(affected: 1)))
    }

    func setPreferences(_ set: SetNotificationPreferences) throws(Refusal) -> NotificationDecision {
        try requireMember(set.user, field: "user")
        let preferences = set.preferences
        for (type, channels) in preferences.channels.sorted(by: { $0.key < $1.key }) {
            let field = "preferences.channels.\(type)"
            guard NotificationEventTypes.isValidFilter(type) else {
                throw Refusal(.unknownEventType, field: field, "unknown event type \"\(type)\"")
            }
            if channels.contains(.webhook) {
                throw .invalid(field, "webhooks are chosen by the company's webhook subscriptions, not by user preferences")
            }
            if channels.contains(.email), preferences.email == nil {
                throw .invalid("preferences.email", "email notifications need an email address")
            }
        }
        if let email = preferences.email, !EmailMessage.isValidAddress(email) {
            throw .invalid("preferences.email", "\"\(email)\" is not a plain email address like name@example.com")
        }
        if let locale = preferences.locale, !Templates.locales.contains(locale) {
            throw .invalid("preferences.locale", "locale must be one of \(Templates.locales.joined(separator: ", "))")
        }
        let event = NotificationPreferencesSet(commandId: command.id, company: company, user: set.user,
                                               preferences: preferences, at: now)
        return NotificationDecision(events: [.preferencesSet(event)], reply: reply(.preferences(preferences)))
    }

    func markRead(_ mark: MarkNotificationsRead) throws(Refusal) -> NotificationDecision {
        guard (1...settings.maximumIdsPerMarkRead).contains(mark.notifications.count) else {
            throw .invalid("notifications", "name 1...\(settings.maximumIdsPerMarkRead) notifications, got \(mark.notifications.count)")
        }
        var unread: [NotificationID] = []
        for (index, id) in mark.notifications.enumerated() {
            guard let record = notifications?.record(id), record.recipients.contains(mark.user) else {
                throw Refusal(.notificationNotFound, field: "notifications[\(index)]",
                              "user \(mark.user) has no notification \(id) in the inbox")
            }
            if !record.isRead(by: mark.user), !unread.contains(id) { unread.append(id) }
        }
        guard !unread.isEmpty else { return NotificationDecision(reply: reply(.done(affected: 0))) }
        let read = NotificationsRead(commandId: command.id, company: company, user: mark.user, notifications: unread, at: now)
        return NotificationDecision(events: [.read(read)], reply: reply(.done(affected: unread.count)))
    }
}
