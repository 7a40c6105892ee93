import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// Outside systems as first-class users: an ERP follows orders with kcat and with the Python
/// example of the README, and a carrier pushes shipment updates in, all through Kafka only.
@Suite struct OutsideSubscriberTests {
    let saga = SagaFlowTests()

    /// The documented schema of one message (`components.messages.<id>.payload`) in the AsyncAPI file.
    func documentedSchema(_ messageId: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Shared/Contracts/asyncapi.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let messages = (document?["components"] as? [String: Any])?["messages"] as? [String: Any]
        return try #require((messages?[messageId] as? [String: Any])?["payload"] as? [String: Any])
    }

    /// Every required property is there and nothing undocumented is, recursively through objects.
    func conforms(_ value: Any, to schema: [String: Any], path: String = "") -> [String] {
        guard let object = value as? [String: Any], let properties = schema["properties"] as? [String: Any] else { return [] }
        var problems: [String] = []
        for required in (schema["required"] as? [String]) ?? [] where object[required] == nil {
            problems.append("\(path)\(required) is missing")
        }
        for (key, member) in object {
            guard let property = properties[key] as? [String: Any] else { problems.append("\(path)\(key) is not documented"); continue }
            problems += conforms(member, to: property, path: "\(path)\(key).")
        }
        return problems
    }

    @Test func kcatAndPython_followOrders_andCarriersPushShipments() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let kafka = KafkaCLI(bootstrap: platform.bootstrap)
        let buyer = try await api.login("metro.buyer")
        let buyerCompany = try DemoWorld.load(platform).company(of: "metro.buyer")
        let order = try #require(try await saga.place(api, buyer, lines: [("P0027-1", 20), ("P0065-1", 20)]).object["order"] as? String)
        let confirmed = await saga.status(api, buyer, order, becomes: "confirmed")
        #expect(confirmed["status"] as? String == "confirmed")

        // kcat sees the order placed through the gateway, with exactly the documented payload.
        let placed = try await eventuallyValue(timeout: .seconds(10)) {
            try await kafka.read("order.events.v1").filter { $0.contains("\"type\":\"order.placed\"") && $0.contains(order) }
        }
        let record = try JSONSerialization.jsonObject(with: Data(try #require(placed.first).utf8))
        let problems = conforms(record, to: try documentedSchema("orderPlaced"))
        #expect(problems.isEmpty, "order.placed as documented in asyncapi.json: \(problems)")

        // The README's Python example (confluent-kafka) follows the same events.
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../deploy/examples/follow_orders.py")
        let python = try await runTool("/usr/bin/env", ["python3", example.standardizedFileURL.path, platform.bootstrap,
                                                        "--from-beginning", "--idle-exit", "5"], timeout: .seconds(90))
        #expect(python.code == 0, "\(python.output)")
        #expect(python.output.contains("order.placed \(order)") && python.output.contains("order.confirmed \(order)"), "\(python.output)")

        // A carrier pushes "shipped" for every sub-order, then "delivered": the order completes.
        let subOrders = (confirmed["subOrders"] as? [[String: Any]]) ?? []
        #expect(subOrders.count == 2)
        for (index, subOrder) in subOrders.enumerated() {
            let update: [String: Any] = ["order": order, "buyer": buyerCompany, "subOrder": subOrder["subOrder"] as? String ?? "",
                                         "supplier": subOrder["supplier"] as? String ?? "", "status": "shipped",
                                         "carrier": "SF Express", "trackingNumber": "SF90000\(index)"]
            try await kafka.produce(try envelope(id: "wms-\(order)-\(index)-shipped", key: buyerCompany, payload: update),
                                    topic: "shipment.inbound.v1", key: buyerCompany)
        }
        let shipped = await eventually(timeout: .seconds(15)) {
            let summary = (try? await api.send("GET", "/v1/orders/\(order)", token: buyer))?.object ?? [:]
            return ((summary["subOrders"] as? [[String: Any]]) ?? []).allSatisfy { $0["status"] as? String == "shipped" }
        }
        #expect(shipped, "the carrier's updates shipped both sub-orders")
        for (index, subOrder) in subOrders.enumerated() {
            let update: [String: Any] = ["order": order, "buyer": buyerCompany, "subOrder": subOrder["subOrder"] as? String ?? "",
                                         "supplier": subOrder["supplier"] as? String ?? "", "status": "delivered"]
            let value = try envelope(id: "wms-\(order)-\(index)-delivered", key: buyerCompany, payload: update)
            try await kafka.produce(value, topic: "shipment.inbound.v1", key: buyerCompany)
            try await kafka.produce(value, topic: "shipment.inbound.v1", key: buyerCompany)  // re-sent: a duplicate
        }
        #expect(await saga.status(api, buyer, order, becomes: "completed")["status"] as? String == "completed")

        // Broken records go to the DLQ with the field and reason; processing goes on.
        let noTracking: [String: Any] = ["order": order, "buyer": buyerCompany, "subOrder": "x", "supplier": buyerCompany,
                                         "status": "shipped", "carrier": "SF Express"]
        try await kafka.produce(try envelope(id: "wms-bad-1", key: buyerCompany, payload: noTracking), topic: "shipment.inbound.v1", key: buyerCompany)
        try await kafka.produce("this is not an envelope", topic: "shipment.inbound.v1", key: buyerCompany)
        let dead = try await eventuallyValue(timeout: .seconds(15)) {
            let records = try await kafka.readWithHeaders("shipment.inbound.v1.dlq")
            return records.count >= 2 ? records : []
        }
        #expect(dead.contains { $0.headers.contains("trackingNumber") && $0.value.contains("wms-bad-1") }, "\(dead.map(\.headers))")
        #expect(dead.contains { $0.value == "this is not an envelope" })
        _ = await platform.interrupt()
    }

    /// An envelope as an outside producer writes it (see asyncapi.json).
    func envelope(id: String, key: String, payload: [String: Any]) throws -> String {
        let object: [String: Any] = ["id": id, "type": "shipment.update", "version": 1, "occurredAt": "2026-11-23T08:15:00.000Z",
                                     "causationId": NSNull(), "correlationId": "corr-\(id)", "tenant": "tradeflow", "key": key,
                                     "payload": payload]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
}
