import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// 部分取消: one supplier's part of a confirmed order cancelled before it ships, over HTTP through
/// order, inventory, payment and notification as separate processes. A supplier that cannot (or
/// never does) deliver no longer keeps the rest of the order, its payment and the stock open.
@Suite struct PartialCancelTests {
    let saga = SagaFlowTests()

    @Test func aPartCancelled_theRestCompletes_stockComesBack_andItsValueIsRefunded() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let world = try DemoWorld.load(platform)
        let buyer = try await api.login("metro.buyer")
        let buyerCompany = world.company(of: "metro.buyer")
        let tea = world.company(of: "tea.admin")
        func warehouseUser(of supplier: String) -> String { supplier == tea ? "tea.warehouse" : "sunrise.warehouse" }

        // A credit order with a part from each of two suppliers.
        let placed = try await saga.place(api, buyer, lines: [("P0003-1", 20), ("P0061-1", 20)])
        let order = try #require(placed.object["order"] as? String, "\(placed.text)")
        let confirmed = await saga.status(api, buyer, order, becomes: "confirmed")
        let parts = try #require(confirmed["subOrders"] as? [[String: Any]])
        try #require(parts.count == 2, "\(confirmed)")
        let (delivered, cancelled) = (parts[0], parts[1])
        let deliveredId = try #require(delivered["subOrder"] as? String)
        let cancelledId = try #require(cancelled["subOrder"] as? String)
        let cancelledSupplier = try #require(cancelled["supplier"] as? String)
        let cancelledSKU = try #require((confirmed["lines"] as? [[String: Any]])?
            .first { $0["subOrder"] as? String == cancelledId }?["sku"] as? String)
        let heldAvailable = try #require(try await saga.available(api, buyer, cancelledSKU))

        // The first part ships and arrives.
        let deliveredSupplier = try #require(delivered["supplier"] as? String)
        let shipper = try await api.login(warehouseUser(of: deliveredSupplier))
        let shipped = try await api.send("POST", "/v1/orders/\(order)/sub-orders/\(deliveredId)/ship?buyer=\(buyerCompany)",
                                         token: shipper, json: ["carrier": "SF Express", "trackingNumber": "SF-PART-1"])
        #expect(shipped.status == 200, "\(shipped.text)")
        let arrived = try await api.send("POST", "/v1/orders/\(order)/sub-orders/\(deliveredId)/confirm-delivery", token: buyer,
                                         json: [String: String]())
        #expect(arrived.status == 200, "\(arrived.text)")
        #expect(try await api.send("GET", "/v1/orders/\(order)", token: buyer).object["status"] as? String == "confirmed",
                "the other part is still to come")

        // The other supplier cannot deliver: it cancels its part, naming why. The first supplier
        // cannot cancel a part that is not its own, and a reason is required.
        let cancelPath = "/v1/orders/\(order)/sub-orders/\(cancelledId)/cancel?buyer=\(buyerCompany)"
        let notMine = try await api.send("POST", cancelPath, token: shipper, json: ["reason": "not mine"])
        #expect(notMine.status == 403 && !notMine.text.contains(buyerCompany), "nothing of the order is told: \(notMine.text)")
        // A company with no part in the order hears what it would of an order that does not exist.
        let outsider = try await api.send("GET", "/v1/orders/\(order)/sub-orders/\(cancelledId)?buyer=\(buyerCompany)",
                                          token: try await api.login("beijing.buyer"))
        let missing = try await api.send("GET", "/v1/orders/O-nothing-here/sub-orders/\(cancelledId)?buyer=\(buyerCompany)",
                                         token: try await api.login("beijing.buyer"))
        #expect(outsider.status == 404 && missing.status == 404, "\(outsider.text) \(missing.text)")
        #expect(outsider.text.replacingOccurrences(of: order, with: "X") == missing.text.replacingOccurrences(of: "O-nothing-here", with: "X"),
                "\(outsider.text) vs \(missing.text)")
        let cannot = try await api.login(warehouseUser(of: cancelledSupplier))
        let noBuyer = try await api.send("POST", "/v1/orders/\(order)/sub-orders/\(cancelledId)/cancel", token: cannot,
                                         json: ["reason": "kiln broke down"])
        #expect(noBuyer.status == 400 && noBuyer.errorField == "buyer", "a supplier names the buyer: \(noBuyer.text)")
        let blank = try await api.send("POST", cancelPath, token: cannot, json: ["reason": " "])
        #expect(blank.status == 400 && blank.errorField == "reason", "\(blank.text)")
        let answer = try await api.sendWithHeaders("POST", cancelPath, token: cannot, json: ["reason": "kiln broke down"],
                                                   headers: [("Idempotency-Key", "cancel-\(cancelledId)")])
        #expect(answer.status == 200 && answer.object["status"] as? String == "cancelled", "\(answer.text)")
        #expect((answer.object["cancellation"] as? [String: Any])?["reason"] as? String == "kiln broke down", "\(answer.text)")
        let retried = try await api.sendWithHeaders("POST", cancelPath, token: cannot, json: ["reason": "kiln broke down"],
                                                    headers: [("Idempotency-Key", "cancel-\(cancelledId)")])
        #expect(retried.status == 200, "a retry under its key answers again: \(retried.text)")
        let shipAnyway = try await api.send("POST", "/v1/orders/\(order)/sub-orders/\(cancelledId)/ship?buyer=\(buyerCompany)",
                                            token: cannot, json: ["carrier": "SF Express", "trackingNumber": "SF-LATE"])
        #expect(shipAnyway.status == 422, "\(shipAnyway.text)")

        // Nothing else is to come: the order completes, is captured, and the part's value refunded.
        let completed = await saga.status(api, buyer, order, becomes: "completed")
        #expect((completed["subOrders"] as? [[String: Any]])?.map { $0["status"] as? String } == ["delivered", "cancelled"],
                "\(completed)")
        let partTotal = try #require(((cancelled["totals"] as? [String: Any])?["amount"] as? [String: Any])?["amount"] as? Int)
        let refund = try await eventuallyValue(timeout: .seconds(15)) {
            try await KafkaCLI(bootstrap: platform.bootstrap).read("payment.events.v1").filter {
                $0.contains("\"type\":\"payment.refund-issued\"") && $0.contains("\(order)-R-cancelled-sub-orders")
            }
        }
        let refundRecord = try #require(refund.first)
        let refundPayload = try #require((try JSONSerialization.jsonObject(with: Data(refundRecord.utf8))
            as? [String: Any])?["payload"] as? [String: Any])
        #expect((refundPayload["amount"] as? [String: Any])?["amount"] as? Int == partTotal, "\(refundPayload)")
        let recorded = await eventually(timeout: .seconds(15)) {
            let history = (try? await api.send("GET", "/v1/orders/\(order)", token: buyer))?.object["history"] as? [[String: Any]]
            return history?.contains { ($0["reason"] as? String)?.contains("for the cancelled sub-orders issued") == true } == true
        }
        #expect(recorded, "the order records the refund of its cancelled part")

        // Its stock is back: what it held is available again.
        let restocked = await eventually(timeout: .seconds(10)) {
            (try? await saga.available(api, buyer, cancelledSKU)).flatMap { $0 } == heldAvailable + 20
        }
        #expect(restocked, "the cancelled part's 20 units of \(cancelledSKU) are available again")

        // The buyer heard why, and the supplier's desk shows the part as cancelled.
        let heard = await eventually(timeout: .seconds(10)) {
            let inbox = (try? await api.send("GET", "/v1/notifications?eventType=order.part-cancelled", token: buyer))?
                .object["items"] as? [[String: Any]]
            return inbox?.contains { ($0["body"] as? String)?.contains("kiln broke down") == true } == true
        }
        #expect(heard, "the buyer was told its part was cancelled and why")
        let desk = try await api.send("GET", "/v1/sub-orders?status=cancelled", token: cannot)
        #expect(try await api.send("GET", "/v1/sub-orders", token: buyer).status == 403, "the desk is for sellers")
        #expect((desk.object["subOrders"] as? [[String: Any]])?.contains { $0["subOrder"] as? String == cancelledId } == true, "\(desk.text)")

        // The buyer may cancel a part too; cancelling every part before anything shipped cancels
        // the whole order (its credit released). Each part's credit is free again as it is cancelled.
        func reservedCredit() async -> Int? {
            let account = try? await api.send("GET", "/v1/companies/\(buyerCompany)/payment-account", token: buyer)
            return (((account?.object["credit"] as? [String: Any])?["reserved"]) as? [String: Any])?["amount"] as? Int
        }
        func reservedCredit(becomes expected: Int) async -> Bool {
            await eventually(timeout: .seconds(10)) { await reservedCredit() == expected }
        }
        let reservedBefore = try #require(await reservedCredit(), "the buyer sees its credit line")
        let second = try await saga.place(api, buyer, lines: [("P0003-1", 20), ("P0061-1", 20)])
        let secondOrder = try #require(second.object["order"] as? String, "\(second.text)")
        let secondConfirmed = await saga.status(api, buyer, secondOrder, becomes: "confirmed")
        let secondParts = secondConfirmed["subOrders"] as? [[String: Any]] ?? []
        let partTotals = secondParts.map { (($0["totals"] as? [String: Any])?["amount"] as? [String: Any])?["amount"] as? Int ?? 0 }
        #expect(await reservedCredit(becomes: reservedBefore + partTotals.reduce(0, +)), "the order holds its total")
        // A platform operator settles a dispute over the first part (both sides are told); the buyer
        // cancels the other.
        let operatorToken = try await api.login("operator")
        for (index, part) in secondParts.enumerated() {
            let id = try #require(part["subOrder"] as? String)
            if index == 0 {
                let path = "/v1/orders/\(secondOrder)/sub-orders/\(id)/cancel"
                let unnamed = try await api.send("POST", path, token: operatorToken, json: ["reason": "supplier unreachable"])
                #expect(unnamed.status == 400 && unnamed.errorField == "buyer", "\(unnamed.text)")
                let byOperator = try await api.send("POST", path + "?buyer=\(buyerCompany)", token: operatorToken,
                                                    json: ["reason": "supplier unreachable"])
                #expect(byOperator.status == 200 && byOperator.object["status"] as? String == "cancelled", "\(byOperator.text)")
                let told = await eventually(timeout: .seconds(10)) {
                    let inbox = (try? await api.send("GET", "/v1/notifications?eventType=order.part-cancelled", token: buyer))?
                        .object["items"] as? [[String: Any]]
                    return inbox?.contains { ($0["body"] as? String)?.contains("supplier unreachable") == true } == true
                }
                #expect(told, "the buyer hears of a part the platform cancelled")
            } else {
                let byBuyer = try await api.send("POST", "/v1/orders/\(secondOrder)/sub-orders/\(id)/cancel", token: buyer,
                                                 json: ["reason": "project postponed"])
                #expect(byBuyer.status == 200 && byBuyer.object["order"] as? String == secondOrder, "\(byBuyer.text)")
            }
            if index == 0 {
                // The order goes on without it: its supplier is told not to ship it, and cannot.
                let supplierUser = warehouseUser(of: part["supplier"] as? String ?? "")
                let late = try await api.send("POST", "/v1/orders/\(secondOrder)/sub-orders/\(id)/ship?buyer=\(buyerCompany)",
                                              token: try await api.login(supplierUser),
                                              json: ["carrier": "SF Express", "trackingNumber": "SF-LATE"])
                #expect(late.status == 422 && late.text.contains("was cancelled; do not ship it"), "\(late.text)")
                #expect(await reservedCredit(becomes: reservedBefore + partTotals.dropFirst(index + 1).reduce(0, +)),
                        "the cancelled part's credit is released at once, the rest still held")
            }
        }
        let whole = await saga.status(api, buyer, secondOrder, becomes: "cancelled")
        #expect(whole["status"] as? String == "cancelled", "\(whole)")
        #expect(await reservedCredit(becomes: reservedBefore), "the void releases the rest, once")

        let verify = try await platform.verify(grace: 5)
        #expect(verify.code == 0, "\(verify.output)")
        _ = await platform.interrupt()
    }
}
}
