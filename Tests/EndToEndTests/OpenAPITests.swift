import Foundation
import Testing
import TestSupport

/// `/v1/openapi.json` is kept true: it is a valid OpenAPI 3.1 document (checked by the independent
/// `openapi-spec-validator`), it lists exactly the routes the gateway serves, and real responses
/// validate against the schemas it documents (checked with `jsonschema`), with no field it does not
/// document (so nothing internal leaks into an answer unnoticed).
extension PlatformTests {
@Suite struct OpenAPITests {
    static let validator = #"""
    import json, sys
    from openapi_spec_validator import validate
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    spec = json.load(open(sys.argv[1]))
    validate(spec)
    # Answers carry only what the document lists: an object schema with properties is closed here
    # (the document itself leaves it open, so clients tolerate fields added later).
    def closed(node):
        if isinstance(node, dict):
            node = {k: closed(v) for k, v in node.items()}
            if node.get("type") == "object" and node.get("properties") and "additionalProperties" not in node:
                node["additionalProperties"] = False
            return node
        return [closed(v) for v in node] if isinstance(node, list) else node
    strict = closed(spec)
    registry = Registry().with_resource("urn:api", Resource.from_contents(strict, default_specification=__import__("referencing.jsonschema").jsonschema.DRAFT202012))
    failures = []
    def check(schema, instance, where):
        schema = json.loads(json.dumps(schema).replace('"#/components', '"urn:api#/components'))
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(instance))
        failures.extend(f'{where}: {e.message} at {list(e.absolute_path)}' for e in errors[:3])
    for sample in json.load(open(sys.argv[2])):
        op = strict["paths"][sample["path"]][sample["method"].lower()]
        # What the test sends is what the document describes (closed: the gateway refuses other fields).
        if "request" in sample:
            body = op.get("requestBody")
            if body is None:
                failures.append(f'{sample["method"]} {sample["path"]}: sends a body the document does not describe')
            else:
                check(body["content"]["application/json"]["schema"], sample["request"], f'{sample["method"]} {sample["path"]} request')
        response = op["responses"].get(str(sample["status"]))
        if response is None:
            failures.append(f'{sample["method"]} {sample["path"]}: status {sample["status"]} not documented'); continue
        check(response["content"]["application/json"]["schema"], sample["body"], f'{sample["method"]} {sample["path"]}')
    print("\n".join(failures) if failures else "ok")
    sys.exit(1 if failures else 0)
    """#

    @Test func openAPIDocument_isValid_coversEveryRoute_andMatchesRealResponses() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let world = try DemoWorld.load(platform)
        let document = try await api.send("GET", "/v1/openapi.json")
        #expect(document.status == 200)
        let paths = (document.object["paths"] as? [String: [String: Any]]) ?? [:]
        let operations = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
        for expected in ["POST /v1/auth/token", "GET /v1/products", "GET /v1/products/{sku}", "GET /v1/products/{sku}/price",
                         "POST /v1/products", "POST /v1/price-lists", "POST /v1/companies", "POST /v1/companies/{id}/approve",
                         "POST /v1/shops/{id}/listings", "GET /v1/openapi.json"] {
            #expect(operations.contains(expected), "\(expected) is documented")
        }

        // Real responses of documented operations.
        let buyer = try await api.login("metro.buyer")
        let supplier = try await api.login("tea.catalog")
        let operatorToken = try await api.login("operator")
        var samples: [[String: Any]] = []
        func sample(_ method: String, _ template: String, _ path: String, token: String?, json: Any? = nil) async throws {
            let reply = try await api.send(method, path, token: token, json: json)
            #expect((200..<300).contains(reply.status), "\(method) \(path): \(reply.status) \(reply.text)")
            var entry: [String: Any] = ["method": method, "path": template, "status": reply.status, "body": reply.json ?? NSNull()]
            if let json { entry["request"] = json }
            samples.append(entry)
        }
        try await sample("POST", "/v1/auth/token", "/v1/auth/token", token: nil,
                         json: ["username": "metro.buyer", "password": "tradeflow-demo-2026"])
        try await sample("GET", "/v1/products", "/v1/products?q=tea&pageSize=5", token: buyer)
        try await sample("GET", "/v1/products/{sku}", "/v1/products/P0002-1", token: buyer)
        try await sample("GET", "/v1/products/{sku}/price", "/v1/products/P0002-1/price?quantity=20", token: buyer)
        try await sample("GET", "/v1/products/{sku}/price", "/v1/products/P0002-1/price?quantity=20&shop=\(world.shop)", token: buyer)
        try await sample("GET", "/v1/categories", "/v1/categories", token: buyer)
        try await sample("GET", "/v1/shops/{id}/listings", "/v1/shops/\(world.shop)/listings", token: buyer)
        try await sample("GET", "/v1/price-lists", "/v1/price-lists", token: supplier)
        try await sample("GET", "/v1/companies", "/v1/companies?status=approved", token: operatorToken)
        // An order, and what its buyer, its supplier and the platform then read.
        let address = ["name": "Li", "phone": "1", "region": "east-china", "city": "Shanghai", "street": "1"]
        let order20: [String: Any] = ["lines": [["sku": "P0002-1", "quantity": 20]], "paymentMethod": "credit", "deliveryAddress": address]
        let placed = try await api.send("POST", "/v1/orders", token: buyer, json: order20)
        samples.append(["method": "POST", "path": "/v1/orders", "status": placed.status, "body": placed.json ?? NSNull(), "request": order20])
        let order = try #require(placed.object["order"] as? String, "\(placed.text)")
        try await sample("GET", "/v1/orders/{id}", "/v1/orders/\(order)", token: buyer)
        try await sample("GET", "/v1/orders", "/v1/orders?limit=5", token: buyer)
        let part = try #require((placed.object["subOrders"] as? [[String: Any]])?.first)
        let warehouseUser = try #require(world.users.first { $0.company == part["supplier"] as? String && $0.roles.contains("warehouse") })
        let warehouseToken = try await api.login(warehouseUser.username)
        try await sample("GET", "/v1/orders/{id}/sub-orders/{subOrder}",
                         "/v1/orders/\(order)/sub-orders/\(part["subOrder"] as? String ?? "")?buyer=\(world.company(of: "metro.buyer"))",
                         token: warehouseToken)
        // The order reaches its supplier's desk once confirmed.
        #expect(await eventually(timeout: .seconds(10)) {
            ((try? await api.send("GET", "/v1/sub-orders", token: warehouseToken))?.object["subOrders"] as? [Any])?.isEmpty == false
        })
        try await sample("GET", "/v1/sub-orders", "/v1/sub-orders?limit=1", token: warehouseToken)
        // A batch shipment: one shipped, one refused.
        let buyerCompany = world.company(of: "metro.buyer")
        let shipments: [String: Any] = ["shipments": [
            ["order": order, "buyer": buyerCompany, "subOrder": part["subOrder"] as? String ?? "", "carrier": "SF", "trackingNumber": "SF-1"],
            ["order": order, "buyer": buyerCompany, "subOrder": "\(order)-S-co-nobody", "carrier": "SF", "trackingNumber": "SF-2"],
        ]]
        let batch = try await api.send("POST", "/v1/sub-orders/ship", token: warehouseToken, json: shipments)
        #expect(batch.object["shipped"] as? Int == 1 && batch.object["failed"] as? Int == 1, "\(batch.text)")
        samples.append(["method": "POST", "path": "/v1/sub-orders/ship", "status": batch.status, "body": batch.json ?? NSNull(),
                        "request": shipments])
        try await sample("GET", "/v1/notifications", "/v1/notifications", token: buyer)
        // A cancelled order: its payment is voided (statuses the placed one never shows).
        let toCancel = try await api.send("POST", "/v1/orders", token: buyer, json: [
            "lines": [["sku": "P0002-1", "quantity": 20]], "paymentMethod": "credit", "deliveryAddress": address])
        let cancelled = try #require(toCancel.object["order"] as? String, "\(toCancel.text)")
        try await sample("POST", "/v1/orders/{id}/cancel", "/v1/orders/\(cancelled)/cancel", token: buyer, json: ["reason": "changed plans"])
        let metro = world.company(of: "metro.admin"), tea = world.company(of: "tea.admin")
        try await sample("GET", "/v1/companies/{id}", "/v1/companies/\(metro)", token: try await api.login("metro.admin"))
        try await sample("GET", "/v1/webhooks", "/v1/webhooks", token: try await api.login("metro.admin"))
        try await sample("GET", "/v1/companies/{id}/payment-account", "/v1/companies/\(metro)/payment-account",
                         token: try await api.login("metro.finance"))
        try await sample("GET", "/v1/companies/{id}/settlement-statement", "/v1/companies/\(tea)/settlement-statement",
                         token: try await api.login("tea.finance"))
        try await sample("GET", "/v1/inventory/{sku}", "/v1/inventory/P0002-1", token: try await api.login("tea.warehouse"))
        try await sample("GET", "/v1/settlement-rules", "/v1/settlement-rules", token: try await api.login("platform.finance"))
        try await sample("GET", "/v1/analytics", "/v1/analytics", token: operatorToken)
        try await sample("GET", "/v1/analytics/{section}", "/v1/analytics/funnel", token: operatorToken)
        try await sample("POST", "/v1/companies", "/v1/companies", token: nil, json: [
            "name": "OpenAPI Test Buyer", "types": ["buyer"], "admin": ["username": "openapi.admin", "password": "openapi-test-2026"],
        ])

        let directory = try TemporaryDirectory(prefix: "openapi")
        defer { directory.remove() }
        let spec = directory.url.appendingPathComponent("openapi.json")
        let collected = directory.url.appendingPathComponent("samples.json")
        let script = directory.url.appendingPathComponent("validate.py")
        try Data(document.body).write(to: spec)
        try JSONSerialization.data(withJSONObject: samples).write(to: collected)
        try Data(Self.validator.utf8).write(to: script)
        let result = try await runTool("/usr/bin/env", ["python3", script.path, spec.path, collected.path], timeout: .seconds(60))
        #expect(result.code == 0, "\(result.output)")
        _ = await platform.interrupt()
    }
}
}
