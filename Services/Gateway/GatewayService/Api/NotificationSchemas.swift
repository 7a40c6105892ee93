import Contracts
import GatewayCore

/// OpenAPI schemas of the notification and webhook API.
enum NotificationSchemas {
    static let channels = Schema.map(.array(.enumeration(["inbox", "email"])))
    static let delivery = Schema.object([
        .init("delivery", .string), .init("notification", .string), .init("eventType", .string),
        .init("status", .enumeration(DeliveryStatus.allCases.map(\.rawValue))), .init("attempts", .integer),
        .init("lastError", .string, required: false), .init("at", .string(format: "date-time")),
    ])
    static let webhook = Schema.object([
        .init("webhook", .string), .init("url", .string(format: "uri")), .init("eventTypes", .array(.string)),
        .init("secretHint", .string(description: "the secret's last characters")), .init("createdAt", .string(format: "date-time")),
        .init("recentDeliveries", .array(delivery, maxItems: 20)),
    ])

    static let all: [String: Schema] = [
        "InboxPage": .object([
            .init("items", .array(.object([
                .init("notification", .string), .init("eventType", .string), .init("title", .string), .init("body", .string),
                .init("link", .string, required: false), .init("createdAt", .string(format: "date-time")), .init("read", .boolean),
            ]), maxItems: 100)),
            .init("unread", .integer), .init("nextBefore", .string, required: false),
        ]),
        "MarkRead": .object([.init("ids", .array(.string, maxItems: 100))]),
        "NotificationPreferences": .object([
            .init("channels", channels),
            .init("email", .string(format: "email"), required: false),
            .init("locale", .enumeration(["en", "zh"]), required: false),
        ]),
        "WebhookRegistration": .object([
            .init("id", .string(description: "optional; generated when left out"), required: false),
            .init("url", .string(format: "uri", description: "http(s), at most 2048 characters")),
            .init("eventTypes", .array(.enumeration(NotificationEventTypes.all + [NotificationEventTypes.wildcard]), maxItems: 32)),
        ]),
        "RegisteredWebhook": .object([
            .init("webhook", webhook), .init("secret", .string(description: "shown once")), .init("signatureHeader", .string),
        ]),
        "Webhooks": .object([.init("webhooks", .array(webhook, maxItems: 10))]),
        "Announcement": .object([
            .init("title", .string(description: "at most 200 characters")), .init("body", .string(description: "at most 4000 characters")),
            .init("link", .string, required: false), .init("companies", .array(.string, maxItems: 1_000), required: false),
            .init("allBuyers", .boolean, required: false),
        ]),
        "Affected": .object([.init("affected", .integer)]),
    ]
}
