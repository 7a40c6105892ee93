import Foundation
import HTTP

/// A JSON client for end-to-end tests against the gateway (real HTTP over sockets).
struct GatewayClient {
    let port: Int

    struct Reply {
        let status: Int
        let body: [UInt8]
        let headers: [(name: String, value: String)]
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var errorField: String? { (object["error"] as? [String: Any])?["field"] as? String }
        var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    }

    func send(_ method: String, _ path: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
              contentType: String = "application/json") async throws -> Reply {
        var headers: [(String, String)] = []
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        var body: [UInt8] = []
        if let json {
            body = Array(try JSONSerialization.data(withJSONObject: json))
            headers.append(("Content-Type", contentType))
        } else if let raw {
            body = Array(raw.utf8)
            headers.append(("Content-Type", contentType))
        }
        let response = try await HTTPClient.send(method: method, host: "127.0.0.1", port: port, path: path, headers: headers,
                                                 body: body, timeout: .seconds(20))
        return Reply(status: response.status, body: response.body, headers: response.headers)
    }

    func sendWithHeaders(_ method: String, _ path: String, token: String?, json: Any, headers extra: [(String, String)]) async throws -> Reply {
        var headers: [(String, String)] = [("Content-Type", "application/json")] + extra
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let response = try await HTTPClient.send(method: method, host: "127.0.0.1", port: port, path: path, headers: headers,
                                                 body: Array(try JSONSerialization.data(withJSONObject: json)), timeout: .seconds(20))
        return Reply(status: response.status, body: response.body, headers: response.headers)
    }

    func login(_ username: String, password: String = "tradeflow-demo-2026") async throws -> String {
        let reply = try await send("POST", "/v1/auth/token", json: ["username": username, "password": password])
        guard reply.status == 200, let token = reply.object["accessToken"] as? String else {
            throw LoginFailed(detail: "\(username): \(reply.status) \(reply.text)")
        }
        return token
    }

    struct LoginFailed: Error, CustomStringConvertible {
        let detail: String
        var description: String { "login failed: \(detail)" }
    }
}

/// The demo world `tradeflow dev` wrote.
struct DemoWorld: Decodable {
    struct Person: Decodable { let username: String; let company: String; let roles: [String] }
    let users: [Person]
    let shop: String

    func company(of username: String) -> String { users.first { $0.username == username }!.company }

    static func load(_ platform: DevPlatform) throws -> DemoWorld {
        try JSONDecoder().decode(DemoWorld.self, from: Data(contentsOf: platform.directory.url.appendingPathComponent("demo.json")))
    }
}

extension [String: Any] {
    func money(_ key: String) -> Int? { (self[key] as? [String: Any])?["amount"] as? Int }
}
