import Contracts
import Foundation

/// Decides notification commands against a partition's state. Pure: no clock (`now` is passed in),
/// no I/O, no globals. `directory` is the fold of `identity.events.v1` (users and roles per company).
///
/// - `deliver` of a notification id already seen is a duplicate: nothing happens again.
/// - Any other command already handled (by id) is a duplicate answered with its original
///   rejection, or the current view of what it changed.
/// - A refusal is published as `notification.command-rejected` (queries excepted) and answered as
///   `rejected`, naming the field at fault and why.
public struct NotificationDecider: Sendable {
    /// Why a webhook may not be registered with this host, or nil: the service's network rules
    /// (an address deliveries could never reach), beyond the URL rules every webhook meets.
    public typealias WebhookHostCheck = @Sendable (_ host: String) -> String?

    public let settings: NotificationSettings
    let webhookHostProblem: WebhookHostCheck

    public init(settings: NotificationSettings = .standard, webhookHostProblem: @escaping WebhookHostCheck = { _ in nil }) {
        self.settings = settings
        self.webhookHostProblem = webhookHostProblem
    }

    public func decide(_ command: Envelope<NotificationCommand>, state: NotificationState, directory: UserDirectory,
                       now: Date) -> NotificationDecision {
        let payload = command.payload
        let company = payload.company
        let context = Context(command: command, company: company, state: state,
                              notifications: state.company(company), directory: directory,
                              now: WireTime.rounded(now), settings: settings, webhookHostProblem: webhookHostProblem)
        if !payload.isQuery, state.hasHandled(command.id, company: company) {
            return NotificationDecision(reply: context.repeatedReply(), isDuplicate: true)
        }
        do throws(Refusal) {
            switch payload {
            case let .deliver(deliver): return try context.deliver(deliver)
            case let .deliverBatch(batch): return try context.deliverBatch(batch)
            case let .registerWebhook(register): return try context.registerWebhook(register)
            case let .removeWebhook(remove): return try context.removeWebhook(remove)
            case let .setPreferences(set): return try context.setPreferences(set)
            case let .markRead(mark): return try context.markRead(mark)
            case let .recordDelivery(record): return try context.recordDelivery(record)
            case let .announce(announce): return try context.announce(announce)
            case let .listInbox(query): return try context.listInbox(query)
            case let .listWebhooks(query): return try context.listWebhooks(query)
            }
        } catch {
            return context.refused(error)
        }
    }

    /// What one handling works with.
    struct Context {
        let command: Envelope<NotificationCommand>
        let company: CompanyID
        let state: NotificationState
        /// The company's notifications; nil when nothing has happened to it yet.
        let notifications: CompanyNotifications?
        let directory: UserDirectory
        /// Rounded to whole milliseconds, the precision of the wire.
        let now: Date
        let settings: NotificationSettings
        let webhookHostProblem: WebhookHostCheck

        func reply(_ outcome: NotificationReply.Outcome) -> NotificationReply? {
            command.payload.replyTo.map { NotificationReply(requestId: $0.requestId, commandId: command.id, outcome: outcome) }
        }

        func refused(_ refusal: Refusal) -> NotificationDecision {
            let events: [NotificationEvent] = command.payload.isQuery ? [] : [.commandRejected(NotificationCommandRejected(
                commandId: command.id, company: company, commandType: command.payload.messageType, code: refusal.code,
                field: refusal.field, reason: refusal.message, at: now))]
            return NotificationDecision(events: events,
                                        reply: reply(.rejected(code: refusal.code, message: refusal.message, field: refusal.field)),
                                        rejection: refusal)
        }

        /// The answer to a command sent again: its rejection, or the current view.
        func repeatedReply() -> NotificationReply? {
            if let rejection = notifications?.rejections[command.id] {
                return reply(.rejected(code: rejection.code, message: rejection.reason, field: rejection.field))
            }
            switch command.payload {
            case let .registerWebhook(register):
                if let webhook = notifications?.webhooks[register.webhook] { return reply(.webhook(view(of: webhook))) }
                return reply(.done(affected: 0))
            case let .setPreferences(set):
                return reply(.preferences(notifications?.preferences(of: set.user) ?? .standard))
            default:
                return reply(.done(affected: 0))
            }
        }

        /// The directory must know `user` in this company, unless it does not know the company at
        /// all yet (identity lags behind: the gateway authenticated the user already).
        func requireMember(_ user: UserID, field: String) throws(Refusal) {
            guard directory.entry(company) != nil else { return }
            guard directory.isMember(user, of: company) else {
                throw Refusal(.accessDenied, field: field, "user \(user) is not an active user of company \(company)")
            }
        }

        func requireText(_ text: String, field: String, maximum: Int) throws(Refusal) {
            if text.allSatisfy(\.isWhitespace) { throw .invalid(field, "\(field) must not be blank") }
            if text.count > maximum { throw .invalid(field, "\(field) must be at most \(maximum) characters, got \(text.count)") }
            if let control = FreeText.controlCharacter(in: text) {
                throw .invalid(field, "\(field) must not contain control characters (\(control))")
            }
        }

        func requireReplyAddress() throws(Refusal) {
            if command.payload.replyTo == nil { throw .invalid("replyTo", "a query needs a replyTo address to answer to") }
        }

        /// A relative console path ("/v1/orders/O-1") or an http(s) URL.
        func requireLink(_ link: String?, field: String) throws(Refusal) {
            guard let link else { return }
            if link.hasPrefix("/"), !link.hasPrefix("//") {
                if link.count > settings.maximumURLLength || link.contains(where: { $0.isWhitespace || $0.isNewline }) {
                    throw .invalid(field, "\(field) must be a path of at most \(settings.maximumURLLength) characters without spaces")
                }
                return
            }
            if let problem = WebhookURL.problem(link, maximumLength: settings.maximumURLLength) {
                throw .invalid(field, problem.replacingOccurrences(of: "url", with: field))
            }
        }

        func view(of webhook: Webhook) -> WebhookView {
            var recent: [DeliveryStatusView] = []
            for record in (notifications?.records ?? []).reversed() where recent.count < settings.recentDeliveriesPerWebhook {
                for delivery in record.deliveries where delivery.plan.webhook == webhook.webhook {
                    recent.append(DeliveryStatusView(delivery: delivery.plan.delivery, notification: record.notification,
                                                     eventType: record.eventType, status: delivery.status,
                                                     attempts: delivery.attempts, lastError: delivery.lastError,
                                                     at: delivery.at))
                }
            }
            return WebhookView(webhook: webhook.webhook, url: webhook.url, eventTypes: webhook.eventTypes,
                               secretHint: webhook.secretHint, createdAt: webhook.createdAt,
                               recentDeliveries: Array(recent.prefix(settings.recentDeliveriesPerWebhook)))
        }
    }
}

/// The wire's time precision (Contracts' `WireTimestamp` is internal to Contracts).
enum WireTime {
    /// `date` at the wire's precision (whole milliseconds).
    static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
