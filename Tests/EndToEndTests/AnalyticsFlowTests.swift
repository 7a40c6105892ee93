import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// Dashboards end to end: orders through the saga, the numbers recomputed from `order.events.v1`
/// (read with kcat) equal what `GET /v1/analytics` serves, a SIGKILLed analytics process restores
/// the same numbers from its checkpoint and the records after it, a company reads only its own
/// numbers, and CSV matches JSON.
@Suite struct AnalyticsFlowTests {
    let saga = SagaFlowTests()
    let payments = PaymentFlowTests()

    @Test func numbersEqualARecountOfTheEvents_survivingARestart_scopedToTheCompany_andExportedAsCSV() async throws {
        let platform = try await DevPlatform.start(environment: ["TRADEFLOW_ANALYTICS_PUBLISH_INTERVAL_MS": "200",
                                                                 "TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS": "1"])
        let api = GatewayClient(port: platform.httpPort)
        let world = try DemoWorld.load(platform)
        let metroBuyer = try await api.login("metro.buyer")
        let chengduBuyer = try await api.login("chengdu.buyer")
        let metro = world.company(of: "metro.buyer")
        let tea = world.company(of: "tea.admin")

        // A few orders: one completed (shipped, delivered, captured), one left confirmed, one
        // rejected for stock, one cancelled after confirmation.
        let done = try #require(try await saga.place(api, metroBuyer, lines: [("P0003-1", 20), ("P0061-1", 20)]).object["order"] as? String)
        _ = await saga.status(api, metroBuyer, done, becomes: "confirmed")
        let completed = await payments.complete(api, platform: platform, order: done, buyer: metroBuyer, buyerCompany: metro)
        #expect(completed["status"] as? String == "completed", "\(completed)")
        let open = try #require(try await saga.place(api, chengduBuyer, lines: [("P0019-1", 10)]).object["order"] as? String)
        #expect(await saga.status(api, chengduBuyer, open, becomes: "confirmed")["status"] as? String == "confirmed")
        let tooMuch = try #require(try await saga.place(api, metroBuyer, lines: [("P0005-1", 5_000_000)]).object["order"] as? String)
        #expect(await saga.status(api, metroBuyer, tooMuch, becomes: "rejected")["status"] as? String == "rejected")
        let cancelled = try #require(try await saga.place(api, metroBuyer, lines: [("P0011-1", 20)]).object["order"] as? String)
        _ = await saga.status(api, metroBuyer, cancelled, becomes: "confirmed")
        #expect(try await api.send("POST", "/v1/orders/\(cancelled)/cancel", token: metroBuyer, json: ["reason": "test"]).status == 200)
        #expect(await saga.status(api, metroBuyer, cancelled, becomes: "cancelled")["status"] as? String == "cancelled")

        // Numbers served == numbers recounted from the public topic (the capture after completion
        // may still be on its way: both sides are re-read until they agree, within a bound).
        let operatorToken = try await api.login("operator")
        let teaAdmin = try await api.login("tea.admin")
        let metroAdmin = try await api.login("metro.admin")
        let kafka = KafkaCLI(bootstrap: platform.bootstrap)
        var recount = AnalyticsRecount(events: [])
        var reading = AnalyticsReading(snapshot: [:])
        let agreed = await eventually(timeout: .seconds(20), every: .milliseconds(300)) {
            recount = AnalyticsRecount(events: (try? await kafka.read("order.events.v1")) ?? [])
            reading = AnalyticsReading(snapshot: (try? await api.send("GET", "/v1/analytics", token: operatorToken))?.object ?? [:])
            return recount.paid.contains(done) && matches(reading, recount)
        }
        #expect(agreed, "platform analytics \(reading.snapshot) equal the recount \(recount)")
        #expect(recount.placed.isSuperset(of: [done, open, tooMuch, cancelled]), "\(recount)")
        try await expectCompanyViews(api, recount: recount, tea: (tea, teaAdmin), metro: (metro, metroAdmin))

        // Restart: SIGKILL analytics once it has checkpointed what it folded; `tradeflow dev`
        // restarts it; the new process loads the checkpoint, reads only the records after it, and
        // publishes the same numbers.
        let before = reading.eventDerived
        let checkpointed = await eventually(timeout: .seconds(20), every: .milliseconds(300)) {
            await platform.metric("analytics_checkpoints_total", of: "analytics") ?? 0 >= 1
        }
        #expect(checkpointed, "analytics checkpointed its fold")
        let eventsOnTopics = try await kafka.read("order.events.v1").count
        let killedAt = Date()
        #expect(try await platform.killAndAwaitRestart("analytics", timeout: .seconds(30)), "analytics was restarted")
        var rebuilt = AnalyticsReading(snapshot: [:])
        let republished = await eventually(timeout: .seconds(30), every: .milliseconds(300)) {
            rebuilt = AnalyticsReading(snapshot: (try? await api.send("GET", "/v1/analytics", token: operatorToken))?.object ?? [:])
            return (rebuilt.asOf ?? .distantPast) > killedAt
        }
        #expect(republished, "the restarted process published a new platform snapshot")
        #expect(await platform.metric("analytics_restores_total", of: "analytics", labels: [#"source="checkpoint""#]) == 1,
                "restored from the checkpoint, not from the beginning of the topics")
        let foldedAgain = await platform.metric("analytics_records_folded_total", of: "analytics") ?? .max
        #expect(foldedAgain < eventsOnTopics, "only records after the checkpoint folded again (\(foldedAgain) of \(eventsOnTopics))")
        #expect(rebuilt.eventDerived.isEqual(before), "same numbers after the rebuild:\n\(before)\n\(rebuilt.eventDerived)")
        let recountAfter = AnalyticsRecount(events: try await kafka.read("order.events.v1"))
        #expect(matches(rebuilt, recountAfter), "rebuilt analytics equal the recount \(recountAfter)")

        try await expectScoping(api, world: world, operatorToken: operatorToken, metroAdmin: metroAdmin, tea: tea, metro: metro)
        try await expectCSVMatchesJSON(api, teaAdmin: teaAdmin, operatorToken: operatorToken)
        _ = await platform.interrupt()
    }

    func matches(_ reading: AnalyticsReading, _ recount: AnalyticsRecount) -> Bool {
        reading.funnel("platform") == recount.funnel && reading.gmv("platform") == recount.gmv
            && reading.orders("platform") == recount.confirmed.count
            && reading.breakdown("platform", "supplier") == recount.gmvBySupplier
            && reading.breakdown("platform", "buyer") == recount.gmvByBuyer
    }

    /// A supplier sees its sales, a buyer its purchasing, each as a recount of the same events.
    func expectCompanyViews(_ api: GatewayClient, recount: AnalyticsRecount, tea: (id: String, token: String),
                            metro: (id: String, token: String)) async throws {
        let supplier = AnalyticsReading(snapshot: try await api.send("GET", "/v1/analytics", token: tea.token).object)
        #expect((supplier.snapshot["scope"] as? [String: Any])?["company"] as? String == tea.id)
        #expect(supplier.gmv("supplier") == recount.gmvBySupplier[tea.id, default: 0], "\(supplier.snapshot)")
        #expect(supplier.orders("supplier") == recount.ordersBySupplier[tea.id, default: 0])
        #expect(supplier.view("buyer") == nil, "a supplier that never bought has no buyer view")
        // Money captured for the supplier's goods (the completed order's split), not only the payer's.
        let captured = await eventually(timeout: .seconds(10)) {
            let reading = AnalyticsReading(snapshot: (try? await api.send("GET", "/v1/analytics", token: tea.token))?.object ?? [:])
            return AnalyticsReading.cny((reading.view("supplier")?["totals"] as? [String: Any])?["captured"]) > 0
        }
        #expect(captured, "the supplier's view shows what was captured for its goods")
        // Its stock view lists every SKU of its catalog, also those never ordered.
        let catalog = try await api.send("GET", "/v1/products?supplier=\(tea.id)&pageSize=1", token: tea.token)
        let listed = try #require(catalog.object["total"] as? Int, "\(catalog.text)")
        let stockCount = ((supplier.view("supplier")?["stock"] as? [String: Any])?["skuCount"] as? Int) ?? 0
        #expect(listed > 5 && stockCount >= listed, "stock view of \(stockCount) SKUs, catalog of \(listed)")
        let buyer = AnalyticsReading(snapshot: try await api.send("GET", "/v1/analytics?role=buyer", token: metro.token).object)
        #expect(buyer.gmv("buyer") == recount.gmvByBuyer[metro.id, default: 0], "\(buyer.snapshot)")
        #expect(buyer.funnel("buyer")["rejected"] == 1 && buyer.funnel("buyer")["cancelled"] == 1, "\(buyer.funnel("buyer"))")
    }

    /// A company never reads another company's numbers, nor the platform's; the operator reads any.
    func expectScoping(_ api: GatewayClient, world: DemoWorld, operatorToken: String, metroAdmin: String,
                       tea: String, metro: String) async throws {
        let other = try await api.send("GET", "/v1/analytics?company=\(tea)", token: metroAdmin)
        #expect(other.status == 403 && other.text.contains("another company"), "\(other.status) \(other.text)")
        let section = try await api.send("GET", "/v1/analytics/totals.csv?company=\(tea)", token: metroAdmin)
        #expect(section.status == 403, "\(section.text)")
        let platformWide = try await api.send("GET", "/v1/analytics?company=platform", token: metroAdmin)
        #expect(platformWide.status == 403 && platformWide.text.contains("platform operators"), "\(platformWide.text)")
        let purchaser = try await api.send("GET", "/v1/analytics", token: try await api.login("metro.buyer"))
        #expect(purchaser.status == 403 && purchaser.text.contains("purchaser"), "\(purchaser.text)")
        #expect(try await api.send("GET", "/v1/analytics").status == 401)
        let byOperator = try await api.send("GET", "/v1/analytics?company=\(metro)", token: operatorToken)
        #expect(byOperator.status == 200 && (byOperator.object["scope"] as? [String: Any])?["company"] as? String == metro)
        #expect(try await api.send("GET", "/v1/analytics/sideways", token: metroAdmin).errorField == "section")
        #expect(try await api.send("GET", "/v1/analytics?role=emperor", token: metroAdmin).errorField == "role")
    }

    /// CSV parses (RFC 4180) and says what the JSON says.
    func expectCSVMatchesJSON(_ api: GatewayClient, teaAdmin: String, operatorToken: String) async throws {
        let totals = try await api.send("GET", "/v1/analytics/totals", token: teaAdmin)
        let csv = try await api.send("GET", "/v1/analytics/totals.csv", token: teaAdmin)
        #expect(csv.status == 200 && csv.headers.contains { $0.name.lowercased() == "content-type" && $0.value.hasPrefix("text/csv") })
        let rows = parseCSV(csv.text)
        let header = try #require(rows.first)
        let supplierRow = try #require(rows.dropFirst().first { $0.first == "supplier" }, "\(rows)")
        let cells = Dictionary(uniqueKeysWithValues: zip(header, supplierRow).map { ($0, $1) })
        let view = try #require((totals.object["views"] as? [[String: Any]])?.first { $0["role"] as? String == "supplier" })
        let json = try #require(view["totals"] as? [String: Any])
        #expect(Int(cells["orders"] ?? "") == json["orders"] as? Int, "\(cells) vs \(json)")
        #expect(Int(cells["units"] ?? "") == json["units"] as? Int)
        let gmv = try #require(Decimal(string: cells["gmv CNY"] ?? ""), "\(cells)")
        #expect(gmv * 100 == Decimal(AnalyticsReading.cny(json["gmv"])), "gmv \(gmv) CNY vs \(json["gmv"] ?? "")")

        let funnelCSV = parseCSV(try await api.send("GET", "/v1/analytics/funnel?format=csv", token: operatorToken).text)
        let funnelJSON = AnalyticsReading(snapshot: try await api.send("GET", "/v1/analytics", token: operatorToken).object).funnel("platform")
        #expect(funnelCSV.first == ["role", "stage", "orders"])
        let stages = Dictionary(uniqueKeysWithValues: funnelCSV.dropFirst().filter { $0.first == "platform" }.map { ($0[1], Int($0[2]) ?? -1) })
        #expect(stages == funnelJSON, "\(stages) vs \(funnelJSON)")
    }
}
}
