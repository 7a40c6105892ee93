import Contracts

extension NotificationDecider.Context {
    /// Creates the notification: inbox recipients (the audience, minus users who muted the type's
    /// inbox), email deliveries (users who want email and set an address), webhook deliveries
    /// (every webhook subscribed to the type).
    func deliver(_ deliver: DeliverNotification) throws(Refusal) -> NotificationDecision {
        guard NotificationEventTypes.all.contains(deliver.eventType) else {
            throw Refusal(.unknownEventType, field: "eventType", "unknown event type \"\(deliver.eventType)\"")
        }
        if deliver.parameters.count > settings.maximumParameters {
            throw .invalid("parameters", "at most \(settings.maximumParameters) parameters, got \(deliver.parameters.count)")
        }
        for (name, value) in deliver.parameters.sorted(by: { $0.key < $1.key }) {
            if name.isEmpty || name.count > 64 || name.contains(where: { $0 == "{" || $0 == "}" }) {
                throw .invalid("parameters", "parameter name \"\(name)\" must be 1...64 characters without braces")
            }
            if value.count > settings.maximumParameterLength {
                throw .invalid("parameters.\(name)", "parameters.\(name) must be at most \(settings.maximumParameterLength) characters")
            }
        }
        try requireLink(deliver.link, field: "link")
        if state.hasSeen(deliver.notification, company: company) {
            return NotificationDecision(isDuplicate: true)
        }

        let audience = directory.users(of: company, in: deliver.audience)
        var recipients: [UserID] = []
        var plans: [PlannedDelivery] = []
        for user in audience {
            let preferences = notifications?.preferences(of: user) ?? .standard
            let channels = preferences.channels(for: deliver.eventType)
            if channels.contains(.inbox) { recipients.append(user) }
            if channels.contains(.email), let address = preferences.email {
                plans.append(PlannedDelivery(
                    delivery: .derived(notification: deliver.notification, channel: .email, target: user.rawValue),
                    channel: .email, user: user, address: address, locale: preferences.locale))
            }
        }
        let webhooks = (notifications?.webhooks.values.filter { $0.wants(deliver.eventType) } ?? [])
            .sorted { $0.webhook < $1.webhook }
        for webhook in webhooks {
            plans.append(PlannedDelivery(
                delivery: .derived(notification: deliver.notification, channel: .webhook, target: webhook.webhook.rawValue),
                channel: .webhook, webhook: webhook.webhook))
        }
        let created = NotificationCreated(
            commandId: command.id, notification: deliver.notification, company: company, eventType: deliver.eventType,
            parameters: directory.namingCompanies(in: deliver.parameters), link: deliver.link, source: deliver.source,
            occurredAt: deliver.occurredAt,
            at: now, recipients: recipients, deliveries: plans)
        let record = NotificationRecord(created)
        let jobs = plans.compactMap { plan in
            DeliveryJob.build(record: record, plan: plan, company: company,
                              webhooks: notifications?.webhooks ?? [:], settings: settings)
        }
        return NotificationDecision(events: [.created(created)], deliveries: jobs)
    }

    /// Several notifications for this company, each decided as its own `deliver` would be: one
    /// already seen (or twice in the batch) is skipped, a refused one is recorded as rejected
    /// under `notifications[i]` and the others are still created.
    func deliverBatch(_ batch: DeliverNotifications) throws(Refusal) -> NotificationDecision {
        guard (1...DeliverNotifications.maximumCount).contains(batch.notifications.count) else {
            throw .invalid("notifications", "a batch carries 1...\(DeliverNotifications.maximumCount) notifications, got \(batch.notifications.count)")
        }
        var events: [NotificationEvent] = []
        var jobs: [DeliveryJob] = []
        var firstRefusal: Refusal?
        var decided = Set<NotificationID>()
        for (index, notification) in batch.notifications.enumerated() {
            do throws(Refusal) {
                guard notification.company == company else {
                    throw .invalid("company", "the notification is for company \(notification.company), the batch for \(company)")
                }
                guard decided.insert(notification.notification).inserted else { continue }
                let decision = try deliver(notification)
                events += decision.events
                jobs += decision.deliveries
            } catch {
                let refusal = Refusal(error.code, field: "notifications[\(index)]" + (error.field.map { ".\($0)" } ?? ""), error.message)
                events += refused(refusal).events
                firstRefusal = firstRefusal ?? refusal
            }
        }
        return NotificationDecision(events: events, deliveries: jobs, rejection: firstRefusal, isDuplicate: events.isEmpty)
    }

    /// Settles a planned delivery. A delivery already settled is left as it is (a worker that
    /// reports twice, or late after a restart), so it is never planned or reported again.
    func recordDelivery(_ record: RecordDelivery) throws(Refusal) -> NotificationDecision {
        guard let notification = notifications?.record(record.notification) else {
            throw Refusal(.notificationNotFound, field: "notification",
                          "company \(company) has no notification \(record.notification)")
        }
        guard let delivery = notification.deliveries.first(where: { $0.plan.delivery == record.delivery }) else {
            throw Refusal(.deliveryNotFound, field: "delivery",
                          "notification \(record.notification) has no delivery \(record.delivery)")
        }
        guard record.attempts >= 1 else { throw .invalid("attempts", "attempts must be at least 1, got \(record.attempts)") }
        guard delivery.status == .pending else { return NotificationDecision(isDuplicate: true) }
        let lastError = record.lastError.map { String($0.prefix(settings.maximumErrorLength)) }
        switch record.outcome {
        case .delivered:
            return NotificationDecision(events: [.deliverySucceeded(DeliverySucceeded(
                commandId: command.id, company: company, notification: record.notification, delivery: record.delivery,
                attempts: record.attempts, at: record.at))])
        case .failed:
            guard let lastError, !lastError.allSatisfy(\.isWhitespace) else {
                throw .invalid("lastError", "a failed delivery needs the last error")
            }
            return NotificationDecision(events: [.deliveryFailed(DeliveryFailed(
                commandId: command.id, company: company, notification: record.notification, delivery: record.delivery,
                attempts: record.attempts, lastError: lastError, at: record.at))])
        }
    }
}
