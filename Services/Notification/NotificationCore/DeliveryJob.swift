import Contracts
import Crypto
import Foundation

/// One delivery to attempt: everything a delivery worker needs, so it makes no decision itself.
/// Workers attempt a job, retry by `DeliveryBackoff`, and report the outcome with a
/// `notification.record-delivery` command carrying `company`, `notification` and `delivery`.
public struct DeliveryJob: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case webhook(WebhookRequest)
        case email(EmailMessage)
    }

    public let company: CompanyID
    public let notification: NotificationID
    public let delivery: DeliveryID
    public let eventType: String
    public let target: Target

    /// Jobs of one queue run one after another; different queues never wait for each other, so one
    /// slow endpoint delays only its own deliveries. "webhook:<company>/<webhook>" or "email".
    public var queue: String {
        switch target {
        case let .webhook(request): "webhook:\(company.rawValue)/\(request.webhook.rawValue)"
        case .email: "email"
        }
    }

    /// The outcome as the command the worker sends to `notification.commands.v1` (key: company).
    public func outcome(_ outcome: DeliveryOutcome, attempts: Int, lastError: String?, at: Date) -> NotificationCommand {
        .recordDelivery(RecordDelivery(company: company, notification: notification, delivery: delivery,
                                       outcome: outcome, attempts: attempts, lastError: lastError, at: at))
    }

    /// The job for `plan` of `record`; nil for a webhook that no longer exists or an email plan
    /// without an address.
    static func build(record: NotificationRecord, plan: PlannedDelivery, company: CompanyID,
                      webhooks: [WebhookID: Webhook], settings: NotificationSettings) -> DeliveryJob? {
        // Unpacked once: every field read below comes from it.
        let content = record.content
        switch plan.channel {
        case .webhook:
            guard let id = plan.webhook, let webhook = webhooks[id] else { return nil }
            let body = WebhookPayload(notification: record.notification, content: content, company: company).bytes
            let request = WebhookRequest(webhook: id, url: webhook.url, body: body, secret: webhook.secret,
                                         eventId: record.notification.rawValue, eventType: content.eventType)
            return DeliveryJob(company: company, notification: record.notification, delivery: plan.delivery,
                               eventType: content.eventType, target: .webhook(request))
        case .email:
            guard let address = plan.address else { return nil }
            let rendered = Templates.render(content.eventType, parameters: content.parameters, locale: plan.locale)
            var body = rendered.body
            if let link = content.link {
                body += "\n\n" + (link.hasPrefix("/") ? settings.consoleBaseURL + link : link)
            }
            let message = EmailMessage(
                fromName: settings.emailFromName, fromAddress: settings.emailFromAddress, to: address,
                subject: rendered.title, body: body, date: content.createdAt,
                messageID: "\(plan.delivery.rawValue)@\(settings.messageIDDomain)")
            return DeliveryJob(company: company, notification: record.notification, delivery: plan.delivery,
                               eventType: content.eventType, target: .email(message))
        case .inbox:
            return nil
        }
    }
}

/// One webhook POST, signed at the moment it is sent (`headers(at:)`): the body and event id are
/// the same on every attempt, the signature timestamp is the attempt's.
public struct WebhookRequest: Sendable, Equatable {
    public let webhook: WebhookID
    public let url: String
    /// JSON, `Content-Type: application/json`.
    public let body: [UInt8]
    let secret: String
    public let eventId: String
    public let eventType: String

    /// `Content-Type` plus the `Tradeflow-Signature`, `Tradeflow-Event-Id` and `Tradeflow-Event-Type`
    /// headers for an attempt at `unixSeconds`.
    public func headers(at unixSeconds: Int64) throws(CryptoError) -> [(name: String, value: String)] {
        [("Content-Type", "application/json")]
            + (try WebhookSignature.headers(body: body, secret: secret, timestamp: unixSeconds,
                                            eventId: eventId, eventType: eventType))
    }

    public static func == (lhs: WebhookRequest, rhs: WebhookRequest) -> Bool {
        lhs.webhook == rhs.webhook && lhs.url == rhs.url && lhs.body == rhs.body && lhs.secret == rhs.secret
            && lhs.eventId == rhs.eventId && lhs.eventType == rhs.eventType
    }
}

/// The JSON body of a webhook delivery (keys sorted, like the wire):
/// `{"company","createdAt","data":{...},"id","link","occurredAt","type"}`.
struct WebhookPayload: Encodable {
    let id: NotificationID
    let type: String
    let company: CompanyID
    let occurredAt: Date
    let createdAt: Date
    let data: [String: String]
    let link: String?

    init(notification: NotificationID, content: NotificationRecord.Content, company: CompanyID) {
        id = notification
        type = content.eventType
        self.company = company
        occurredAt = content.occurredAt
        createdAt = content.createdAt
        data = content.parameters
        link = content.link
    }

    /// Dates come from the wire, so encoding cannot fail; "{}" guards the impossible case.
    var bytes: [UInt8] { (try? WireFormat.encodeValue(self)) ?? Array("{}".utf8) }
}
