import Foundation
import HTTP
import Runtime

/// What the suite needs to know about the platform under test, read from `dev.json` and the
/// gateway's `/metrics`, plus small HTTP helpers.
struct ReliabilityPlatform: Sendable {
    let gateway: SocketAddress
    let directory: URL
    let password: String

    struct Status: Decodable {
        struct Entry: Decodable { let pid: Int32?; let running: Bool; let restarts: Int }
        let kafkaBootstrap: String
        let services: [String: Entry]
    }

    var status: Status? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("dev.json")) else { return nil }
        return try? JSONDecoder().decode(Status.self, from: data)
    }

    func call(_ method: String, _ path: String, token: String?, json: [String: Any]? = nil) async throws -> (status: Int, object: [String: Any]) {
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let body = try json.map { try JSONSerialization.data(withJSONObject: $0) }.map { Array($0) } ?? []
        let response = try await HTTPClient.send(method: method, host: gateway.host, port: gateway.port, path: path,
                                                 headers: headers, body: body, timeout: .seconds(15))
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    func login(_ username: String) async throws -> String {
        let answer = try await call("POST", "/v1/auth/token", token: nil, json: ["username": username, "password": password])
        guard let token = answer.object["accessToken"] as? String else {
            throw DemoError(message: "cannot sign in as \(username): \(answer.status) \(answer.object)")
        }
        return token
    }

    /// A gauge of the gateway's `/metrics` (first sample of that name).
    func gatewayMetric(_ name: String) async -> Int64? {
        guard let response = try? await HTTPClient.send(host: gateway.host, port: gateway.port, path: "/metrics", timeout: .seconds(5)) else {
            return nil
        }
        for line in response.text.split(separator: "\n") where line.hasPrefix(name + " ") || line.hasPrefix(name + "{") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return Int64(value) }
        }
        return nil
    }

    func isReady() async -> Bool {
        (try? await HTTPClient.send(host: gateway.host, port: gateway.port, path: "/health/ready", timeout: .seconds(3)))?.status == 200
    }

    /// Places a small credit order as `token`'s buyer and waits (bounded) for the saga's outcome.
    func placeAndAwaitConfirmation(token: String, sku: String, quantity: Int, within limit: Duration) async throws -> String {
        let placed = try await call("POST", "/v1/orders", token: token, json: [
            "lines": [["sku": sku, "quantity": quantity]], "paymentMethod": "credit",
            "deliveryAddress": ["name": "Reliability", "phone": "13800000000", "region": "east-china", "city": "Shanghai", "street": "1 Check Road"],
        ])
        guard let order = placed.object["order"] as? String else { return "not placed: \(placed.status) \(placed.object)" }
        let deadline = ContinuousClock.now + limit
        var status = "\(placed.object["status"] ?? "?")"
        while ContinuousClock.now < deadline && status != "confirmed" {
            try await Task.sleep(for: .milliseconds(200))
            status = "\((try? await call("GET", "/v1/orders/\(order)", token: token))?.object["status"] ?? "?")"
        }
        return status
    }
}
