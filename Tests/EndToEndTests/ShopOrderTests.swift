import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// S2B2B: a buyer orders some lines from a distributor's shop (一键铺货 listings) and others
/// straight from the supplier. The shop's lines cost the shop's resale price, carry the
/// distributor, let it read just those lines, and pay it its margin when the order settles.
@Suite struct ShopOrderTests {
    let saga = SagaFlowTests()

    @Test func aLineBoughtFromAShop_costsTheShopsPrice_andTheDistributorIsPaidItsMargin() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let world = try DemoWorld.load(platform)
        let buyer = try await api.login("metro.buyer")

        // Distributors keep 10% of what their shops sell (rates are fixed when an order is authorized).
        let finance = try await api.login("platform.finance")
        let rules = try await api.send("PUT", "/v1/settlement-rules", token: finance, json: ["rules": [
            ["platformCommissionBasisPoints": 500],
            ["distributor": world.shop, "platformCommissionBasisPoints": 500, "distributorMarginBasisPoints": 1_000],
        ]])
        #expect(rules.status == 202, "\(rules.text)")
        #expect(await eventually(timeout: .seconds(10)) {
            ((try? await api.send("GET", "/v1/settlement-rules", token: finance))?.object["rules"] as? [Any])?.count == 2
        })

        // The shop's price for a tea it lists, as the price endpoint quotes it.
        let listings = (try await api.send("GET", "/v1/shops/\(world.shop)/listings", token: buyer).object["listings"] as? [[String: Any]]) ?? []
        let listed = try #require(listings.first { $0["sku"] as? String == "P0003-1" }, "the demo shop lists the tea category")
        let quote = try await api.send("GET", "/v1/products/P0003-1/price?quantity=10&shop=\(world.shop)", token: buyer)
        let shopPrice = try #require((quote.object["shop"] as? [String: Any])?.money("unitPrice"), "\(quote.text)")
        #expect((listed["unitPrice"] as? [String: Any])?["amount"] as? Int == shopPrice)

        // Bad shops name the line's field and place nothing.
        let address = ["name": "Li", "phone": "1", "region": "east-china", "city": "Shanghai", "street": "1"]
        func place(_ lines: [[String: Any]]) async throws -> GatewayClient.Reply {
            try await api.send("POST", "/v1/orders", token: buyer, json: ["lines": lines, "deliveryAddress": address, "paymentMethod": "credit"])
        }
        let unknownShop = try await place([["sku": "P0003-1", "quantity": 10, "shop": "co-nosuchshop"]])
        #expect(unknownShop.status == 422 && unknownShop.errorField == "lines[0].shop", "\(unknownShop.text)")
        let emptyShop = try await place([["sku": "P0003-1", "quantity": 10, "shop": ""]])
        #expect(emptyShop.status == 400 && emptyShop.errorField == "lines[0].shop", "\(emptyShop.text)")
        let misspelt = try await place([["sku": "P0003-1", "quantiy": 10]])
        #expect(misspelt.status == 400 && misspelt.errorField == "lines[0].quantity" && misspelt.text.contains("quantiy"), "\(misspelt.text)")
        let notListed = try await place([["sku": "P0003-1", "quantity": 10], ["sku": "P0061-1", "quantity": 20, "shop": world.shop]])
        #expect(notListed.status == 422 && notListed.errorField == "lines[1].shop", "a field of the order, as on quick order: \(notListed.text)")

        // One tea from the shop, one straight from the same supplier: one sub-order, two prices.
        let placed = try await place([["sku": "P0003-1", "quantity": 10, "shop": world.shop], ["sku": "P0004-1", "quantity": 10]])
        #expect(placed.status == 202, "\(placed.text)")
        let order = try #require(placed.object["order"] as? String)
        let lines = (placed.object["lines"] as? [[String: Any]]) ?? []
        #expect(lines.first?["distributor"] as? String == world.shop && lines.first?.money("unitPrice") == shopPrice, "\(placed.text)")
        #expect(lines.last?["distributor"] == nil, "the direct line has no distributor")
        let confirmed = await saga.status(api, buyer, order, becomes: "confirmed")
        #expect(confirmed["status"] as? String == "confirmed", "\(confirmed)")

        // A quick order names the shop in a third column.
        let quick = try await api.send("POST", "/v1/orders/quick", token: buyer, json: [
            "csv": "SKU,quantity,shop\nP0003-1,10,\(world.shop)\nP0004-1,10", "deliveryAddress": address, "paymentMethod": "credit"])
        #expect(quick.status == 202, "\(quick.text)")
        #expect(((quick.object["lines"] as? [[String: Any]]) ?? []).map { $0["distributor"] as? String } == [world.shop, nil], "\(quick.text)")

        // The distributor reads the line its shop sold, not the supplier's direct one.
        let buyerCompany = world.company(of: "metro.buyer")
        let subOrder = try #require((confirmed["subOrders"] as? [[String: Any]])?.first?["subOrder"] as? String)
        let path = "/v1/orders/\(order)/sub-orders/\(subOrder)"
        let distributor = try await api.login("youxuan.admin")
        let shopPart = try await api.send("GET", "\(path)?buyer=\(buyerCompany)", token: distributor)
        #expect(shopPart.status == 200, "\(shopPart.text)")
        #expect(((shopPart.object["lines"] as? [[String: Any]]) ?? []).map { $0["sku"] as? String } == ["P0003-1"], "\(shopPart.text)")

        // Both orders are on the supplier's desk to ship, newest confirmed first, a page at a time,
        // and on the distributor's with just the line its shop sold.
        let quickOrder = try #require(quick.object["order"] as? String)
        #expect(await saga.status(api, buyer, quickOrder, becomes: "confirmed")["status"] as? String == "confirmed")
        let warehouse = try await api.login("tea.warehouse")
        let toShip = "/v1/sub-orders?orderStatus=confirmed&status=open"
        func desk(_ query: String, _ token: String) async throws -> (orders: [String], items: [[String: Any]], next: String?) {
            let reply = try await api.send("GET", query, token: token)
            #expect(reply.status == 200, "\(query): \(reply.text)")
            let items = (reply.object["subOrders"] as? [[String: Any]]) ?? []
            return (items.compactMap { $0["order"] as? String }, items, reply.object["nextBefore"] as? String)
        }
        let first = try await desk("\(toShip)&limit=1", warehouse)
        #expect(first.orders == [quickOrder] && first.next != nil, "\(first.items)")
        let second = try await desk("\(toShip)&limit=1&before=\(try #require(first.next))", warehouse)
        #expect(second.orders == [order], "\(second.items)")
        #expect(second.items.first?["buyer"] as? String == buyerCompany && second.items.first?["subOrder"] as? String == subOrder)
        #expect((second.items.first?["deliveryAddress"] as? [String: Any])?["city"] as? String == "Shanghai")
        // Oldest first, to ship in order: the same two the other way round.
        let oldest = try await desk("\(toShip)&sort=oldest&limit=1", warehouse)
        let oldestNext = try #require(oldest.next, "\(oldest.items)")
        let older = try await desk("\(toShip)&sort=oldest&limit=1&before=\(oldestNext)", warehouse)
        #expect(oldest.orders + older.orders == [order, quickOrder], "\(oldest.items) \(older.items)")
        let shopDesk = try await desk("/v1/sub-orders", distributor)
        #expect(Array(shopDesk.orders.prefix(2)) == [quickOrder, order], "\(shopDesk.items)")
        #expect(shopDesk.items.prefix(2).allSatisfy { ($0["totals"] as? [String: Any])?["quantity"] as? Int == 10 }, "\(shopDesk.items)")
        // Another company's desk is not the buyer's to read; bad parameters name themselves.
        let teaSupplier = world.company(of: "tea.warehouse")
        #expect(try await api.send("GET", "/v1/sub-orders?company=\(teaSupplier)", token: buyer).status == 403)
        let operatorView = try await desk("\(toShip)&company=\(teaSupplier)", try await api.login("operator"))
        #expect(Array(operatorView.orders.prefix(2)) == [quickOrder, order], "an operator reads any company's desk: \(operatorView.items)")
        for (query, field) in [("status=lost", "status"), ("orderStatus=lost", "orderStatus"), ("before=1.2", "before"),
                               ("sort=random", "sort"), ("sort=oldest&before=\(try #require(first.next))", "before"),
                               ("limit=101", "limit"), ("company=%20", "company")] {
            let refused = try await api.send("GET", "/v1/sub-orders?\(query)", token: warehouse)
            #expect(refused.status == 400 && refused.errorField == field, "\(query): \(refused.text)")
        }

        // Read to its end, the desk says where to look later: then only what was confirmed since.
        var resume: String?
        var cursor = older.next.map { "&before=\($0)" } ?? ""
        for _ in 1...5 where resume == nil {
            let reply = try await api.send("GET", "\(toShip)&sort=oldest&limit=100\(cursor)", token: warehouse)
            resume = reply.object["resumeBefore"] as? String
            cursor = (reply.object["nextBefore"] as? String).map { "&before=\($0)" } ?? cursor
        }
        let resumeCursor = try #require(resume, "the last oldest-first page carries resumeBefore")
        #expect(try await desk("\(toShip)&sort=oldest&before=\(resumeCursor)", warehouse).orders == [])
        let later = try await place([["sku": "P0004-1", "quantity": 10]])
        let laterOrder = try #require(later.object["order"] as? String, "\(later.text)")
        #expect(await saga.status(api, buyer, laterOrder, becomes: "confirmed")["status"] as? String == "confirmed")
        #expect(try await desk("\(toShip)&sort=oldest&before=\(resumeCursor)", warehouse).orders == [laterOrder])

        // The warehouse ships the page in one batch: each shipment answered on its own, a sub-order
        // it does not have refused without holding back the others; the same batch again ships
        // nothing twice. Shipped sub-orders leave the list to ship.
        let quickSubOrder = try #require(first.items.first?["subOrder"] as? String)
        let shipments: [[String: Any]] = [
            ["order": order, "buyer": buyerCompany, "subOrder": subOrder, "carrier": "SF Express", "trackingNumber": "SF-SHOP-1"],
            ["order": order, "buyer": buyerCompany, "subOrder": "\(order)-S-co-nobody", "carrier": "SF Express", "trackingNumber": "SF-X"],
            ["order": quickOrder, "buyer": buyerCompany, "subOrder": quickSubOrder, "carrier": "SF Express", "trackingNumber": "SF-SHOP-2"],
        ]
        let batch = ["shipments": shipments]
        for attempt in 1...2 {
            let shipped = try await api.sendWithHeaders("POST", "/v1/sub-orders/ship", token: warehouse, json: batch,
                                                        headers: [("Idempotency-Key", "wave-2026-11-24")])
            #expect(shipped.status == 200 && shipped.object["shipped"] as? Int == 2 && shipped.object["failed"] as? Int == 1,
                    "attempt \(attempt): \(shipped.text)")
            let results = (shipped.object["results"] as? [[String: Any]]) ?? []
            #expect(results.map { $0["status"] as? Int } == [200, 404, 200], "attempt \(attempt): \(shipped.text)")
            #expect(((results.first?["shipped"] as? [String: Any])?["shipment"] as? [String: Any])?["trackingNumber"] as? String == "SF-SHOP-1")
        }
        let oneShipment = try #require(try await api.send("GET", "/v1/orders/\(order)", token: buyer).object["history"] as? [[String: Any]])
        #expect(oneShipment.filter { ($0["reason"] as? String)?.contains("shipped") == true }.count == 1, "\(oneShipment)")
        #expect(try await desk(toShip, warehouse).orders.contains(order) == false)
        #expect(Set(try await desk("/v1/sub-orders?status=shipped", warehouse).orders.prefix(2)) == [order, quickOrder])
        // The same page as CSV for the label printer: a header, one row per sub-order, the cursor in a header.
        let csv = try await api.send("GET", "/v1/sub-orders?status=shipped&limit=1&format=csv", token: warehouse)
        let rows = csv.text.components(separatedBy: "\r\n")
        #expect(csv.status == 200 && csv.headers.contains { $0.name.lowercased() == "content-type" && $0.value.hasPrefix("text/csv") })
        #expect(rows.first?.hasPrefix("order,subOrder,buyer,supplier,orderStatus,status,") == true && rows.count == 3 && rows[2].isEmpty,
                "\(csv.text)")
        #expect(rows.count > 1 && rows[1].contains(buyerCompany) && rows[1].contains(",shipped,") && rows[1].contains("SF-SHOP-"), "\(csv.text)")
        #expect(csv.headers.contains { $0.name.lowercased() == "x-next-before" && !$0.value.isEmpty }, "\(csv.headers)")
        // With lines, a picking list: one row per line, with its SKU and the warehouses to pick from;
        // the distributor's holds only the line its shop sold.
        let picking = try await api.send("GET", "/v1/sub-orders?status=shipped&limit=2&lines=true&format=csv", token: warehouse)
        let pickRows = picking.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(pickRows.first?.hasSuffix(",line,sku,product,distributor,lineQuantity,unitPrice,lineAmount,warehouses") == true, "\(picking.text)")
        #expect(pickRows.dropFirst().contains { $0.contains(",P0003-1,") && $0.contains(",\(world.shop),10,") }, "\(picking.text)")
        #expect(pickRows.dropFirst().contains { $0.contains(",P0004-1,") }, "\(picking.text)")
        let shopLines = try await desk("/v1/sub-orders?lines=true&limit=2", distributor)
        #expect(shopLines.items.allSatisfy { (($0["lines"] as? [[String: Any]]) ?? []).map { $0["sku"] as? String } == ["P0003-1"] },
                "\(shopLines.items)")
        let badLines = try await api.send("GET", "/v1/sub-orders?lines=maybe", token: warehouse)
        #expect(badLines.status == 400 && badLines.errorField == "lines", "\(badLines.text)")
        let noBatch = try await api.send("POST", "/v1/sub-orders/ship", token: warehouse, json: ["shipments": [Any]()])
        #expect(noBatch.status == 400 && noBatch.errorField == "shipments", "\(noBatch.text)")
        let twice = try await api.send("POST", "/v1/sub-orders/ship", token: warehouse, json: ["shipments": shipments + [shipments[0]]])
        #expect(twice.status == 400 && twice.errorField == "shipments[3].subOrder", "\(twice.text)")
        #expect(try await api.send("POST", "\(path)/confirm-delivery", token: buyer, json: [String: String]()).status == 200)
        #expect(await saga.status(api, buyer, order, becomes: "completed")["status"] as? String == "completed")

        // The distributor's statement shows its margin on the shop's line: 10% of 10 x the shop price.
        let margin = shopPrice * 10 / 10
        let paid = await eventually(timeout: .seconds(15)) {
            let statement = try? await api.send("GET", "/v1/companies/\(world.shop)/settlement-statement", token: distributor)
            let sections = (statement?.object["sections"] as? [[String: Any]]) ?? []
            return sections.contains { ($0["account"] as? String)?.hasPrefix("distributor-payable") == true
                && ($0["closing"] as? [String: Any]).flatMap { $0["amount"] as? Int }.map { abs($0) } == margin }
        }
        #expect(paid, "the distributor is owed \(margin) minor units")

        // Returns take back the split of what comes back: goods bought straight from the supplier
        // leave the shop's margin alone; everything the shop sold takes all of it back.
        func distributorOwed() async -> Int? {
            let statement = try? await api.send("GET", "/v1/companies/\(world.shop)/settlement-statement", token: distributor)
            let sections = (statement?.object["sections"] as? [[String: Any]]) ?? []
            return sections.first { ($0["account"] as? String)?.hasPrefix("distributor-payable") == true }
                .flatMap { ($0["closing"] as? [String: Any])?["amount"] as? Int }.map(abs)
        }
        func returnAndRefund(_ sku: String, _ quantity: Int) async throws {
            let asked = try await api.send("POST", "/v1/orders/\(order)/returns", token: buyer,
                                           json: ["lines": [["sku": sku, "quantity": quantity, "reason": "damaged"]]])
            let returnId = try #require(((asked.object["returns"] as? [[String: Any]]) ?? []).last?["returnId"] as? String, "\(asked.text)")
            let approved = try await api.send("POST", "/v1/orders/\(order)/returns/\(returnId)/approve?buyer=\(buyerCompany)",
                                              token: warehouse, json: [String: String]())
            #expect(approved.status == 200, "\(approved.text)")
            #expect(await eventually(timeout: .seconds(15)) {
                let view = try? await api.send("GET", "/v1/orders/\(order)", token: buyer)
                return ((view?.object["returns"] as? [[String: Any]]) ?? []).first { $0["returnId"] as? String == returnId }?["status"] as? String == "refunded"
            }, "return \(returnId) refunded")
        }
        try await returnAndRefund("P0004-1", 2)
        #expect(await distributorOwed() == margin, "a return of the direct line leaves the shop's margin")
        try await returnAndRefund("P0003-1", 10)
        #expect(await eventually(timeout: .seconds(10)) { await distributorOwed() == 0 }, "all the shop sold came back: no margin left")
        _ = await platform.interrupt()
    }
}
}
