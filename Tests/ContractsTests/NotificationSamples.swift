import Foundation
@testable import Contracts

/// (fixture file, value) for every notification fixture (id and date helpers are `Samples`').
enum NotificationSamples {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> { Samples.id(raw) }
    static func date(_ text: String) -> Date { Samples.date(text) }

    static let buyer: CompanyID = id("BUYER-ACME")
    static let platform: CompanyID = id("PLATFORM")
    static let notification: NotificationID = .derived(source: "evt-order-0031", recipient: buyer,
                                                       eventType: NotificationEventTypes.orderConfirmed)
    static let webhook: WebhookID = id("wh-erp")
    static let delivery: DeliveryID = .derived(notification: notification, channel: .webhook, target: "wh-erp")
    static let emailDelivery: DeliveryID = .derived(notification: notification, channel: .email, target: "u-li")
    static let correlation: CorrelationID = id("corr-ORD-2026-0001")
    static let replyTo = ReplyAddress(instance: "gw-1", partition: 3, requestId: "req-000321")
    static let parameters = ["order": "ORD-2026-0001", "amount": "1234.56 CNY"]
    static let preferences = NotificationPreferences(channels: ["*": [.inbox], "payment.invoice-due": [.email, .inbox]],
                                                     email: "li@acme.example", locale: "zh")

    static func envelope<M: MessageFamily>(_ id: String, _ payload: M, key: String? = nil, causation: String?,
                                           at occurredAt: String) -> Envelope<M> {
        Envelope(id: Self.id(id), occurredAt: date(occurredAt), causationId: causation.map { Self.id($0) },
                 correlationId: correlation, tenant: "tradeflow", key: key ?? buyer.rawValue, payload: payload)
    }

    static let commands: [(String, Envelope<NotificationCommand>)] = [
        ("notification.deliver.v1.json", envelope("cmd-ntf-0001", .deliver(DeliverNotification(
            notification: notification, company: buyer, audience: NotificationAudience(roles: [.purchaser], users: [id("u-li")]),
            eventType: NotificationEventTypes.orderConfirmed, parameters: parameters, link: "/v1/orders/ORD-2026-0001",
            source: id("evt-order-0031"), occurredAt: date("2026-11-22T04:00:02.000Z"))),
            causation: "evt-order-0031", at: "2026-11-22T04:00:02.100Z")),
        ("notification.register-webhook.v1.json", envelope("cmd-ntf-0002", .registerWebhook(RegisterWebhook(
            company: buyer, webhook: webhook, url: "https://erp.acme.example/hooks/tradeflow?src=tf",
            eventTypes: ["order.confirmed", "order.shipped"], secret: "whsec_5Jq2b9ZkQe1nWm8xT0vR3yLp", by: id("u-admin"),
            replyTo: replyTo)), causation: "http:gw-1:req-000321", at: "2026-11-20T08:00:00.000Z")),
        ("notification.remove-webhook.v1.json", envelope("cmd-ntf-0003", .removeWebhook(RemoveWebhook(
            company: buyer, webhook: webhook, by: id("u-admin"), replyTo: replyTo)),
            causation: "http:gw-1:req-000400", at: "2026-12-20T08:00:00.000Z")),
        ("notification.set-preferences.v1.json", envelope("cmd-ntf-0004", .setPreferences(SetNotificationPreferences(
            company: buyer, user: id("u-li"), preferences: preferences, replyTo: replyTo)),
            causation: nil, at: "2026-11-20T09:00:00.000Z")),
        ("notification.mark-read.v1.json", envelope("cmd-ntf-0005", .markRead(MarkNotificationsRead(
            company: buyer, user: id("u-li"), notifications: [notification], replyTo: replyTo)),
            causation: nil, at: "2026-11-22T05:00:00.000Z")),
        ("notification.record-delivery.v1.json", envelope("cmd-ntf-0006", .recordDelivery(RecordDelivery(
            company: buyer, notification: notification, delivery: delivery, outcome: .failed, attempts: 6,
            lastError: "HTTP 503 Service Unavailable", at: date("2026-11-22T04:00:33.000Z"))),
            causation: nil, at: "2026-11-22T04:00:33.010Z")),
        ("notification.record-delivery.v1.without-optionals.json", envelope("cmd-ntf-0007", .recordDelivery(RecordDelivery(
            company: buyer, notification: notification, delivery: emailDelivery, outcome: .delivered, attempts: 1,
            lastError: nil, at: date("2026-11-22T04:00:03.000Z"))), causation: nil, at: "2026-11-22T04:00:03.010Z")),
        ("notification.announce.v1.json", envelope("cmd-ntf-0008", .announce(AnnounceNotification(
            company: platform, by: id("u-operator"), allBuyers: true, companies: [], title: "双十二 Double-12 sale",
            body: "20% off all tea until 12 December.", link: "/v1/promotions/d12", replyTo: replyTo)),
            key: platform.rawValue, causation: "http:gw-2:req-000001", at: "2026-12-01T00:00:00.000Z")),
        ("notification.list-inbox.v1.json", envelope("cmd-ntf-0009", .listInbox(ListInbox(
            company: buyer, user: id("u-li"), unreadOnly: true, before: notification, limit: 20, replyTo: replyTo)),
            causation: nil, at: "2026-11-22T05:00:00.000Z")),
        ("notification.list-webhooks.v1.json", envelope("cmd-ntf-0010", .listWebhooks(ListWebhooks(
            company: buyer, replyTo: replyTo)), causation: nil, at: "2026-11-22T05:00:00.000Z")),
        ("notification.deliver-batch.v1.json", envelope("cmd-ntf-0011", .deliverBatch(DeliverNotifications(
            company: buyer, notifications: [
                DeliverNotification(
                    notification: notification, company: buyer, audience: NotificationAudience(users: [id("u-li")]),
                    eventType: NotificationEventTypes.orderConfirmed, parameters: parameters, link: "/v1/orders/ORD-2026-0001",
                    source: id("evt-order-0031"), occurredAt: date("2026-11-22T04:00:02.000Z")),
                DeliverNotification(
                    notification: id("ntf-2026-0002"), company: buyer, audience: NotificationAudience(roles: [.finance]),
                    eventType: NotificationEventTypes.orderAwaitingPayment, parameters: ["order": "ORD-2026-0002"],
                    link: nil, source: id("evt-order-0040"), occurredAt: date("2026-11-22T04:00:02.050Z")),
            ])), causation: nil, at: "2026-11-22T04:00:02.100Z")),
    ]

    static let events: [(String, Envelope<NotificationEvent>)] = [
        ("notification.created.v1.json", envelope("evt-ntf-0001", .created(NotificationCreated(
            commandId: id("cmd-ntf-0001"), notification: notification, company: buyer,
            eventType: NotificationEventTypes.orderConfirmed, parameters: parameters, link: "/v1/orders/ORD-2026-0001",
            source: id("evt-order-0031"), occurredAt: date("2026-11-22T04:00:02.000Z"),
            at: date("2026-11-22T04:00:02.150Z"), recipients: [id("u-li")],
            deliveries: [PlannedDelivery(delivery: emailDelivery, channel: .email, user: id("u-li"),
                                         address: "li@acme.example", locale: "zh"),
                         PlannedDelivery(delivery: delivery, channel: .webhook, webhook: webhook)])),
            causation: "cmd-ntf-0001", at: "2026-11-22T04:00:02.150Z")),
        ("notification.read.v1.json", envelope("evt-ntf-0002", .read(NotificationsRead(
            commandId: id("cmd-ntf-0005"), company: buyer, user: id("u-li"), notifications: [notification],
            at: date("2026-11-22T05:00:00.000Z"))), causation: "cmd-ntf-0005", at: "2026-11-22T05:00:00.010Z")),
        ("notification.webhook-registered.v1.json", envelope("evt-ntf-0003", .webhookRegistered(WebhookRegistered(
            commandId: id("cmd-ntf-0002"), company: buyer, webhook: webhook, url: "https://erp.acme.example/hooks/tradeflow?src=tf",
            eventTypes: ["order.confirmed", "order.shipped"], secret: "whsec_5Jq2b9ZkQe1nWm8xT0vR3yLp", by: id("u-admin"),
            at: date("2026-11-20T08:00:00.000Z"))), causation: "cmd-ntf-0002", at: "2026-11-20T08:00:00.010Z")),
        ("notification.webhook-removed.v1.json", envelope("evt-ntf-0004", .webhookRemoved(WebhookRemoved(
            commandId: id("cmd-ntf-0003"), company: buyer, webhook: webhook, by: id("u-admin"),
            at: date("2026-12-20T08:00:00.000Z"))), causation: "cmd-ntf-0003", at: "2026-12-20T08:00:00.010Z")),
        ("notification.preferences-set.v1.json", envelope("evt-ntf-0005", .preferencesSet(NotificationPreferencesSet(
            commandId: id("cmd-ntf-0004"), company: buyer, user: id("u-li"), preferences: preferences,
            at: date("2026-11-20T09:00:00.000Z"))), causation: "cmd-ntf-0004", at: "2026-11-20T09:00:00.010Z")),
        ("notification.delivery-succeeded.v1.json", envelope("evt-ntf-0006", .deliverySucceeded(DeliverySucceeded(
            commandId: id("cmd-ntf-0007"), company: buyer, notification: notification, delivery: emailDelivery, attempts: 1,
            at: date("2026-11-22T04:00:03.000Z"))), causation: "cmd-ntf-0007", at: "2026-11-22T04:00:03.020Z")),
        ("notification.delivery-failed.v1.json", envelope("evt-ntf-0007", .deliveryFailed(DeliveryFailed(
            commandId: id("cmd-ntf-0006"), company: buyer, notification: notification, delivery: delivery, attempts: 6,
            lastError: "HTTP 503 Service Unavailable", at: date("2026-11-22T04:00:33.000Z"))),
            causation: "cmd-ntf-0006", at: "2026-11-22T04:00:33.020Z")),
        ("notification.command-rejected.v1.json", envelope("evt-ntf-0008", .commandRejected(NotificationCommandRejected(
            commandId: id("cmd-ntf-0011"), company: buyer, commandType: "notification.register-webhook", code: .invalidField,
            field: "url", reason: "url must start with http:// or https://", at: date("2026-11-20T08:01:00.000Z"))),
            causation: "cmd-ntf-0011", at: "2026-11-20T08:01:00.010Z")),
        ("notification.command-rejected.v1.without-optionals.json", envelope("evt-ntf-0009", .commandRejected(
            NotificationCommandRejected(commandId: id("cmd-ntf-0012"), company: buyer, commandType: "notification.announce",
                                        code: .accessDenied, field: nil, reason: "only the platform operator and approved suppliers may announce",
                                        at: date("2026-11-20T08:02:00.000Z"))),
            causation: "cmd-ntf-0012", at: "2026-11-20T08:02:00.010Z")),
    ]

    static let inboxItem = InboxItem(notification: notification, eventType: "order.confirmed", title: "订单 ORD-2026-0001 已确认",
                                     body: "订单 ORD-2026-0001（1234.56 CNY）已确认，即将发货。", link: "/v1/orders/ORD-2026-0001",
                                     createdAt: date("2026-11-22T04:00:02.150Z"), read: false)
    static let webhookView = WebhookView(
        webhook: webhook, url: "https://erp.acme.example/hooks/tradeflow?src=tf", eventTypes: ["order.confirmed", "order.shipped"],
        secretHint: "…3yLp", createdAt: date("2026-11-20T08:00:00.000Z"),
        recentDeliveries: [DeliveryStatusView(delivery: delivery, notification: notification, eventType: "order.confirmed",
                                              status: .failed, attempts: 6, lastError: "HTTP 503 Service Unavailable",
                                              at: date("2026-11-22T04:00:33.000Z"))])

    static let replies: [(String, Envelope<NotificationReply>)] = [
        ("notification.command-reply.v1.json", reply("cmd-ntf-0009", .inbox(InboxPage(items: [inboxItem], unread: 1, nextBefore: nil)))),
        ("notification.command-reply.v1.webhooks.json", reply("cmd-ntf-0010", .webhooks([webhookView]))),
        ("notification.command-reply.v1.webhook.json", reply("cmd-ntf-0002", .webhook(WebhookView(
            webhook: webhook, url: webhookView.url, eventTypes: webhookView.eventTypes, secretHint: "…3yLp",
            createdAt: webhookView.createdAt, recentDeliveries: [])))),
        ("notification.command-reply.v1.preferences.json", reply("cmd-ntf-0004", .preferences(preferences))),
        ("notification.command-reply.v1.done.json", reply("cmd-ntf-0005", .done(affected: 1))),
        ("notification.command-reply.v1.rejected.json", reply("cmd-ntf-0011", .rejected(
            code: .invalidField, message: "url must start with http:// or https://", field: "url"))),
    ]

    static func reply(_ command: String, _ outcome: NotificationReply.Outcome) -> Envelope<NotificationReply> {
        envelope("rpl-\(command)", NotificationReply(requestId: "req-000321", commandId: id(command), outcome: outcome),
                 key: "gw-1", causation: command, at: "2026-11-22T05:00:00.020Z")
    }
}
