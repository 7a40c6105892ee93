/// The answer to a notification command or query that carried a `replyTo` address, produced to the
/// asking gateway instance's partition of `gateway.replies.v1` with key `replyTo.instance`.
public struct NotificationReply: MessagePayload, Hashable {
    public static let messageType = "notification.command-reply"
    public static let messageVersion = 1

    public enum Outcome: Codable, Sendable, Hashable {
        /// A page of the user's inbox (`list-inbox`).
        case inbox(InboxPage)
        /// The company's webhooks (`list-webhooks`).
        case webhooks([WebhookView])
        /// The webhook as registered (`register-webhook`).
        case webhook(WebhookView)
        /// The user's preferences as they are now (`set-preferences`).
        case preferences(NotificationPreferences)
        /// Done; `affected` counts what changed (notifications marked read, webhooks removed,
        /// companies an announcement goes to).
        case done(affected: Int)
        /// Refused; `field` names the command field at fault (e.g. "url").
        case rejected(code: RejectionCode, message: String, field: String?)

        private enum CodingKeys: String, CodingKey {
            case kind = "kind", page = "page", webhooks = "webhooks", webhook = "webhook"
            case preferences = "preferences", affected = "affected", code = "code", message = "message"
            case field = "field"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try container.decode(String.self, forKey: .kind)
            switch kind {
            case "inbox": self = .inbox(try container.decode(InboxPage.self, forKey: .page))
            case "webhooks": self = .webhooks(try container.decode([WebhookView].self, forKey: .webhooks))
            case "webhook": self = .webhook(try container.decode(WebhookView.self, forKey: .webhook))
            case "preferences":
                self = .preferences(try container.decode(NotificationPreferences.self, forKey: .preferences))
            case "done": self = .done(affected: try container.decode(Int.self, forKey: .affected))
            case "rejected":
                self = .rejected(code: try container.decode(RejectionCode.self, forKey: .code),
                                 message: try container.decode(String.self, forKey: .message),
                                 field: try container.decodeIfPresent(String.self, forKey: .field))
            default:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "unknown reply outcome \"\(kind)\"")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case let .inbox(page):
                try container.encode("inbox", forKey: .kind)
                try container.encode(page, forKey: .page)
            case let .webhooks(webhooks):
                try container.encode("webhooks", forKey: .kind)
                try container.encode(webhooks, forKey: .webhooks)
            case let .webhook(webhook):
                try container.encode("webhook", forKey: .kind)
                try container.encode(webhook, forKey: .webhook)
            case let .preferences(preferences):
                try container.encode("preferences", forKey: .kind)
                try container.encode(preferences, forKey: .preferences)
            case let .done(affected):
                try container.encode("done", forKey: .kind)
                try container.encode(affected, forKey: .affected)
            case let .rejected(code, message, field):
                try container.encode("rejected", forKey: .kind)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encodeIfPresent(field, forKey: .field)
            }
        }
    }

    /// The gateway's request id, copied from `replyTo.requestId`.
    public let requestId: String
    /// The command answered.
    public let commandId: MessageID
    public let outcome: Outcome

    public init(requestId: String, commandId: MessageID, outcome: Outcome) {
        self.requestId = requestId
        self.commandId = commandId
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case requestId = "requestId", commandId = "commandId", outcome = "outcome"
    }
}

extension NotificationReply: SingleMessageFamily {}
