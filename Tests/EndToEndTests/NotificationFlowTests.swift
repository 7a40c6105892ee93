import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// Notifications end to end: an order's events reach the buyer's inbox, its email (through an SMTP
/// sink) and its webhooks, signed so that an independent receiver (Python's `hmac`) verifies
/// them; a failing endpoint is retried, then dead-lettered and shown as failed; a slow endpoint
/// delays only itself; an https endpoint is verified against the test CA and delivered to; one
/// company never sees another's notifications.
@Suite struct NotificationFlowTests {
    let saga = SagaFlowTests()

    @Test func orderEvents_reachInboxEmailAndSignedWebhooks_withRetriesDeadLettersAndIsolation() async throws {
        let receivers = try NotificationReceivers()
        defer { receivers.stop() }
        let platform = try await DevPlatform.start(environment: [
            "TRADEFLOW_SMTP_ADDR": "127.0.0.1:\(receivers.smtpPort)", "TRADEFLOW_SMTP_FROM": "orders@tradeflow.test",
            "TRADEFLOW_WEBHOOK_BACKOFF_MS": "200", "TRADEFLOW_WEBHOOK_MAX_ATTEMPTS": "3", "TRADEFLOW_WEBHOOK_TIMEOUT_MS": "8000",
            "TRADEFLOW_WEBHOOK_CA_FILE": receivers.certificates.caFile,
        ])
        let api = GatewayClient(port: platform.httpPort)
        let admin = try await api.login("metro.admin")
        let buyer = try await api.login("metro.buyer")

        // Bad input names the field; only a company admin manages webhooks.
        let badURL = try await api.send("POST", "/v1/webhooks", token: admin, json: ["url": "ftp://erp.example/x", "eventTypes": ["*"]])
        #expect(badURL.status == 400 && badURL.errorField == "url", "\(badURL.text)")
        let badType = try await api.send("POST", "/v1/webhooks", token: admin,
                                         json: ["url": receivers.url("/ok"), "eventTypes": ["order.placed", "order.teleported"]])
        #expect(badType.status == 400 && badType.errorField == "eventTypes[1]", "\(badType.text)")
        #expect(try await api.send("POST", "/v1/webhooks", token: buyer, json: ["url": receivers.url("/ok"), "eventTypes": ["*"]]).status == 403)

        // Five endpoints (one over https); each secret is shown once and handed to the receiver.
        let subscriptions: [(String, [String])] = [("/ok", ["order.placed", "order.confirmed"]), ("/flaky", ["order.placed"]),
                                                   ("/fail", ["order.placed"]), ("/slow", ["*"]), ("/tls", ["order.placed"])]
        var secrets: [String: String] = [:]
        for (path, types) in subscriptions {
            let registered = try await api.send("POST", "/v1/webhooks", token: admin,
                                                json: ["id": "wh\(path.replacingOccurrences(of: "/", with: "-"))",
                                                       "url": path == "/tls" ? receivers.httpsURL(path) : receivers.url(path),
                                                       "eventTypes": types])
            #expect(registered.status == 201, "\(registered.text)")
            secrets[path] = try #require(registered.object["secret"] as? String)
        }
        try receivers.setSecrets(secrets)
        let listed = try await api.send("GET", "/v1/webhooks", token: admin)
        let views = (listed.object["webhooks"] as? [[String: Any]]) ?? []
        #expect(views.count == 5 && views.allSatisfy { ($0["secretHint"] as? String)?.count ?? 99 < 10 }, "\(listed.text)")
        #expect(!listed.text.contains(secrets["/ok"] ?? "-"), "the secret is never shown again")

        // The buyer wants email for everything, besides the inbox.
        let preferences = try await api.send("PUT", "/v1/notifications/preferences", token: buyer,
                                             json: ["channels": ["*": ["inbox", "email"]], "email": "li.buyer@metro.test"])
        #expect(preferences.status == 200, "\(preferences.text)")
        let badEmail = try await api.send("PUT", "/v1/notifications/preferences", token: buyer,
                                          json: ["channels": ["*": ["inbox"]], "email": "li.buyer@@metro"])
        #expect(badEmail.status == 400 && badEmail.errorField == "email", "\(badEmail.text)")

        let order = try #require(try await saga.place(api, buyer, lines: [("P0031-1", 10)]).object["order"] as? String)
        #expect(await saga.status(api, buyer, order, becomes: "confirmed")["status"] as? String == "confirmed")
        let confirmedAt = Date().timeIntervalSince1970

        func received(_ path: String) -> [[String: Any]] {
            receivers.webhooks.filter {
                $0["path"] as? String == path && (($0["body"] as? [String: Any])?["data"] as? [String: Any])?["order"] as? String == order
            }
        }
        // The prompt endpoint has both events while the slow one is still working through its queue.
        let prompt = try await eventuallyValue(timeout: .seconds(15)) {
            let got = received("/ok")
            return Set(got.compactMap { $0["eventType"] as? String }) == ["order.placed", "order.confirmed"] ? got : []
        }
        #expect(prompt.allSatisfy { $0["valid"] as? Bool == true }, "signatures verify with Python's hmac: \(prompt)")
        #expect(prompt.allSatisfy { $0["eventId"] as? String == ($0["body"] as? [String: Any])?["id"] as? String })
        let promptAt = prompt.compactMap { $0["at"] as? Double }.max() ?? .infinity
        #expect(promptAt - confirmedAt < 5, "the prompt endpoint is not held up by the slow one")
        let slowBeforePrompt = received("/slow").filter { ($0["at"] as? Double ?? 0) <= promptAt }.count
        #expect(slowBeforePrompt < 2, "the slow endpoint (3 s a request) had not finished both when the prompt one had")

        // HTTPS: verified against TRADEFLOW_WEBHOOK_CA_FILE, signed like the rest.
        let secure = try await eventuallyValue(timeout: .seconds(15)) { received("/tls") }
        #expect(secure.count == 1 && secure.allSatisfy { $0["tls"] as? Bool == true && $0["valid"] as? Bool == true }, "\(secure)")

        // Retry then success: one 500, then 200, for the same event id.
        let flaky = try await eventuallyValue(timeout: .seconds(15)) { received("/flaky").count >= 2 ? received("/flaky") : [] }
        #expect(flaky.map { $0["status"] as? Int } == [500, 200], "\(flaky)")
        #expect(Set(flaky.compactMap { $0["eventId"] as? String }).count == 1, "a retry carries the same event id")

        // Exhaustion: 3 attempts, then the dead-letter topic and "failed" in the webhook's deliveries.
        let failedIds = try await eventuallyValue(timeout: .seconds(15)) {
            received("/fail").count >= 3 ? Set(received("/fail").compactMap { $0["eventId"] as? String }) : []
        }
        let deadLetters = try await eventuallyValue(timeout: .seconds(15)) {
            try await KafkaCLI(bootstrap: platform.bootstrap).read("notification.commands.v1.dlq")
                .filter { line in failedIds.contains { line.contains($0) } }
        }
        #expect(deadLetters.first?.contains("\"outcome\":\"failed\"") == true, "\(deadLetters)")
        let statuses = try await eventuallyValue(timeout: .seconds(15)) {
            let views = (try await api.send("GET", "/v1/webhooks", token: admin).object["webhooks"] as? [[String: Any]]) ?? []
            let byHook = Dictionary(uniqueKeysWithValues: views.compactMap { view -> (String, [[String: Any]])? in
                guard let id = view["webhook"] as? String else { return nil }
                return (id, view["recentDeliveries"] as? [[String: Any]] ?? [])
            })
            let fail = byHook["wh-fail"]?.first { failedIds.contains($0["notification"] as? String ?? "") }
            return fail?["status"] as? String == "failed" ? [byHook] : []
        }
        let failView = statuses.first?["wh-fail"]?.first { failedIds.contains($0["notification"] as? String ?? "") }
        #expect(failView?["attempts"] as? Int == 3 && (failView?["lastError"] as? String)?.contains("500") == true, "\(String(describing: failView))")
        let flakyView = statuses.first?["wh-flaky"]?.first { $0["notification"] as? String == flaky.first?["eventId"] as? String }
        #expect(flakyView?["status"] as? String == "succeeded" && flakyView?["attempts"] as? Int == 2, "\(String(describing: flakyView))")

        // Email through the SMTP sink, addressed to the user who placed the order.
        let mails = try await eventuallyValue(timeout: .seconds(10)) {
            receivers.mails.filter { ($0["data"] as? String)?.contains("Subject: Order \(order) placed") == true }
        }
        #expect(mails.first?["to"] as? [String] == ["<li.buyer@metro.test>"] && mails.first?["from"] as? String == "<orders@tradeflow.test>",
                "\(mails)")

        // The inbox: the buyer sees the order's notifications and marks one read.
        let inbox = try await eventuallyValue(timeout: .seconds(10)) {
            let items = (try await api.send("GET", "/v1/notifications?limit=50", token: buyer).object["items"] as? [[String: Any]]) ?? []
            return items.filter { ($0["title"] as? String)?.contains(order) == true }
        }
        let placedId = try #require(inbox.first { $0["eventType"] as? String == "order.placed" }?["notification"] as? String)
        let read = try await api.send("POST", "/v1/notifications/read", token: buyer, json: ["ids": [placedId]])
        #expect(read.status == 200 && read.object["affected"] as? Int == 1, "\(read.text)")
        let unread = try await api.send("GET", "/v1/notifications?unreadOnly=true&limit=100", token: buyer)
        #expect(!unread.text.contains(placedId), "\(unread.text)")
        #expect(try await api.send("GET", "/v1/notifications?limit=500", token: buyer).errorField == "limit")

        // Another company sees none of it and cannot touch it.
        let other = try await api.login("beijing.buyer")
        let theirs = try await api.send("GET", "/v1/notifications?limit=100", token: other)
        #expect(theirs.status == 200 && !theirs.text.contains(order) && !theirs.text.contains(placedId), "\(theirs.text)")
        let foreign = try await api.send("POST", "/v1/notifications/read", token: other, json: ["ids": [placedId]])
        #expect(foreign.status == 404 && foreign.errorField == "ids[0]", "\(foreign.text)")
        let otherHooks = try await api.send("GET", "/v1/webhooks", token: try await api.login("beijing.admin"))
        #expect(otherHooks.status == 200 && (otherHooks.object["webhooks"] as? [Any])?.isEmpty == true, "\(otherHooks.text)")

        // A supplier announces a promotion to named buyers; it lands in their inboxes.
        let promo = try await api.send("POST", "/v1/announcements", token: try await api.login("tea.admin"),
                                       json: ["title": "Spring tea week \(order)", "body": "10% off green tea.",
                                              "companies": [DemoWorld.load(platform).company(of: "metro.buyer")]])
        #expect(promo.status == 202 && promo.object["affected"] as? Int == 1, "\(promo.text)")
        #expect(try await api.send("POST", "/v1/announcements", token: buyer, json: ["title": "x", "body": "y"]).status == 403)
        let toRival = try await api.send("POST", "/v1/announcements", token: try await api.login("tea.admin"),
                                         json: ["title": "x", "body": "y",
                                                "companies": [DemoWorld.load(platform).company(of: "sunrise.admin")]])
        #expect(toRival.status == 400 && toRival.errorField == "companies[0]", "promotions are for buyers: \(toRival.text)")
        let announced = try await eventuallyValue(timeout: .seconds(10)) {
            ((try await api.send("GET", "/v1/notifications?limit=50", token: buyer).object["items"] as? [[String: Any]]) ?? [])
                .filter { $0["eventType"] as? String == "promotion.announced" && ($0["title"] as? String)?.contains(order) == true }
        }
        #expect(announced.count == 1)
        #expect(!(try await api.send("GET", "/v1/notifications?limit=100", token: other).text.contains("Spring tea week \(order)")))

        // A crash and restart of the notification service repeats nothing that was delivered:
        // settled deliveries are never planned again, and the relay's replays are duplicates.
        let before = receivers.webhooks.count
        #expect(try await platform.killAndAwaitRestart("notification", timeout: .seconds(20)))
        let next = try #require(try await saga.place(api, buyer, lines: [("P0031-1", 10)]).object["order"] as? String)
        _ = try await eventuallyValue(timeout: .seconds(30)) {
            receivers.webhooks.filter { ($0["path"] as? String) == "/ok" && $0["eventType"] as? String == "order.confirmed"
                && (($0["body"] as? [String: Any])?["data"] as? [String: Any])?["order"] as? String == next }
        }
        let repeated = receivers.webhooks.dropFirst(before).filter {
            (($0["body"] as? [String: Any])?["data"] as? [String: Any])?["order"] as? String == order && $0["path"] as? String == "/ok"
        }
        #expect(repeated.isEmpty, "delivered before the crash, not again after it: \(repeated)")
    }

    /// The private-address guard as production runs it (`tradeflow dev` turns it off): a webhook
    /// written with a loopback address is refused when it is registered; one whose name resolves
    /// to loopback is never called, fails at once with the reason, and shows as failed in the
    /// webhook's deliveries and on the dead-letter topic like any other failed delivery.
    @Test func webhookToALoopbackAddress_isRefusedWithoutRetries_whenPrivateNetworksAreNotAllowed() async throws {
        let receivers = try NotificationReceivers()
        defer { receivers.stop() }
        let platform = try await DevPlatform.start(environment: [
            "TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS": "false", "TRADEFLOW_WEBHOOK_BACKOFF_MS": "200",
            "TRADEFLOW_WEBHOOK_MAX_ATTEMPTS": "3",
        ])
        let api = GatewayClient(port: platform.httpPort)
        let admin = try await api.login("metro.admin")
        let literal = try await api.send("POST", "/v1/webhooks", token: admin,
                                         json: ["id": "wh-literal", "url": receivers.url("/ok"), "eventTypes": ["order.placed"]])
        #expect(literal.status == 400 && literal.errorField == "url", "\(literal.text)")
        #expect(literal.text.contains("127.0.0.1 (loopback)") && literal.text.contains("TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS"),
                "\(literal.text)")
        let byName = receivers.url("/ok").replacingOccurrences(of: "127.0.0.1", with: "localhost")
        let registered = try await api.send("POST", "/v1/webhooks", token: admin,
                                            json: ["id": "wh-inside", "url": byName, "eventTypes": ["order.placed"]])
        #expect(registered.status == 201, "\(registered.text)")
        let order = try #require(try await saga.place(api, try await api.login("metro.buyer"), lines: [("P0031-1", 10)])
            .object["order"] as? String)
        let failed = try await eventuallyValue(timeout: .seconds(20)) {
            let views = (try await api.send("GET", "/v1/webhooks", token: admin).object["webhooks"] as? [[String: Any]]) ?? []
            let deliveries = views.first { $0["webhook"] as? String == "wh-inside" }?["recentDeliveries"] as? [[String: Any]] ?? []
            return deliveries.filter { $0["status"] as? String == "failed" }
        }
        let reason = failed.first?["lastError"] as? String ?? ""
        #expect(failed.first?["attempts"] as? Int == 1, "a refusal is not retried: \(failed)")
        #expect(reason.contains("refused") && reason.contains("(loopback)")
                && reason.contains("TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS"), "\(reason)")
        let deadLetters = try await eventuallyValue(timeout: .seconds(15)) {
            try await KafkaCLI(bootstrap: platform.bootstrap).read("notification.commands.v1.dlq").filter { $0.contains("refused") }
        }
        #expect(!deadLetters.isEmpty)
        #expect(receivers.webhooks.isEmpty, "the loopback receiver was never called (order \(order))")
    }
}
}
