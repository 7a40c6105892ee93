import Foundation
import Testing
import TestSupport

/// Issue 3 as a user meets it, over HTTP against `tradeflow dev` with its demo world: a supplier
/// publishes, a distributor lists, buyers of different tiers get different, explained prices, and
/// nobody reaches what is not theirs.
extension PlatformTests {
@Suite struct CatalogFlowTests {
    @Test func supplierPublishes_distributorLists_buyersGetTheirOwnExplainedPrices_andAccessIsEnforced() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let world = try DemoWorld.load(platform)
        let tea = world.company(of: "tea.admin")
        let supplier = try await api.login("tea.catalog")
        let distributor = try await api.login("youxuan.catalog")
        let gold = try await api.login("metro.buyer")       // gold tier
        let silver = try await api.login("chengdu.buyer")   // silver tier

        // A supplier creates a product and lists it.
        let product: [String: Any] = [
            "id": "E2E-TEA", "name": "E2E 测试茶 Test Tea", "categoryPath": ["Beverages", "Tea", "E2E"],
            "attributes": ["spec": "100g"],
            "skus": [["sku": "E2E-TEA-100G", "unit": "盒", "packSize": 1, "minimumOrderQuantity": 1,
                      "basePrice": ["amount": 10000, "currency": "CNY"], "minimumResalePrice": ["amount": 11000, "currency": "CNY"],
                      "attributes": ["spec": "100g"]]],
        ]
        let created = try await api.send("POST", "/v1/products", token: supplier, json: product)
        #expect(created.status == 200, "\(created.text)")
        #expect(created.object["revision"] as? Int == 1)
        let listed = try await api.send("POST", "/v1/products/E2E-TEA/status", token: supplier, json: ["status": "listed"])
        #expect(listed.status == 200, "\(listed.text)")
        let priceList: [String: Any] = [
            "id": "PL-E2E", "name": "E2E tiers", "currency": "CNY", "rules": [
                ["kind": "customer-tier", "sku": "E2E-TEA-100G", "tier": "gold", "unitPrice": ["amount": 9000, "currency": "CNY"]],
                ["kind": "customer-tier", "sku": "E2E-TEA-100G", "tier": "silver", "unitPrice": ["amount": 9500, "currency": "CNY"]],
                ["kind": "volume-tier", "sku": "E2E-TEA-100G", "tiers": [["minimumQuantity": 100, "unitPrice": ["amount": 8800, "currency": "CNY"]]]],
            ],
        ]
        #expect(try await api.send("POST", "/v1/price-lists", token: supplier, json: priceList).status == 200)
        // A contract price for a company that does not exist (a typo) or does not buy is refused.
        for (buyer, problem) in [("NO-SUCH-BUYER", "no company NO-SUCH-BUYER"), (tea, "does not buy")] {
            let contract = try await api.send("POST", "/v1/price-lists", token: supplier, json: [
                "id": "PL-E2E-CONTRACT", "name": "contracts", "currency": "CNY", "rules": [
                    ["kind": "contract", "sku": "E2E-TEA-100G", "buyer": buyer, "unitPrice": ["amount": 8000, "currency": "CNY"]],
                ],
            ])
            #expect(contract.status == 400 && contract.errorField == "rules[0].buyer" && contract.text.contains(problem), "\(contract.text)")
        }

        // The distributor lists it in its shop at a fixed resale price (一键铺货).
        let listing = try await api.send("POST", "/v1/shops/\(world.shop)/listings", token: distributor, json: [
            "supplier": tea, "skus": ["E2E-TEA-100G"], "pricing": ["kind": "fixed-price", "price": ["amount": 12000, "currency": "CNY"]],
        ])
        #expect(listing.status == 200, "\(listing.text)")

        // Two buyers of different tiers: different prices, each with the rule that produced it.
        let goldQuote = try await eventuallyQuote(api, token: gold, path: "/v1/products/E2E-TEA-100G/price?quantity=10")
        let silverQuote = try await eventuallyQuote(api, token: silver, path: "/v1/products/E2E-TEA-100G/price?quantity=10")
        #expect(goldQuote.money("unitPrice") == 9000)
        #expect(goldQuote.money("total") == 90000)
        #expect((goldQuote["rule"] as? [String: Any])?["kind"] as? String == "customer-tier")
        #expect(silverQuote.money("unitPrice") == 9500)
        #expect((silverQuote["rule"] as? [String: Any])?["description"] as? String != nil)
        let bulk = try await eventuallyQuote(api, token: silver, path: "/v1/products/E2E-TEA-100G/price?quantity=100")
        #expect(bulk.money("unitPrice") == 8800, "the volume tier beats the silver price at 100 units")
        #expect((bulk["rule"] as? [String: Any])?["kind"] as? String == "volume-tier")

        // Through the shop: the distributor's fixed price.
        let shopQuote = try await api.send("GET", "/v1/products/E2E-TEA-100G/price?quantity=10&shop=\(world.shop)", token: gold)
        #expect((shopQuote.object["shop"] as? [String: Any])?.money("unitPrice") == 12000)

        // Supplier changes flow through to the listing: a higher floor, then delisting.
        var raised = product
        var sku = (product["skus"] as! [[String: Any]])[0]
        sku["minimumResalePrice"] = ["amount": 13000, "currency": "CNY"]
        raised["skus"] = [sku]
        #expect(try await api.send("POST", "/v1/products", token: supplier, json: raised).status == 200)
        let floored = await eventually(timeout: .seconds(10)) {
            let shop = try? await api.send("GET", "/v1/shops/\(world.shop)/listings", token: gold)
            let entry = (shop?.object["listings"] as? [[String: Any]])?.first { $0["sku"] as? String == "E2E-TEA-100G" }
            return entry?["status"] as? String == "raised-to-floor" && entry?.money("unitPrice") == 13000
        }
        #expect(floored, "the supplier's new floor applies to the distributor's listing")
        #expect(try await api.send("POST", "/v1/products/E2E-TEA/status", token: supplier, json: ["status": "delisted"]).status == 200)
        let unavailable = await eventually(timeout: .seconds(10)) {
            let shop = try? await api.send("GET", "/v1/shops/\(world.shop)/listings", token: gold)
            let entry = (shop?.object["listings"] as? [[String: Any]])?.first { $0["sku"] as? String == "E2E-TEA-100G" }
            return entry?["status"] as? String == "unavailable"
        }
        #expect(unavailable, "a delisted product is unavailable in every shop that listed it")

        // The demo shop listed the supplier's whole tea category, so it follows it: a tea the
        // supplier lists afterwards is in the shop at the category's +15%, without listing again.
        var newTea = product
        newTea["id"] = "E2E-NEWTEA"
        newTea["skus"] = [["sku": "E2E-NEWTEA-1", "unit": "盒", "packSize": 1, "minimumOrderQuantity": 1,
                           "basePrice": ["amount": 20000, "currency": "CNY"]]]
        #expect(try await api.send("POST", "/v1/products", token: supplier, json: newTea).status == 200)
        #expect(try await api.send("POST", "/v1/products/E2E-NEWTEA/status", token: supplier, json: ["status": "listed"]).status == 200)
        func shopEntry(_ sku: String) async -> [String: Any]? {
            let shop = try? await api.send("GET", "/v1/shops/\(world.shop)/listings", token: gold)
            return (shop?.object["listings"] as? [[String: Any]])?.first { $0["sku"] as? String == sku }
        }
        #expect(await eventually(timeout: .seconds(10)) { await shopEntry("E2E-NEWTEA-1")?.money("unitPrice") == 23000 },
                "a tea listed after the category was listed is in the shop at +15%")
        let follows = (try await api.send("GET", "/v1/shops/\(world.shop)/listings", token: distributor).object["followedCategories"] as? [[String: Any]]) ?? []
        #expect(follows.map { $0["category"] as? [String] } == [["Beverages", "Tea"]])
        let followedQuote = try await api.send("GET", "/v1/products/E2E-NEWTEA-1/price?quantity=2&shop=\(world.shop)", token: gold)
        #expect((followedQuote.object["shop"] as? [String: Any])?.money("total") == 46000, "\(followedQuote.text)")
        // The distributor takes it out: it stays out, and an order through the shop is refused.
        let takenOut = try await api.send("POST", "/v1/shops/\(world.shop)/listings/remove", token: distributor, json: ["skus": ["E2E-NEWTEA-1"]])
        #expect(takenOut.status == 200, "\(takenOut.text)")
        #expect(await eventually(timeout: .seconds(10)) { await shopEntry("E2E-NEWTEA-1") == nil })
        let outQuote = try await api.send("GET", "/v1/products/E2E-NEWTEA-1/price?quantity=2&shop=\(world.shop)", token: gold)
        #expect(outQuote.status == 404 && outQuote.errorField == "shop", "\(outQuote.text)")
        // Stopping to follow the category takes every tea of that supplier out of the shop.
        let noSupplier = try await api.send("POST", "/v1/shops/\(world.shop)/listings/remove", token: distributor,
                                            json: ["category": ["Beverages", "Tea"]])
        #expect(noSupplier.status == 400 && noSupplier.errorField == "supplier", "\(noSupplier.text)")
        let unfollowed = try await api.send("POST", "/v1/shops/\(world.shop)/listings/remove", token: distributor,
                                            json: ["supplier": tea, "category": ["Beverages", "Tea"]])
        #expect(unfollowed.status == 200, "\(unfollowed.text)")
        #expect(await eventually(timeout: .seconds(10)) {
            let shop = try? await api.send("GET", "/v1/shops/\(world.shop)/listings", token: gold)
            let teas = (shop?.object["listings"] as? [[String: Any]])?.filter { $0["supplier"] as? String == tea } ?? [[:]]
            return teas.isEmpty && (shop?.object["followedCategories"] as? [Any])?.isEmpty == true
        }, "no tea of the supplier is left in the shop")

        // A SKU the supplier stops selling (the product sent again without it) is discontinued, not
        // forgotten: its stock stays the supplier's to see and count, buyers hear it is no longer
        // sold, and no other product may take the code.
        let sizes: [String: Any] = ["id": "E2E-SIZES", "name": "E2E sizes", "categoryPath": ["Beverages", "Tea", "E2E"],
                                    "skus": ["E2E-SIZES-S", "E2E-SIZES-L"].map { code in
                                        ["sku": code, "unit": "盒", "basePrice": ["amount": 5000, "currency": "CNY"],
                                         "packSize": 1, "minimumOrderQuantity": 1] as [String: Any] }]
        #expect(try await api.send("POST", "/v1/products", token: supplier, json: sizes).status == 200)
        #expect(try await api.send("POST", "/v1/products/E2E-SIZES/status", token: supplier, json: ["status": "listed"]).status == 200)
        let teaWarehouse = try await api.login("tea.warehouse")
        let received = await eventually(timeout: .seconds(10)) {
            (try? await api.send("POST", "/v1/inventory/E2E-SIZES-L/receipts", token: teaWarehouse,
                                 json: ["warehouse": "WH-HZ-01", "quantity": 5, "reference": "ASN-SIZES"]))?.status == 200
        }
        #expect(received, "stock of the large size arrived")
        let saga = SagaFlowTests()
        let ordered = try await saga.place(api, gold, lines: [("E2E-SIZES-L", 1)], key: "sizes-large-1")
        #expect(ordered.status == 202, "\(ordered.text)")
        var smallOnly = sizes
        smallOnly["skus"] = [(sizes["skus"] as! [[String: Any]])[0]]
        #expect(try await api.send("POST", "/v1/products", token: supplier, json: smallOnly).status == 200)
        let discontinued = await eventually(timeout: .seconds(10)) {
            let answer = try? await api.send("GET", "/v1/products/E2E-SIZES-L", token: gold)
            return answer?.status == 404 && answer?.errorCode == "sku-discontinued"
        }
        #expect(discontinued, "buyers hear the large size is no longer sold")
        // An order placed before still answers its retry; a new one is refused, saying why.
        let retried = try await saga.place(api, gold, lines: [("E2E-SIZES-L", 1)], key: "sizes-large-1")
        #expect(retried.status == 202 && retried.object["order"] as? String == ordered.object["order"] as? String, "\(retried.text)")
        let fresh = try await saga.place(api, gold, lines: [("E2E-SIZES-L", 1)], key: "sizes-large-2")
        #expect(fresh.status == 422 && fresh.errorCode == "sku-discontinued" && fresh.errorField == "lines[0].sku", "\(fresh.text)")
        let stock = try await api.send("GET", "/v1/inventory/E2E-SIZES-L", token: teaWarehouse)
        #expect(stock.status == 200 && (stock.object["onHand"] as? [String: Int])?["WH-HZ-01"] == 5, "\(stock.text)")
        let counted = try await api.send("POST", "/v1/inventory/E2E-SIZES-L/adjustments", token: teaWarehouse,
                                         json: ["warehouse": "WH-HZ-01", "delta": -1, "reason": "sold off outside the platform"])
        #expect(counted.status == 200, "the rest can still be counted off: \(counted.text)")
        let shown = try await api.send("GET", "/v1/products/E2E-SIZES-S", token: supplier)
        #expect(((shown.object["product"] as? [String: Any])?["discontinuedSKUs"] as? [String]) == ["E2E-SIZES-L"], "\(shown.text)")
        var taker = newTea
        taker["id"] = "E2E-TAKER"
        taker["skus"] = [(sizes["skus"] as! [[String: Any]])[1]]
        let taken = try await api.send("POST", "/v1/products", token: supplier, json: taker)
        #expect(taken.status == 409 || taken.status == 422, "\(taken.text)")
        #expect(taken.text.contains("discontinued"), "\(taken.text)")

        // Access control: role and ownership, with the reason.
        let buyerCreates = try await api.send("POST", "/v1/products", token: gold, json: product)
        #expect(buyerCreates.status == 403)
        let otherSupplier = try await api.login("sunrise.catalog")
        var foreign = product
        foreign["supplier"] = tea
        #expect(try await api.send("POST", "/v1/products", token: otherSupplier, json: foreign).status == 403)
        #expect(try await api.send("GET", "/v1/companies/\(world.company(of: "chengdu.admin"))", token: gold).status == 403)
        #expect(try await api.send("GET", "/v1/companies/\(world.company(of: "metro.admin"))", token: gold).status == 200)
        #expect(try await api.send("GET", "/v1/products").status == 401)
        let forged = String(gold.dropLast(4)) + (gold.hasSuffix("AAAA") ? "BBBB" : "AAAA")
        #expect(try await api.send("GET", "/v1/products", token: forged).status == 401)
        let header = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let parts = gold.split(separator: ".")
        #expect(try await api.send("GET", "/v1/products", token: "\(header).\(parts[1]).").status == 401)

        // Password guessing: five wrong passwords lock the account for 15 minutes, the right one
        // included, whatever the case the name is written in (sign-in ignores it, so the count
        // does too); a name that does not exist is never locked (it reveals nothing either way).
        for (attempt, name) in ["beijing.finance", "Beijing.finance", "BEIJING.FINANCE", "beijing.Finance", "beijing.finance"].enumerated() {
            let wrong = try await api.send("POST", "/v1/auth/token", json: ["username": name, "password": "guess-\(attempt)"])
            #expect(wrong.status == 401, "\(wrong.text)")
        }
        for name in ["beijing.finance", "BEIJING.finance"] {
            let locked = try await api.send("POST", "/v1/auth/token", json: ["username": name, "password": "tradeflow-demo-2026"])
            #expect(locked.status == 429 && locked.text.contains("sign-in-locked"), "\(name): \(locked.text)")
            #expect(locked.headers.contains { $0.name.lowercased() == "retry-after" && (Int($0.value) ?? 0) > 800 }, "\(locked.headers)")
        }
        for attempt in 1...6 {
            let unknown = try await api.send("POST", "/v1/auth/token", json: ["username": "nobody.here", "password": "guess-\(attempt)"])
            #expect(unknown.status == 401, "\(unknown.text)")
        }
        #expect(try await api.send("POST", "/v1/auth/token", json: ["username": "beijing.buyer", "password": "tradeflow-demo-2026"]).status == 200)

        // Bad input: a clear error naming the field, nothing changed.
        let noQuantity = try await api.send("GET", "/v1/products/P0002-1/price", token: gold)
        #expect(noQuantity.status == 400 && noQuantity.errorField == "quantity" && noQuantity.text.contains("required"), "\(noQuantity.text)")
        let badQuantity = try await api.send("GET", "/v1/products/P0002-1/price?quantity=0", token: gold)
        #expect(badQuantity.status == 400 && badQuantity.errorField == "quantity")
        let missingField = try await api.send("POST", "/v1/products", token: supplier, json: ["id": "E2E-BAD", "name": "x"])
        #expect(missingField.status == 400 && missingField.errorField == "categoryPath", "\(missingField.text)")

        // CSV import: good rows applied, bad rows reported by line and column.
        let csv = """
        product_id,name,category,sku,unit,pack_size,moq,base_price,currency,attributes,status
        E2E-CSV,CSV 导入 Import,Beverages > Tea > E2E,E2E-CSV-1,盒,1,1,12.50,CNY,spec=50g,listed
        E2E-CSV,CSV 导入 Import,Beverages > Tea > E2E,E2E-CSV-2,盒,1,1,not-a-price,CNY,spec=100g,listed
        E2E-CSV2,"Quoted, name",Beverages > Tea > E2E,E2E-CSV2-1,盒,0,1,9.90,CNY,,listed
        E2E-CSV3,Good,Beverages > Tea > E2E,E2E-CSV3-1,盒,1,1,9.90,XXX,,listed
        """
        let imported = try await api.send("POST", "/v1/products/import", token: supplier, raw: csv, contentType: "text/csv")
        #expect(imported.status == 200, "\(imported.text)")
        let errors = imported.object["errors"] as? [[String: Any]] ?? []
        #expect(errors.map { $0["line"] as? Int } .contains(3), "the bad price on line 3 is reported: \(imported.text)")
        #expect(errors.contains { $0["line"] as? Int == 4 }, "the zero pack size on line 4 is reported")
        #expect(errors.contains { $0["line"] as? Int == 5 }, "the unknown currency on line 5 is reported")

        _ = await platform.interrupt()
    }

    private func eventuallyQuote(_ api: GatewayClient, token: String, path: String) async throws -> [String: Any] {
        var last = ""
        for _ in 0..<100 {
            let reply = try await api.send("GET", path, token: token)
            if reply.status == 200, let quote = reply.object["quote"] as? [String: Any] { return quote }
            last = reply.text
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no quote for \(path): \(last)")
        return [:]
    }
}
}
