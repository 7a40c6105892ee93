import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// The order saga over HTTP, through order, inventory and payment as separate processes.
@Suite struct SagaFlowTests {
    static var address: [String: Any] { ["name": "Li Wei", "phone": "13800000000", "region": "east-china",
                                         "city": "Shanghai", "street": "1 Nanjing Road"] }

    func place(_ api: GatewayClient, _ token: String, lines: [(String, Int)], method: String = "credit",
               key: String? = nil) async throws -> GatewayClient.Reply {
        var body: [String: Any] = ["lines": lines.map { ["sku": $0.0, "quantity": $0.1] }, "deliveryAddress": Self.address,
                                   "paymentMethod": method]
        // A retry repeats its request: under a key the PO is the key's.
        body["poNumber"] = key.map { "PO-\($0)" } ?? "PO-\(Int.random(in: 1000...9999))"
        if let key {
            return try await api.sendWithHeaders("POST", "/v1/orders", token: token, json: body, headers: [("Idempotency-Key", key)])
        }
        return try await api.send("POST", "/v1/orders", token: token, json: body)
    }

    func status(_ api: GatewayClient, _ token: String, _ order: String, becomes expected: String) async -> [String: Any] {
        var last: [String: Any] = [:]
        _ = await eventually(timeout: .seconds(20), every: .milliseconds(100)) {
            last = (try? await api.send("GET", "/v1/orders/\(order)", token: token))?.object ?? [:]
            return last["status"] as? String == expected
        }
        return last
    }

    func available(_ api: GatewayClient, _ token: String, _ sku: String) async throws -> Int? {
        try await api.send("GET", "/v1/products/\(sku)", token: token).object["available"] as? Int
    }

    @Test func orders_confirm_reject_cancel_approve_complete_andExpire() async throws {
        let platform = try await DevPlatform.start(environment: ["TRADEFLOW_ORDER_APPROVAL_TIMEOUT_SECONDS": "4"])
        let api = GatewayClient(port: platform.httpPort)
        let buyer = try await api.login("metro.buyer")
        let approver = try await api.login("metro.approver")
        let admin = try await api.login("metro.admin")

        // A confirmed order on credit: stock for exactly the ordered units is held.
        let before = try #require(try await available(api, buyer, "P0003-1"))
        let placed = try await place(api, buyer, lines: [("P0003-1", 20), ("P0061-1", 20)])
        #expect(placed.status == 202, "\(placed.text)")
        let order = try #require(placed.object["order"] as? String)
        #expect(placed.headers.first { $0.name.lowercased() == "location" }?.value == "/v1/orders/\(order)", "\(placed.headers)")
        let confirmed = await status(api, buyer, order, becomes: "confirmed")
        #expect(confirmed["status"] as? String == "confirmed", "\(confirmed)")
        #expect((confirmed["subOrders"] as? [Any])?.count == 2, "one sub-order per supplier")
        let held = await eventually(timeout: .seconds(10)) { (try? await available(api, buyer, "P0003-1")) == before - 20 }
        #expect(held, "exactly 20 units of P0003-1 are no longer available")

        // Insufficient stock: rejected with a readable reason, and nothing stays reserved.
        let other = try #require(try await available(api, buyer, "P0004-1"))
        let tooMuch = try await place(api, buyer, lines: [("P0004-1", 10), ("P0005-1", 5_000_000)])
        let tooMuchID = try #require(tooMuch.object["order"] as? String)
        let rejected = await status(api, buyer, tooMuchID, becomes: "rejected")
        #expect((rejected["statusReason"] as? String)?.contains("P0005-1") == true, "\(rejected)")
        let released = await eventually(timeout: .seconds(10)) { (try? await available(api, buyer, "P0004-1")) == other }
        #expect(released, "the line that was reserved is released again")

        // Credit exceeded: Beijing's line is 100,000 CNY.
        let beijing = try await api.login("beijing.buyer")
        let big = try await place(api, beijing, lines: [("P0007-2", 1_000)])
        let bigID = try #require(big.object["order"] as? String)
        let refused = await status(api, beijing, bigID, becomes: "rejected")
        #expect((refused["statusReason"] as? String)?.contains("credit") == true, "\(refused)")

        // The same Idempotency-Key sent 10 times at once: one order.
        let ids = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<10 { group.addTask { try await place(api, buyer, lines: [("P0009-1", 20)], key: "retry-me").object["order"] as? String } }
            var ids: [String?] = []
            for try await id in group { ids.append(id) }
            return ids
        }
        #expect(Set(ids.compactMap { $0 }).count == 1 && ids.allSatisfy { $0 != nil }, "\(ids)")
        // The same key for a different order is refused, not answered with the first one.
        let reused = try await place(api, buyer, lines: [("P0009-1", 40)], key: "retry-me")
        #expect(reused.status == 422 && reused.errorCode == "idempotency-key-reused" && reused.errorField == "Idempotency-Key",
                "\(reused.text)")
        let list = try await api.send("GET", "/v1/orders?limit=100", token: buyer)
        let orders = (list.object["orders"] as? [[String: Any]]) ?? []
        #expect(orders.filter { $0["order"] as? String == ids.first! }.count == 1)

        // Cancellation releases the stock.
        let beforeCancel = try #require(try await available(api, buyer, "P0011-1"))
        let toCancel = try #require(try await place(api, buyer, lines: [("P0011-1", 20)]).object["order"] as? String)
        _ = await status(api, buyer, toCancel, becomes: "confirmed")
        let notTheirs = try await api.send("POST", "/v1/orders/\(toCancel)/cancel", token: approver, json: ["reason": "no"])
        #expect(notTheirs.status == 403 && notTheirs.text.contains("role approver cannot cancel orders"), "\(notTheirs.text)")
        let cancelled = try await api.send("POST", "/v1/orders/\(toCancel)/cancel", token: buyer, json: ["reason": "changed our mind"])
        #expect(cancelled.status == 200, "\(cancelled.text)")
        _ = await status(api, buyer, toCancel, becomes: "cancelled")
        #expect(await eventually(timeout: .seconds(10)) { (try? await available(api, buyer, "P0011-1")) == beforeCancel })

        // Approval: above 1,000 CNY an approver, then finance must approve; then it confirms.
        // Unapproved ones expire. Only roles that can approve may be required.
        let warehouseStep = try await api.send("PUT", "/v1/approval-rules", token: admin, json: ["rules": [
            ["name": "odd", "roles": ["warehouse"]]]])
        #expect(warehouseStep.status == 400 && warehouseStep.errorField == "rules[0].roles[0]", "\(warehouseStep.text)")
        // Approval rules are a buyer's: a supplier's admin has none to set, and is told which action it lacks.
        let supplierAdmin = try await api.login("tea.admin")
        let notABuyer = try await api.send("PUT", "/v1/approval-rules", token: supplierAdmin, json: ["rules": [
            ["name": "any", "roles": ["approver"]]]])
        #expect(notABuyer.status == 403 && notABuyer.text.contains("manage approval rules"), "\(notABuyer.text)")
        #expect(try await api.send("GET", "/v1/approval-rules", token: supplierAdmin).status == 403)
        let typo = try await api.send("PUT", "/v1/approval-rules", token: admin, json: ["rules": [
            ["name": "chemicals", "category": ["Chemicalz"], "roles": ["approver"]]]])
        #expect(typo.status == 400 && typo.errorField == "rules[0].category", "a rule that could never apply: \(typo.text)")
        let rules = try await api.send("PUT", "/v1/approval-rules", token: admin, json: ["rules": [
            ["name": "large", "minimumTotal": ["amount": 100_000, "currency": "CNY"], "roles": ["approver", "finance"]]]])
        #expect(rules.status == 200, "\(rules.text)")
        // Its purchasers can read which orders will wait for whom.
        let inForce = try await api.send("GET", "/v1/approval-rules", token: buyer)
        #expect(inForce.status == 200 && (inForce.object["rules"] as? [[String: Any]])?.map { $0["name"] as? String } == ["large"],
                "\(inForce.text)")
        let needsApproval = try #require(try await place(api, buyer, lines: [("P0013-1", 20)]).object["order"] as? String)
        _ = await status(api, buyer, needsApproval, becomes: "pending-approval")
        #expect(try await api.send("POST", "/v1/orders/\(needsApproval)/approve", token: buyer).status == 403, "a purchaser cannot approve")
        #expect(try await api.send("POST", "/v1/orders/\(needsApproval)/approve", token: approver, json: ["comment": "ok"]).status == 200)
        let finance = try await api.login("metro.finance")
        #expect(try await api.send("GET", "/v1/orders/\(needsApproval)", token: buyer).object["status"] as? String == "pending-approval",
                "the finance step is still to come")
        let financeApproval = try await api.send("POST", "/v1/orders/\(needsApproval)/approve", token: finance, json: ["comment": "budget ok"])
        #expect(financeApproval.status == 200, "\(financeApproval.text)")
        let approved = await status(api, buyer, needsApproval, becomes: "confirmed")
        #expect(approved["status"] as? String == "confirmed")
        let forgotten = try #require(try await place(api, buyer, lines: [("P0015-1", 20)]).object["order"] as? String)
        let expired = await status(api, buyer, forgotten, becomes: "expired")
        #expect(expired["status"] as? String == "expired", "an unapproved order expires on its timer")

        // Shipping and delivery of every sub-order completes the order. A warehouse system that
        // retries with its Idempotency-Key (after a timeout, say) gets the first answer again; a
        // second shipment without the key is refused.
        let subOrders = (confirmed["subOrders"] as? [[String: Any]]) ?? []
        let tea = try DemoWorld.load(platform).company(of: "tea.admin")
        let buyerCompany = try #require(confirmed["buyer"] as? String)
        for subOrder in subOrders {
            let id = try #require(subOrder["subOrder"] as? String)
            let supplierUser = (subOrder["supplier"] as? String) == tea ? "tea.warehouse" : "sunrise.warehouse"
            let warehouse = try await api.login(supplierUser)
            let path = "/v1/orders/\(order)/sub-orders/\(id)"
            // The warehouse's "ship it" notice links to its sub-order: its lines and where they go,
            // not the buyer's whole order; the other supplier cannot read it.
            let link = "\(path)?buyer=\(buyerCompany)"
            let told = await eventually(timeout: .seconds(10)) {
                // Its list of orders to ship: the unread "ship it" notices.
                let inbox = (try? await api.send("GET", "/v1/notifications?eventType=order.sub-order-confirmed&unreadOnly=true&limit=50",
                                                 token: warehouse))?.object["items"] as? [[String: Any]]
                return inbox?.contains { $0["link"] as? String == link } == true
                    && inbox?.allSatisfy { $0["eventType"] as? String == "order.sub-order-confirmed" } == true
            }
            #expect(told, "the warehouse was told with a link to \(link)")
            let part = try await api.send("GET", link, token: warehouse)
            #expect(part.status == 200, "\(part.text)")
            let partLines = (part.object["lines"] as? [[String: Any]]) ?? []
            #expect(!partLines.isEmpty && partLines.allSatisfy { $0["subOrder"] as? String == id }, "\(part.text)")
            #expect(part.object["deliveryAddress"] != nil && part.object["payment"] == nil && part.object["approval"] == nil, "\(part.text)")
            let otherWarehouse = try await api.login(supplierUser == "tea.warehouse" ? "sunrise.warehouse" : "tea.warehouse")
            #expect(try await api.send("GET", link, token: otherWarehouse).status == 404)
            let tracking = "SF\(Int.random(in: 100000...999999))"
            for attempt in 1...2 {
                let shipped = try await api.sendWithHeaders("POST", "\(path)/ship?buyer=\(buyerCompany)", token: warehouse,
                                                            json: ["carrier": "SF Express", "trackingNumber": tracking],
                                                            headers: [("Idempotency-Key", "ship-\(id)")])
                #expect(shipped.status == 200, "attempt \(attempt): \(shipped.text)")
                #expect(shipped.text.contains(tracking), "attempt \(attempt): \(shipped.text)")
                #expect(shipped.object["subOrder"] as? String == id && shipped.object["payment"] == nil, "its sub-order, not the order")
            }
            let again = try await api.send("POST", "\(path)/ship?buyer=\(buyerCompany)", token: warehouse,
                                           json: ["carrier": "SF Express", "trackingNumber": tracking])
            #expect(again.status == 422 && again.text.contains("already shipped"), "\(again.text)")
            for attempt in 1...2 {
                let delivered = try await api.sendWithHeaders("POST", "\(path)/confirm-delivery", token: buyer, json: [String: String](),
                                                              headers: [("Idempotency-Key", "delivered-\(id)")])
                #expect(delivered.status == 200, "attempt \(attempt): \(delivered.text)")
            }
        }
        let completed = await status(api, buyer, order, becomes: "completed")
        #expect(completed["status"] as? String == "completed")

        // Money, read independently from payment.events.v1: the credit reserved was exactly the
        // order's total, and completion posted a balanced ledger entry (debits = credits).
        let total = (completed["totals"] as? [String: Any]).flatMap { ($0["amount"] as? [String: Any])?["amount"] as? Int }
        let paymentEvents = try await KafkaCLI(bootstrap: platform.bootstrap).read("payment.events.v1")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let reserved = paymentEvents.first { $0["type"] as? String == "payment.credit-reserved"
            && ($0["payload"] as? [String: Any])?["order"] as? String == order }
        #expect(((reserved?["payload"] as? [String: Any])?["amount"] as? [String: Any])?["amount"] as? Int == total,
                "credit reserved equals the order total \(total ?? -1)")
        let postings = try await eventuallyValue(timeout: .seconds(10)) {
            try await KafkaCLI(bootstrap: platform.bootstrap).read("payment.events.v1").filter {
                $0.contains("\"type\":\"payment.ledger-posted\"") && $0.contains(order)
            }
        }
        #expect(!postings.isEmpty, "completion posted to the ledger")
        for posting in postings {
            let object = try JSONSerialization.jsonObject(with: Data(posting.utf8)) as? [String: Any]
            let entries = ((object?["payload"] as? [String: Any])?["posting"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
            let sum = entries.reduce(0) { $0 + ((($1["amount"] as? [String: Any])?["amount"] as? Int) ?? 0) }
            #expect(!entries.isEmpty && sum == 0, "every posting balances: \(entries)")
        }
        // Quick order: pasted lines; every bad line is reported and nothing is placed.
        let bad = try await api.send("POST", "/v1/orders/quick", token: buyer, json: [
            "csv": "sku,quantity\nP0019-1,10\nP0021-1,ten\nP0019-1,4\n", "deliveryAddress": Self.address, "paymentMethod": "credit"])
        #expect(bad.status == 400 && bad.text.contains("line 3") && bad.text.contains("line 4"), "\(bad.text)")
        // Lines that read well but cannot be bought are all reported too, by their pasted line number.
        let unknown = try await api.send("POST", "/v1/orders/quick", token: buyer, json: [
            "csv": "sku,quantity\nNOPE-1,1\nP0019-1,10\nNOPE-2,3\n", "deliveryAddress": Self.address, "paymentMethod": "credit"])
        #expect(unknown.status == 422 && unknown.errorField == "csv" && unknown.text.contains("2 line(s)")
                && unknown.text.contains("line 2: SKU NOPE-1") && unknown.text.contains("line 4: SKU NOPE-2"), "\(unknown.text)")
        // Pasted from a spreadsheet on Windows: CRLF line ends.
        let quick = try await api.send("POST", "/v1/orders/quick", token: buyer, json: [
            "csv": "P0019-1,10\r\nP0021-1\t10\r\n", "deliveryAddress": Self.address, "paymentMethod": "credit"])
        #expect(quick.status == 202, "\(quick.text)")
        #expect((quick.object["lines"] as? [Any])?.count == 2)
        // Exported from a spreadsheet: quoted cells, a quantity with a thousands separator.
        let quoted = try await api.send("POST", "/v1/orders/quick", token: buyer, json: [
            "csv": "\"sku\",\"quantity\",\"shop\"\n\"P0019-1\",\"1,000\",\"\"\n\"P0021-1\";\"10\"\n", "deliveryAddress": Self.address,
            "paymentMethod": "credit"])
        #expect(quoted.status == 202, "\(quoted.text)")
        #expect((quoted.object["lines"] as? [[String: Any]])?.map { $0["quantity"] as? Int } == [1_000, 10], "\(quoted.text)")
        let unclosed = try await api.send("POST", "/v1/orders/quick", token: buyer, json: [
            "csv": "P0019-1,10\n\"P0021-1,10\n", "deliveryAddress": Self.address, "paymentMethod": "credit"])
        #expect(unclosed.status == 400 && unclosed.text.contains("line 2: the quoted cell opened on line 2 is never closed"),
                "\(unclosed.text)")

        // Reorder: a new order with the lines of a past one.
        let again = try await api.send("POST", "/v1/orders/\(order)/reorder", token: buyer)
        #expect(again.status == 202, "\(again.text)")
        #expect(again.object["order"] as? String != order)
        #expect((again.object["lines"] as? [Any])?.count == 2)
        _ = await platform.interrupt()
    }
}
}

/// Polls until `body` returns a non-empty collection (or the timeout passes) and returns it.
func eventuallyValue<T: Collection>(timeout: Duration, _ body: () async throws -> T) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    var last = try await body()
    while last.isEmpty && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(200))
        last = try await body()
    }
    return last
}
