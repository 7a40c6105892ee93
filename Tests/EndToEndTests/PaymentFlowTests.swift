import Contracts
import Foundation
import HTTP
import Testing
import TestSupport

extension PlatformTests {
/// Money after placement, over HTTP: the payment provider's signed callback, bank statement
/// reconciliation, settlement rules applied on every payment partition, statements; and the
/// suppliers' stock routes.
@Suite struct PaymentFlowTests {
    let saga = SagaFlowTests()

    /// Signs like a payment provider would, with Python's standard library (an implementation
    /// independent of ours): t=<now>,v1=hex(HMAC-SHA256(secret, "<t>.<body>")).
    func providerSignature(_ body: [UInt8], secret: String) async throws -> String {
        let script = """
        import hmac, hashlib, sys, time
        t = str(int(time.time()))
        body = bytes.fromhex(sys.argv[2])
        print("t=" + t + ",v1=" + hmac.new(sys.argv[1].encode(), t.encode() + b"." + body, hashlib.sha256).hexdigest())
        """
        let hex = body.map { String(format: "%02x", $0) }.joined()
        let result = try await runTool("/usr/bin/env", ["python3", "-c", script, secret, hex])
        #expect(result.code == 0, "\(result.output)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func callback(_ api: GatewayClient, _ body: [String: Any], signature: String?) async throws -> GatewayClient.Reply {
        let bytes = try JSONSerialization.data(withJSONObject: body)
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        if let signature { headers.append(("Tradeflow-Provider-Signature", signature)) }
        let response = try await HTTPClient.send(method: "POST", host: "127.0.0.1", port: api.port, path: "/v1/payments/provider-callback",
                                                 headers: headers, body: Array(bytes))
        return GatewayClient.Reply(status: response.status, body: response.body, headers: response.headers)
    }

    @Test func prepayment_bankTransfer_settlementRules_statements_andStock() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let world = try DemoWorld.load(platform)
        let buyer = try await api.login("metro.buyer")
        let buyerCompany = world.company(of: "metro.buyer")
        let secret = try String(contentsOf: platform.directory.url.appendingPathComponent("payment-provider.secret"), encoding: .utf8)

        // Settlement rules: platform finance takes 10% commission on every line from now on.
        let platformFinance = try await api.login("platform.finance")
        let rules = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance,
                                       json: ["rules": [["platformCommissionBasisPoints": 1_000]]])
        #expect(rules.status == 202, "\(rules.text)")
        #expect(try await api.send("PUT", "/v1/settlement-rules", token: buyer, json: ["rules": []]).status == 403)
        // Shares out of range are refused at once, naming the share (payment would drop them later).
        let tooLarge = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance,
                                          json: ["rules": [["platformCommissionBasisPoints": 20_000]]])
        #expect(tooLarge.status == 400 && tooLarge.errorField == "rules[0].platformCommissionBasisPoints", "\(tooLarge.text)")
        let together = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance, json: ["rules": [
            ["platformCommissionBasisPoints": 1_000], ["supplier": buyerCompany, "platformCommissionBasisPoints": 6_000,
                                                       "distributorMarginBasisPoints": 6_000]]])
        #expect(together.status == 400 && together.errorField == "rules[1]", "\(together.text)")
        // What payment would refuse after the 202 is refused before it: a repeated selector, a company
        // the platform does not know (both would otherwise leave the old rules silently).
        let twice = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance, json: ["rules": [
            ["platformCommissionBasisPoints": 500], ["platformCommissionBasisPoints": 700]]])
        #expect(twice.status == 400 && twice.errorField == "rules[1]" && twice.text.contains("rules[0]"), "\(twice.text)")
        let unknown = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance, json: ["rules": [
            ["supplier": "co-nobody", "platformCommissionBasisPoints": 500]]])
        #expect(unknown.status == 400 && unknown.errorField == "rules[0].supplier", "\(unknown.text)")
        // Rules that could never match are refused too, and so is an empty list: rates are fixed at
        // authorization, so either would settle every order without commission until noticed.
        let notASupplier = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance, json: ["rules": [
            ["supplier": buyerCompany, "platformCommissionBasisPoints": 500]]])
        #expect(notASupplier.status == 400 && notASupplier.errorField == "rules[0].supplier"
                && notASupplier.text.contains("is not a supplier"), "\(notASupplier.text)")
        let noSuchCategory = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance, json: ["rules": [
            ["category": ["Bogus"], "platformCommissionBasisPoints": 500]]])
        #expect(noSuchCategory.status == 400 && noSuchCategory.errorField == "rules[0].category", "\(noSuchCategory.text)")
        let none = try await api.send("PUT", "/v1/settlement-rules", token: platformFinance, json: ["rules": []])
        #expect(none.status == 400 && none.errorField == "rules", "\(none.text)")
        let followed = await eventually(timeout: .seconds(10)) {
            let view = try? await api.send("GET", "/v1/settlement-rules", token: platformFinance)
            return ((view?.object["rules"] as? [[String: Any]])?.first?["platformCommissionBasisPoints"] as? Int) == 1_000
        }
        #expect(followed, "the gateway follows the rules from payment.snapshots.v1")

        // Prepayment: the order waits for the provider; an unsigned or forged callback changes nothing.
        let prepaid = try #require(try await saga.place(api, buyer, lines: [("P0023-1", 10)], method: "prepayment").object["order"] as? String)
        let waiting = await saga.status(api, buyer, prepaid, becomes: "awaiting-payment")
        let total = try #require((waiting["totals"] as? [String: Any]).flatMap { ($0["amount"] as? [String: Any])?["amount"] as? Int })
        let notice: [String: Any] = ["payer": buyerCompany, "order": prepaid, "providerPaymentId": "wx-\(prepaid)",
                                     "amount": ["amount": total, "currency": "CNY"], "status": "succeeded"]
        #expect(try await callback(api, notice, signature: nil).status == 401)
        let forged = try await callback(api, notice, signature: try await providerSignature(Array("{}".utf8), secret: secret))
        #expect(forged.status == 401 && forged.text.contains("does not match"), "\(forged.text)")
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await api.send("GET", "/v1/orders/\(prepaid)", token: buyer).object["status"] as? String == "awaiting-payment")
        func paySigned(_ notice: [String: Any]) async throws {
            let body = try JSONSerialization.data(withJSONObject: notice)
            let signed = try await HTTPClient.send(method: "POST", host: "127.0.0.1", port: platform.httpPort, path: "/v1/payments/provider-callback",
                                                   headers: [("Content-Type", "application/json"),
                                                             ("Tradeflow-Provider-Signature", try await providerSignature(Array(body), secret: secret))],
                                                   body: Array(body))
            #expect(signed.status == 202, "\(String(decoding: signed.body, as: UTF8.self))")
        }
        // A notice without a payment id, or for a company that does not buy, is refused before payment sees it.
        for (change, field) in [(["providerPaymentId": " "], "providerPaymentId"), (["payer": world.company(of: "tea.admin")], "payer")] {
            let body = try JSONSerialization.data(withJSONObject: notice.merging(change) { $1 })
            let refused = try await HTTPClient.send(method: "POST", host: "127.0.0.1", port: platform.httpPort,
                                                    path: "/v1/payments/provider-callback",
                                                    headers: [("Content-Type", "application/json"),
                                                              ("Tradeflow-Provider-Signature", try await providerSignature(Array(body), secret: secret))],
                                                    body: Array(body))
            let text = String(decoding: refused.body, as: UTF8.self)
            #expect(refused.status == 400 && text.contains("\"field\":\"\(field)\""), "\(text)")
        }
        // A failed attempt leaves the order waiting and tells the payer's finance users to pay again.
        try await paySigned(notice.merging(["providerPaymentId": "wx-\(prepaid)-declined", "status": "failed",
                                            "failureReason": "card declined"]) { $1 })
        let metroFinance = try await api.login("metro.finance")
        let toldOfFailure = await eventually(timeout: .seconds(15)) {
            let inbox = try? await api.send("GET", "/v1/notifications?eventType=payment.failed&limit=50", token: metroFinance)
            return ((inbox?.object["items"] as? [[String: Any]]) ?? []).contains {
                ($0["link"] as? String) == "/v1/orders/\(prepaid)" && (($0["body"] as? String)?.contains("card declined") ?? false)
            }
        }
        #expect(toldOfFailure, "the payer's finance hears of the failed payment")
        let inHistory = await eventually(timeout: .seconds(10)) {
            let order = try? await api.send("GET", "/v1/orders/\(prepaid)", token: buyer)
            return order?.object["status"] as? String == "awaiting-payment"
                && ((order?.object["history"] as? [[String: Any]]) ?? []).contains {
                    ($0["reason"] as? String)?.contains("failed: card declined; still waiting for payment") == true
                }
        }
        #expect(inHistory, "the failed attempt is in the order's history, and the order still waits")
        try await paySigned(notice)
        #expect(await saga.status(api, buyer, prepaid, becomes: "confirmed")["status"] as? String == "confirmed")

        // A paid order cancelled before shipment: the authorization is voided and the money owed
        // back to the buyer (payment refuses to refund what completion has not captured yet).
        let cancelled = try #require(try await saga.place(api, buyer, lines: [("P0023-1", 10)], method: "prepayment").object["order"] as? String)
        _ = await saga.status(api, buyer, cancelled, becomes: "awaiting-payment")
        try await paySigned(notice.merging(["order": cancelled, "providerPaymentId": "wx-\(cancelled)"]) { $1 })
        #expect(await saga.status(api, buyer, cancelled, becomes: "confirmed")["status"] as? String == "confirmed")
        let cancel = try await api.send("POST", "/v1/orders/\(cancelled)/cancel", token: buyer, json: ["reason": "ordered twice"])
        #expect(cancel.status == 200, "\(cancel.text)")
        let voided = await eventually(timeout: .seconds(15)) {
            let order = try? await api.send("GET", "/v1/orders/\(cancelled)", token: buyer)
            return (order?.object["payment"] as? [String: Any])?["status"] as? String == "voided"
        }
        #expect(voided, "the cancelled order's payment ends voided")
        let voidEvents = try await KafkaCLI(bootstrap: platform.bootstrap).read("payment.events.v1")
            .filter { $0.contains(cancelled) && $0.contains("\"type\":\"payment.authorization-voided\"") }
        #expect(voidEvents.count == 1 && voidEvents.first?.contains("\"received\":{\"amount\":\(total),") == true,
                "the money received is owed back: \(voidEvents)")
        let owed = try await api.send("GET", "/v1/companies/\(buyerCompany)/payment-account", token: metroFinance)
        let owedAmounts = ((owed.object["owedToPayer"] as? [[String: Any]]) ?? []).compactMap { $0["amount"] as? Int }
        #expect(owedAmounts.count == 1 && owedAmounts[0] >= total, "the payment account shows what is owed back: \(owed.text)")

        // Bank transfer: a partial payment is recorded, the rest confirms, a re-import is a duplicate.
        let byBank = try #require(try await saga.place(api, buyer, lines: [("P0025-1", 10)], method: "bank-transfer").object["order"] as? String)
        let due = await saga.status(api, buyer, byBank, becomes: "awaiting-payment")
        let dueAmount = try #require((due["totals"] as? [String: Any]).flatMap { ($0["amount"] as? [String: Any])?["amount"] as? Int })
        func transfer(_ amount: Int, _ id: String) -> [String: Any] {
            ["payer": buyerCompany, "reference": byBank, "amount": ["amount": amount, "currency": "CNY"], "bankTransactionId": id]
        }
        #expect(try await api.send("POST", "/v1/payments/bank-transfers", token: buyer, json: ["transfers": [transfer(1, "x")]]).status == 403)
        let huge = try await api.send("POST", "/v1/payments/bank-transfers", token: platformFinance,
                                      json: ["transfers": [transfer(1, "BT-0"), transfer(Int(Int64.max), "BT-MAX")]])
        #expect(huge.status == 400 && huge.errorField == "transfers[1].amount", "\(huge.text)")
        var stranger = transfer(100, "BT-X")
        stranger["payer"] = "co-nonexist"
        let nobody = try await api.send("POST", "/v1/payments/bank-transfers", token: platformFinance, json: ["transfers": [stranger]])
        #expect(nobody.status == 400 && nobody.errorField == "transfers[0].payer", "\(nobody.text)")
        stranger["payer"] = world.company(of: "tea.admin")
        let supplierPays = try await api.send("POST", "/v1/payments/bank-transfers", token: platformFinance, json: ["transfers": [stranger]])
        #expect(supplierPays.status == 400 && supplierPays.errorField == "transfers[0].payer"
                && supplierPays.text.contains("does not buy"), "\(supplierPays.text)")
        let platformOperator = try await api.login("operator")
        #expect(try await api.send("GET", "/v1/companies/co-nonexist/payment-account", token: platformOperator).status == 404)
        let first = try await api.send("POST", "/v1/payments/bank-transfers", token: platformFinance,
                                       json: ["transfers": [transfer(dueAmount - 100, "BT-1")]])
        #expect(first.status == 202, "\(first.text)")
        let rest = try await api.send("POST", "/v1/payments/bank-transfers", token: platformFinance,
                                      json: ["transfers": [transfer(100, "BT-2"), transfer(100, "BT-2")]])
        #expect(rest.status == 202)
        #expect(await saga.status(api, buyer, byBank, becomes: "confirmed")["status"] as? String == "confirmed")
        var matches: [String] = []
        _ = await eventually(timeout: .seconds(10)) {
            let account = try? await api.send("GET", "/v1/companies/\(buyerCompany)/payment-account", token: metroFinance)
            matches = ((account?.object["receivedPayments"] as? [[String: Any]]) ?? [])
                .filter { $0["source"] as? String == "bank-transfer" }.compactMap { $0["match"] as? String }
            return matches.count >= 2
        }
        #expect(matches.sorted() == ["exact", "partial"], "\(matches)")
        // The re-sent line is reconciled as a duplicate on the ledger's topic and changes nothing.
        let reconciled = try await eventuallyValue(timeout: .seconds(10)) {
            let events = try await KafkaCLI(bootstrap: platform.bootstrap).read("payment.events.v1")
                .filter { $0.contains("\"type\":\"payment.bank-transfer-matched\"") && $0.contains(byBank) }
            return events.count >= 3 ? events : []
        }
        #expect(reconciled.map { $0.contains("\"match\":\"duplicate\"") }.filter { $0 }.count == 1, "\(reconciled)")
        let otherBuyer = try await api.login("beijing.buyer")
        #expect(try await api.send("GET", "/v1/companies/\(buyerCompany)/payment-account", token: otherBuyer).status == 403)

        // Completion captures and splits: the supplier's statement shows 90% of its lines.
        let teaCompany = world.company(of: "tea.admin")
        let completedOrder = await complete(api, platform: platform, order: prepaid, buyer: buyer, buyerCompany: buyerCompany)
        let teaLines = ((completedOrder["lines"] as? [[String: Any]]) ?? []).filter { $0["supplier"] as? String == teaCompany }
        let teaAmount = teaLines.reduce(0) { sum, line in
            sum + (line["quantity"] as? Int ?? 0) * (((line["unitPrice"] as? [String: Any])?["amount"] as? Int) ?? 0)
        }
        let teaFinance = try await api.login("tea.finance")
        var net: Int?
        _ = await eventually(timeout: .seconds(15)) {
            let statement = try? await api.send("GET", "/v1/companies/\(teaCompany)/settlement-statement", token: teaFinance)
            let sections = (statement?.object["sections"] as? [[String: Any]]) ?? []
            net = sections.isEmpty ? nil : -sections.reduce(0) { $0 + ((($1["closing"] as? [String: Any])?["amount"] as? Int) ?? 0) }
            return net != nil && net! > 0
        }
        if teaAmount > 0 {
            #expect(net == teaAmount - teaAmount / 10, "tea is owed 90% of \(teaAmount): \(net ?? -1)")
        }
        #expect(try await api.send("GET", "/v1/companies/\(teaCompany)/settlement-statement", token: buyer).status == 403)
        #expect(try await api.send("GET", "/v1/companies/\(teaCompany)/settlement-statement?from=2026-13-01", token: teaFinance).errorField == "from")
        let rolledOver = try await api.send("GET", "/v1/companies/\(teaCompany)/settlement-statement?from=2026-02-30", token: teaFinance)
        #expect(rolledOver.status == 400 && rolledOver.errorField == "from", "not March 2nd: \(rolledOver.text)")
        // The platform's own statement holds its commission; a company that does not exist is 404.
        let platformCompany = world.company(of: "platform.finance")
        let commission = try await api.send("GET", "/v1/companies/\(platformCompany)/settlement-statement", token: platformFinance)
        let revenue = ((commission.object["sections"] as? [[String: Any]]) ?? []).first { $0["account"] as? String == "platform-revenue" }
        #expect(((revenue?["closing"] as? [String: Any])?["amount"] as? Int).map { $0 < 0 } == true, "\(commission.text)")
        #expect(try await api.send("GET", "/v1/companies/co-nosuchcompany/settlement-statement", token: platformFinance).status == 404)

        // Returns: 2 units back, asked twice with one Idempotency-Key (one return); the supplier
        // approves; the units are on hand again and the value is refunded.
        let warehouse = try await api.login("tea.warehouse")
        let sku = try #require(teaLines.first?["sku"] as? String)
        let stockBefore = try await api.send("GET", "/v1/inventory/\(sku)", token: warehouse).object["onHand"] as? [String: Int] ?? [:]
        var returnIds: [String] = []
        for _ in 0..<2 {
            let asked = try await api.sendWithHeaders("POST", "/v1/orders/\(prepaid)/returns", token: buyer,
                                                      json: ["lines": [["sku": sku, "quantity": 2, "reason": "two boxes arrived crushed"]]],
                                                      headers: [("Idempotency-Key", "rma-\(prepaid)")])
            #expect(asked.status == 200, "\(asked.text)")
            returnIds += ((asked.object["returns"] as? [[String: Any]]) ?? []).compactMap { $0["returnId"] as? String }
        }
        #expect(Set(returnIds).count == 1 && returnIds.count == 2, "one return for one key: \(returnIds)")
        let returnId = try #require(returnIds.first)
        let tooMany = try await api.send("POST", "/v1/orders/\(prepaid)/returns", token: buyer,
                                         json: ["lines": [["sku": sku, "quantity": 1_000_000, "reason": "all of it"]]])
        #expect(tooMany.status >= 400 && tooMany.errorField?.contains("quantity") == true, "\(tooMany.text)")
        #expect(try await api.send("POST", "/v1/orders/\(prepaid)/returns/\(returnId)/approve?buyer=\(buyerCompany)",
                                   token: try await api.login("sunrise.warehouse"), json: [:]).status >= 400, "only the supplier decides")
        let approved = try await api.send("POST", "/v1/orders/\(prepaid)/returns/\(returnId)/approve?buyer=\(buyerCompany)",
                                          token: warehouse, json: ["comment": "photos checked"])
        #expect(approved.status == 200, "\(approved.text)")
        let refunded = await eventually(timeout: .seconds(15)) {
            let order = try? await api.send("GET", "/v1/orders/\(prepaid)", token: buyer)
            return ((order?.object["returns"] as? [[String: Any]])?.first?["status"] as? String) == "refunded"
        }
        #expect(refunded, "the return's value was refunded")
        let restocked = await eventually(timeout: .seconds(10)) {
            let onHand = (try? await api.send("GET", "/v1/inventory/\(sku)", token: warehouse))?.object["onHand"] as? [String: Int] ?? [:]
            return onHand.values.reduce(0, +) == stockBefore.values.reduce(0, +) + 2
        }
        #expect(restocked, "the returned units are on hand again")

        // Stock routes: the supplier receives goods and sees them; nobody else may.
        let before = try await api.send("GET", "/v1/inventory/\(sku)", token: warehouse)
        #expect(before.status == 200, "\(before.text)")
        let onHand = ((before.object["onHand"] as? [String: Int]) ?? [:])
        let depot = try #require(onHand.keys.sorted().first)
        // Sent twice under one Idempotency-Key (a retry after a lost answer): one command, counted
        // once. Inventory answers each: applied with the warehouse's on hand after it, then a retry.
        var answers: [(status: Int, command: String, outcome: String, onHand: Int?)] = []
        for _ in 1...2 {
            let received = try await api.sendWithHeaders("POST", "/v1/inventory/\(sku)/receipts", token: warehouse,
                                                         json: ["warehouse": depot, "quantity": 250, "reference": "ASN-TEST-1"],
                                                         headers: [("Idempotency-Key", "asn-test-1")])
            answers.append((received.status, received.object["command"] as? String ?? "", received.object["status"] as? String ?? "",
                            received.object["onHand"] as? Int))
        }
        #expect(answers.map(\.status) == [200, 200], "\(answers)")
        #expect(Set(answers.map(\.command)).count == 1, "the retry is the same command: \(answers)")
        #expect(answers.map(\.outcome) == ["recorded", "already-handled"], "\(answers)")
        #expect(answers.first?.onHand == (onHand[depot] ?? 0) + 250, "\(answers)")
        let grown = await eventually(timeout: .seconds(10)) {
            ((try? await api.send("GET", "/v1/inventory/\(sku)", token: warehouse))?.object["onHand"] as? [String: Int])?[depot]
                == (onHand[depot] ?? 0) + 250
        }
        #expect(grown, "the receipt is on hand once")
        // A correction below what is on hand is refused at once, naming the field, and changes nothing.
        let belowZero = try await api.send("POST", "/v1/inventory/\(sku)/adjustments", token: warehouse,
                                           json: ["warehouse": depot, "delta": -((onHand[depot] ?? 0) + 251), "reason": "count"])
        #expect(belowZero.status == 422 && belowZero.errorField == "delta" && belowZero.text.contains("would leave on-hand at -1"),
                "\(belowZero.text)")
        let unknownDepot = try await api.send("POST", "/v1/inventory/\(sku)/adjustments", token: warehouse,
                                              json: ["warehouse": "WH-NOWHERE", "delta": -1, "reason": "count"])
        #expect(unknownDepot.status == 422 && unknownDepot.errorField == "warehouse", "\(unknownDepot.text)")
        let counted = try await api.send("POST", "/v1/inventory/\(sku)/adjustments", token: warehouse,
                                         json: ["warehouse": depot, "delta": -1, "reason": "count"])
        #expect(counted.status == 200 && counted.object["onHand"] as? Int == (onHand[depot] ?? 0) + 249, "\(counted.text)")
        // A misspelt field is refused, naming it, instead of setting the SKU-wide level nobody meant.
        let levelBefore = try await api.send("GET", "/v1/inventory/\(sku)", token: warehouse).object["safetyStock"] as? Int
        let misspelt = try await api.send("PUT", "/v1/inventory/\(sku)/safety-stock", token: warehouse,
                                          json: ["warehose": depot, "quantity": 3])
        #expect(misspelt.status == 400 && misspelt.errorCode == "unknown-field" && misspelt.errorField == "warehose"
                && misspelt.text.contains("quantity, warehouse"), "\(misspelt.text)")
        let level = try await api.send("PUT", "/v1/inventory/\(sku)/safety-stock", token: warehouse, json: ["warehouse": depot, "quantity": 7])
        #expect(level.status == 200 && level.object["status"] as? String == "recorded", "\(level.text)")
        let shown = await eventually(timeout: .seconds(10)) {
            let stock = try? await api.send("GET", "/v1/inventory/\(sku)", token: warehouse)
            return (stock?.object["warehouseSafetyStock"] as? [String: Int])?[depot] == 7
        }
        #expect(shown, "the stock view shows the warehouse's low-stock level")
        #expect(try await api.send("GET", "/v1/inventory/\(sku)", token: warehouse).object["safetyStock"] as? Int == levelBefore,
                "the refused request set no SKU-wide level")
        let sunrise = try await api.login("sunrise.warehouse")
        #expect(try await api.send("POST", "/v1/inventory/\(sku)/receipts", token: sunrise,
                                   json: ["warehouse": depot, "quantity": 1, "reference": "x"]).status == 403)
        #expect(try await api.send("POST", "/v1/inventory/\(sku)/adjustments", token: warehouse,
                                   json: ["warehouse": depot, "delta": 0, "reason": "none"]).errorField == "delta")
        let mars = try await api.send("PUT", "/v1/warehouses/\(depot)/region", token: warehouse, json: ["region": "Mars Base!!"])
        #expect(mars.status == 400 && mars.errorField == "region" && mars.text.contains("east-china"),
                "a region no buyer can have is refused: \(mars.text)")
        let region = try await api.send("PUT", "/v1/warehouses/\(depot)/region", token: warehouse, json: ["region": "east-china"])
        #expect(region.status == 202, "\(region.text)")
        // A warehouse id is nobody's: another supplier may set its own region for the same depot (a
        // shared third-party warehouse), which steers only its own stock, and cannot set the tea
        // supplier's.
        let sunriseCompany = world.company(of: "sunrise.warehouse")
        let foreign = try await api.send("PUT", "/v1/warehouses/\(depot)/region", token: sunrise,
                                         json: ["region": "north-china", "supplier": teaCompany])
        #expect(foreign.status == 403, "\(foreign.text)")
        let sunriseOwn = try await api.send("PUT", "/v1/warehouses/\(depot)/region", token: sunrise, json: ["region": "north-china"])
        #expect(sunriseOwn.status == 202, "\(sunriseOwn.text)")
        let operatorToken = try await api.login("operator")
        let unnamed = try await api.send("PUT", "/v1/warehouses/\(depot)/region", token: operatorToken, json: ["region": "x"])
        #expect(unnamed.status == 400 && unnamed.errorField == "supplier", "\(unnamed.text)")
        let copies = try await eventuallyValue(timeout: .seconds(10)) {
            let events = try await KafkaCLI(bootstrap: platform.bootstrap).read("inventory.events.v1")
                .filter { $0.contains("\"type\":\"inventory.warehouse-region-set\"") && $0.contains("\"\(depot)\"") }
            return events.count >= 2 * Topics.inventoryCommands.partitions ? events : []
        }
        let teaCopies = copies.filter { $0.contains("\"supplier\":\"\(teaCompany)\"") && $0.contains("east-china") }
        let sunriseCopies = copies.filter { $0.contains("\"supplier\":\"\(sunriseCompany)\"") && $0.contains("north-china") }
        #expect(teaCopies.count == Topics.inventoryCommands.partitions, "every SKU partition learnt the tea supplier's region")
        #expect(sunriseCopies.count == Topics.inventoryCommands.partitions, "and, apart from it, the other supplier's")

        let verify = try await platform.verify(grace: 5)
        #expect(verify.code == 0, "\(verify.output)")
        _ = await platform.interrupt()
    }

    /// Ships and delivers every sub-order of a confirmed order; returns the completed order.
    /// 账期到期提醒: a credit order completed under 5-day terms is an invoice already inside the
    /// 7-day reminder window. Payment (which holds every invoice) announces it once on
    /// `payment.events.v1`, however often its deadline check runs, and the buyer's finance users
    /// find the reminder in their inbox.
    @Test func creditInvoiceFallingDue_remindsTheBuyersFinance_once() async throws {
        let platform = try await DevPlatform.start(environment: ["TRADEFLOW_PAYMENT_DEADLINE_CHECK_SECONDS": "1"])
        let api = GatewayClient(port: platform.httpPort)
        let world = try DemoWorld.load(platform)
        let buyer = try await api.login("metro.buyer")
        let finance = try await api.login("metro.finance")
        let buyerCompany = world.company(of: "metro.buyer")

        let platformFinance = try await api.login("platform.finance")
        let negative = try await api.send("PUT", "/v1/companies/\(buyerCompany)/credit-line", token: platformFinance,
                                          json: ["limit": ["amount": -5, "currency": "CNY"], "termDays": 5])
        #expect(negative.status == 400 && negative.errorField == "limit", "refused at once, not recorded and dropped: \(negative.text)")
        let supplierCredit = try await api.send("PUT", "/v1/companies/\(world.company(of: "tea.admin"))/credit-line", token: platformFinance,
                                                json: ["limit": ["amount": 5, "currency": "CNY"], "termDays": 5])
        #expect(supplierCredit.status == 400 && supplierCredit.errorField == "id", "credit lines are for buyers: \(supplierCredit.text)")
        let nobody = try await api.send("PUT", "/v1/companies/NO-SUCH-CO/credit-line", token: platformFinance,
                                        json: ["limit": ["amount": 5, "currency": "CNY"], "termDays": 5])
        #expect(nobody.status == 404, "\(nobody.text)")
        let terms = try await api.send("PUT", "/v1/companies/\(buyerCompany)/credit-line", token: platformFinance,
                                       json: ["limit": ["amount": 50_000_000, "currency": "CNY"], "termDays": 5])
        #expect(terms.status == 202, "\(terms.text)")
        let applied = await eventually(timeout: .seconds(10)) {
            let account = try? await api.send("GET", "/v1/companies/\(buyerCompany)/payment-account", token: finance)
            return ((account?.object["credit"] as? [String: Any])?["termDays"] as? Int) == 5
        }
        #expect(applied, "the 5-day terms reached the payment service")

        let placed = try await saga.place(api, buyer, lines: [("P0023-1", 10)])
        let order = try #require(placed.object["order"] as? String, "\(placed.text)")
        _ = await saga.status(api, buyer, order, becomes: "confirmed")
        // With credit reserved in CNY, a line in another currency is refused now, not after a 202.
        let inDollars = try await api.send("PUT", "/v1/companies/\(buyerCompany)/credit-line", token: platformFinance,
                                           json: ["limit": ["amount": 50_000_000, "currency": "USD"], "termDays": 5])
        #expect(inDollars.status == 409 && inDollars.errorField == "limit" && inDollars.text.contains("CNY"), "\(inDollars.text)")
        // Paid in part before delivery: nothing is invoiced yet, so the money is held for the order
        // and pays its invoice the moment it is issued.
        let early = try await api.send("POST", "/v1/payments/bank-transfers", token: platformFinance, json: ["transfers": [
            ["payer": buyerCompany, "reference": order, "amount": ["amount": 100, "currency": "CNY"], "bankTransactionId": "BT-EARLY-1"]]])
        #expect(early.status == 202, "\(early.text)")
        #expect(await complete(api, platform: platform, order: order, buyer: buyer, buyerCompany: buyerCompany)["status"] as? String
                == "completed", "completion captures the credit order: an invoice due in 5 days")
        let paidEarly = await eventually(timeout: .seconds(10)) {
            let account = try? await api.send("GET", "/v1/companies/\(buyerCompany)/payment-account", token: finance)
            let invoice = (account?.object["openInvoices"] as? [[String: Any]])?.first { $0["order"] as? String == order }
            return ((invoice?["paid"] as? [String: Any])?["amount"] as? Int) == 100
        }
        #expect(paidEarly, "the invoice counts what was sent for it before it existed")

        let reminder = try await eventuallyValue(timeout: .seconds(20)) {
            let items = (try await api.send("GET", "/v1/notifications?limit=50", token: finance).object["items"] as? [[String: Any]]) ?? []
            return items.filter { $0["eventType"] as? String == "payment.invoice-due" && ($0["title"] as? String)?.contains(order) == true }
        }
        #expect(reminder.count == 1, "\(reminder)")
        #expect((reminder.first?["title"] as? String)?.contains("due in 5 days") == true, "\(reminder)")

        // Several more deadline checks (one a second): the 7-day window is announced only once.
        try await Task.sleep(for: .seconds(4))
        let announced = try await KafkaCLI(bootstrap: platform.bootstrap).read("payment.events.v1")
            .filter { $0.contains("\"type\":\"payment.invoice-due-soon\"") && $0.contains(order) }
        #expect(announced.count == 1, "\(announced)")
        #expect(announced.first?.contains("\"withinDays\":7") == true, "\(announced)")
    }

    func complete(_ api: GatewayClient, platform: DevPlatform, order: String, buyer: String, buyerCompany: String) async -> [String: Any] {
        let confirmed = (try? await api.send("GET", "/v1/orders/\(order)", token: buyer))?.object ?? [:]
        let world = try? DemoWorld.load(platform)
        for subOrder in (confirmed["subOrders"] as? [[String: Any]]) ?? [] {
            guard let id = subOrder["subOrder"] as? String else { continue }
            let user = (subOrder["supplier"] as? String) == world?.company(of: "tea.admin") ? "tea.warehouse" : "sunrise.warehouse"
            guard let warehouse = try? await api.login(user) else { continue }
            _ = try? await api.send("POST", "/v1/orders/\(order)/sub-orders/\(id)/ship?buyer=\(buyerCompany)", token: warehouse,
                                    json: ["carrier": "SF Express", "trackingNumber": "SF123456"])
            _ = try? await api.send("POST", "/v1/orders/\(order)/sub-orders/\(id)/confirm-delivery", token: buyer)
        }
        return await saga.status(api, buyer, order, becomes: "completed")
    }
}
}
