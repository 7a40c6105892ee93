import Foundation

/// The raw HTTP requests the order benchmarks send (built once per request, no JSON encoder on
/// the hot path), and the little they read back from answers.
enum OrderRequests {
    static let address = #"{"name":"Bench Receiving","phone":"13800000000","region":"east-china","city":"Shanghai","street":"1 Bench Road"}"#

    /// `POST /v1/orders` with `lines` (sku, quantity, the shop it is bought through if any) on
    /// credit, under an Idempotency-Key.
    static func place(host: String, token: String, lines: [(sku: String, quantity: Int64, shop: String?)], idempotencyKey: String) -> [UInt8] {
        let items = lines.map { line in
            #"{"sku":"\#(line.sku)","quantity":\#(line.quantity)"# + (line.shop.map { #","shop":"\#($0)""# } ?? "") + "}"
        }.joined(separator: ",")
        let body = #"{"lines":[\#(items)],"deliveryAddress":\#(address),"paymentMethod":"credit"}"#
        return request("POST", "/v1/orders", host: host, token: token, body: body,
                       extra: "Idempotency-Key: \(idempotencyKey)\r\n")
    }

    static func request(_ method: String, _ path: String, host: String, token: String, body: String? = nil,
                        extra: String = "") -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nAuthorization: Bearer \(token)\r\n\(extra)"
        if let body {
            head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        } else {
            head += "\r\n"
        }
        return Array(head.utf8)
    }

    /// The `"order":"<id>"` of an order answer, without decoding the whole summary.
    static func orderId(in body: [UInt8]) -> String? {
        let marker = Array(#""order":""#.utf8)
        guard body.count > marker.count else { return nil }
        var index = 0
        while index + marker.count < body.count {
            if body[index] == marker[0], Array(body[index..<(index + marker.count)]) == marker {
                let start = index + marker.count
                guard let end = body[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: body[start..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// The error code of an error answer (`{"error":{"code":"sold-out",...}}`), for error-by-kind counts.
    static func errorCode(in body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return error["code"] as? String
    }
}
