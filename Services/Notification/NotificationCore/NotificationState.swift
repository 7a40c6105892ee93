import Contracts
import Foundation

/// What one notification partition knows: per company its notifications (inbox, read flags,
/// deliveries), webhooks and users' preferences, plus the ids of recent commands. A pure fold of
/// the partition of `notification.events.v1` (`apply`); `Codable` for local checkpoints.
public struct NotificationState: Sendable, Equatable, Codable {
    public let settings: NotificationSettings
    public private(set) var companies: [CompanyID: CompanyNotifications] = [:]

    public init(settings: NotificationSettings = .standard) {
        self.settings = settings
    }

    public func company(_ company: CompanyID) -> CompanyNotifications? { companies[company] }

    /// True when a `deliver` of `notification` was already decided for `company`.
    public func hasSeen(_ notification: NotificationID, company: CompanyID) -> Bool {
        companies[company]?.seenNotifications.contains(notification) ?? false
    }

    /// True when the command was handled recently enough to be remembered.
    public func hasHandled(_ commandId: MessageID, company: CompanyID) -> Bool {
        companies[company]?.recentCommands.contains(commandId) ?? false
    }

    /// Every delivery still owed, oldest notification first: what the service (re)starts after a
    /// restart or a partition assignment. Deliveries recorded as succeeded or failed are never
    /// listed again; deliveries to a removed webhook are dropped.
    public func pendingDeliveries() -> [DeliveryJob] {
        companies.keys.sorted().flatMap { pendingDeliveries(of: $0) }
    }

    public func pendingDeliveries(of company: CompanyID) -> [DeliveryJob] {
        guard let notifications = companies[company] else { return [] }
        return notifications.records.flatMap { record in
            record.deliveries.filter { $0.status == .pending }.compactMap { delivery in
                DeliveryJob.build(record: record, plan: delivery.plan, company: company,
                                  webhooks: notifications.webhooks, settings: settings)
            }
        }
    }
}

extension NotificationState {
    /// Folding events into state: the only way state changes. Applying an event twice leaves the
    /// state as applying it once.
    public mutating func apply(_ event: NotificationEvent) {
        let company = event.company
        var notifications = companies.removeValue(forKey: company)
            ?? CompanyNotifications(company: company, settings: settings)
        notifications.apply(event, settings: settings)
        if let forgotten = notifications.recentCommands.remember(event.commandId) {
            notifications.rejections.removeValue(forKey: forgotten)
        }
        companies[company] = notifications
    }

    /// The state after `events`, in order.
    public func applying(_ events: [NotificationEvent]) -> NotificationState {
        var next = self
        for event in events { next.apply(event) }
        return next
    }
}

extension CompanyNotifications {
    mutating func apply(_ event: NotificationEvent, settings: NotificationSettings) {
        switch event {
        case let .created(created):
            guard !seenNotifications.contains(created.notification) else { return }
            seenNotifications.remember(created.notification)
            records.append(NotificationRecord(created))
            trim(to: settings.maximumNotificationsPerCompany)
        case let .read(read):
            let ids = Set(read.notifications)
            for index in records.indices where ids.contains(records[index].notification) {
                records[index].readBy.insert(read.user)
            }
        case let .webhookRegistered(registered):
            webhooks[registered.webhook] = Webhook(
                webhook: registered.webhook, url: registered.url, eventTypes: registered.eventTypes,
                secret: registered.secret, by: registered.by, createdAt: registered.at)
        case let .webhookRemoved(removed):
            webhooks.removeValue(forKey: removed.webhook)
            for index in records.indices {
                for slot in records[index].deliveries.indices
                where records[index].deliveries[slot].plan.webhook == removed.webhook
                    && records[index].deliveries[slot].status == .pending {
                    records[index].deliveries[slot].status = .failed
                    records[index].deliveries[slot].lastError = "webhook removed"
                    records[index].deliveries[slot].at = removed.at
                }
            }
        case let .preferencesSet(set):
            preferences[set.user] = set.preferences
        case let .deliverySucceeded(succeeded):
            settle(succeeded.notification, succeeded.delivery, .succeeded, succeeded.attempts, nil, succeeded.at)
        case let .deliveryFailed(failed):
            settle(failed.notification, failed.delivery, .failed, failed.attempts, failed.lastError, failed.at)
        case let .commandRejected(rejected):
            rejections[rejected.commandId] = Rejection(code: rejected.code, field: rejected.field, reason: rejected.reason)
        }
    }

    private mutating func settle(_ notification: NotificationID, _ delivery: DeliveryID, _ status: DeliveryStatus,
                                 _ attempts: Int, _ lastError: String?, _ at: Date) {
        guard let index = recordIndex(notification),
              let slot = records[index].deliveries.firstIndex(where: { $0.plan.delivery == delivery }),
              records[index].deliveries[slot].status == .pending else { return }
        records[index].deliveries[slot].status = status
        records[index].deliveries[slot].attempts = attempts
        records[index].deliveries[slot].lastError = lastError
        records[index].deliveries[slot].at = at
    }
}
