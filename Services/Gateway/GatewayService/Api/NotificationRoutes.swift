import Contracts
import Crypto
import Foundation
import GatewayCore
import HTTP

/// The caller's notification inbox and preferences, the company's webhooks, and promotion
/// announcements. Everything is decided by the notification service on the company's partition
/// of `notification.commands.v1` and answered over request/reply; the company is always the
/// caller's own, so no company can read or change another's notifications.
enum NotificationRoutes {
    struct ReadRequest: Decodable { let ids: [NotificationID] }
    struct PreferencesRequest: Decodable {
        let channels: [String: [NotificationChannel]]
        let email: String?
        let locale: String?
    }
    struct WebhookRequest: Decodable {
        let id: WebhookID?
        let url: String
        let eventTypes: [String]
    }
    /// The only answer that ever shows the secret: it is not stored in the gateway and every
    /// later view shows just its last characters.
    struct RegisteredWebhook: Encodable {
        let webhook: WebhookView
        let secret: String
        let signatureHeader: String
    }
    struct AnnouncementRequest: Decodable {
        let title: String
        let body: String
        let link: String?
        let companies: [CompanyID]?
        let allBuyers: Bool?
    }
    struct Done: Encodable { let affected: Int }
    struct Webhooks: Encodable { let webhooks: [WebhookView] }

    /// 32 random bytes, base64url: 43 characters, within the core's 16...256.
    static let secretBytes = 32
    static let signatureFormat = "Tradeflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")>"

    static func install(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("GET", "/v1/notifications", operationId: "listNotifications",
                                summary: "The caller's notification inbox, newest first", tag: "notifications",
                                parameters: [.init("unreadOnly", in: .query, .boolean, "only unread notifications"),
                                             .init("limit", in: .query, .integer, "1...100, default 20"),
                                             .init("before", in: .query, .string, "continue after this notification id (nextBefore)"),
                                             .init("eventType", in: .query, .string,
                                                   "only this event type, e.g. order.sub-order-confirmed: a warehouse's orders to ship")],
                                responses: [.init(200, "a page of the inbox", .ref("InboxPage"))])) { request in
            let (principal, user) = try caller(request, context, .readNotifications)
            let limit = Int(try request.intQuery("limit", default: 20, range: 1...100))
            let unreadOnly = try request.boolQuery("unreadOnly")
            let before = try notificationQuery(request, "before")
            let outcome = try await send(context, request) { address in
                .listInbox(ListInbox(company: principal.company, user: user, unreadOnly: unreadOnly, before: before,
                                     limit: limit, eventType: request.query["eventType"], replyTo: address))
            }
            guard case let .inbox(page) = outcome else { throw unexpected(outcome) }
            return json(page)
        }

        api.add(RouteDescriptor("POST", "/v1/notifications/read", operationId: "markNotificationsRead",
                                summary: "Mark notifications of the caller's inbox read (1...100 ids)", tag: "notifications",
                                requestBody: .ref("MarkRead"), responses: [.init(200, "how many changed", .ref("Affected"))])) { request in
            let (principal, user) = try caller(request, context, .readNotifications)
            let body = try request.body(ReadRequest.self)
            guard (1...100).contains(body.ids.count) else { throw ApiError.invalid("ids", "send 1...100 notification ids, got \(body.ids.count)") }
            let outcome = try await send(context, request, renaming: ("notifications", "ids")) { address in
                .markRead(MarkNotificationsRead(company: principal.company, user: user, notifications: body.ids, replyTo: address))
            }
            guard case let .done(affected) = outcome else { throw unexpected(outcome) }
            return json(Done(affected: affected))
        }

        api.add(RouteDescriptor("PUT", "/v1/notifications/preferences", operationId: "setNotificationPreferences",
                                summary: "Choose channels (inbox, email) per event type (\"*\" = every other type), email address and locale (en, zh)",
                                tag: "notifications", requestBody: .ref("NotificationPreferences"),
                                responses: [.init(200, "the preferences now in force", .ref("NotificationPreferences"))])) { request in
            let (principal, user) = try caller(request, context, .readNotifications)
            let body = try request.body(PreferencesRequest.self)
            let preferences = NotificationPreferences(channels: body.channels, email: body.email, locale: body.locale)
            let outcome = try await send(context, request, renaming: ("preferences.", "")) { address in
                .setPreferences(SetNotificationPreferences(company: principal.company, user: user, preferences: preferences,
                                                           replyTo: address))
            }
            guard case let .preferences(now) = outcome else { throw unexpected(outcome) }
            return json(now)
        }
        installWebhooks(on: &api, context: context)
        installAnnouncements(on: &api, context: context)
    }

    static func installWebhooks(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("POST", "/v1/webhooks", operationId: "registerWebhook",
                                summary: "Register a webhook (company admin). The signing secret is in this answer only. Deliveries are signed: "
                                    + signatureFormat + "; Tradeflow-Event-Id de-duplicates retries",
                                tag: "webhooks", requestBody: .ref("WebhookRegistration"),
                                responses: [.init(201, "registered; keep the secret", .ref("RegisteredWebhook"))])) { request in
            let (principal, user) = try caller(request, context, .manageWebhooks)
            let body = try request.body(WebhookRequest.self)
            let secret: String
            let id: WebhookID
            do {
                secret = "whsec_" + Base64URL.encode(try SecureRandom.bytes(count: secretBytes))
                id = try body.id ?? WebhookID("wh-" + Hex.encode(try SecureRandom.bytes(count: 8)))
            } catch {
                throw ApiError(.internalServerError, "internal", "cannot make a webhook secret: \(error)")
            }
            let outcome = try await send(context, request) { address in
                .registerWebhook(RegisterWebhook(company: principal.company, webhook: id, url: body.url, eventTypes: body.eventTypes,
                                                 secret: secret, by: user, replyTo: address))
            }
            guard case let .webhook(view) = outcome else { throw unexpected(outcome) }
            return json(RegisteredWebhook(webhook: view, secret: secret, signatureHeader: signatureFormat), status: .created)
        }

        api.add(RouteDescriptor("GET", "/v1/webhooks", operationId: "listWebhooks",
                                summary: "The company's webhooks with their recent deliveries (pending, succeeded, failed)",
                                tag: "webhooks", responses: [.init(200, "the webhooks", .ref("Webhooks"))])) { request in
            let (principal, _) = try caller(request, context, .manageWebhooks)
            let outcome = try await send(context, request) { address in
                .listWebhooks(ListWebhooks(company: principal.company, replyTo: address))
            }
            guard case let .webhooks(views) = outcome else { throw unexpected(outcome) }
            return json(Webhooks(webhooks: views))
        }

        api.add(RouteDescriptor("DELETE", "/v1/webhooks/{id}", operationId: "removeWebhook",
                                summary: "Remove a webhook; its pending deliveries are marked failed", tag: "webhooks",
                                parameters: [.init("id", in: .path, .string, "the webhook id")],
                                responses: [.init(200, "removed", .ref("Affected")), .init(404, "no such webhook")])) { request in
            let (principal, user) = try caller(request, context, .manageWebhooks)
            guard let id = WebhookID(validating: try request.requiredPath("id")) else { throw ApiError.invalid("id", "not a webhook id") }
            let outcome = try await send(context, request, renaming: ("webhook", "id")) { address in
                .removeWebhook(RemoveWebhook(company: principal.company, webhook: id, by: user, replyTo: address))
            }
            guard case let .done(affected) = outcome else { throw unexpected(outcome) }
            return json(Done(affected: affected))
        }
    }

    static func installAnnouncements(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("POST", "/v1/announcements", operationId: "announcePromotion",
                                summary: "A promotion announcement to buyers' inboxes: a supplier names 1...1000 buyer companies; "
                                    + "the platform operator may set allBuyers", tag: "notifications",
                                requestBody: .ref("Announcement"),
                                responses: [.init(202, "how many companies it goes to", .ref("Affected"))])) { request in
            let (principal, user) = try caller(request, context, .announcePromotions)
            let body = try request.body(AnnouncementRequest.self)
            let outcome = try await send(context, request) { address in
                .announce(AnnounceNotification(company: principal.company, by: user, allBuyers: body.allBuyers ?? false,
                                               companies: body.companies ?? [], title: body.title, body: body.body,
                                               link: body.link, replyTo: address))
            }
            guard case let .done(affected) = outcome else { throw unexpected(outcome) }
            return json(Done(affected: affected), status: .accepted)
        }
    }

    // MARK: helpers

    /// The authorized caller and the user acting: notifications, preferences and webhook changes
    /// belong to a person, so API keys are refused here.
    static func caller(_ request: HTTPRequest, _ context: ApiContext, _ action: AccessAction) throws -> (Principal, UserID) {
        let principal = try context.principal(request)
        try context.authorize(principal, action, owner: ResourceOwner(kind: "notifications", owner: principal.company))
        guard case let .user(user)? = principal.subject else {
            throw ApiError.forbidden("\(action) needs a signed-in user, not an API key")
        }
        return (principal, user)
    }

    /// Sends a command to the company's notification partition and returns the outcome; a
    /// refusal becomes the API error naming the field (renamed to the API's word for it).
    static func send(_ context: ApiContext, _ request: HTTPRequest, renaming: (String, String)? = nil,
                     _ make: @escaping @Sendable (ReplyAddress) -> NotificationCommand) async throws -> NotificationReply.Outcome {
        let reply: NotificationReply = try await context.request(Topics.notificationCommands, service: "notification",
                                                                 correlation: request.correlationId, key: { $0.key }, make)
        if case let .rejected(code, message, field) = reply.outcome {
            var apiField = field
            if let (from, to) = renaming, let given = field, given.hasPrefix(from) {
                apiField = to + given.dropFirst(from.count)
            }
            throw ApiError(rejection: code, message: message, field: apiField)
        }
        return reply.outcome
    }

    static func notificationQuery(_ request: HTTPRequest, _ name: String) throws -> NotificationID? {
        guard let text = request.query[name], !text.isEmpty else { return nil }
        guard let id = NotificationID(validating: text) else { throw ApiError.invalid(name, "\(name) must be a notification id") }
        return id
    }

    static func unexpected(_ outcome: NotificationReply.Outcome) -> ApiError {
        ApiError(.badGateway, "bad-reply", "unexpected answer from the notification service: \(outcome)")
    }
}
