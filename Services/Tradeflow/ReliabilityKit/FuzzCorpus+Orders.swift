import Runtime

/// Order bodies broken in exactly one way; everything else about them is valid, so the broken part
/// is what the gateway must catch.
extension FuzzCorpus {
    var address: String {
        #"{"name":"Fuzz","phone":"13800000000","region":"east-china","city":"Shanghai","street":"1 Fuzz Road"}"#
    }

    func validOrder(sku: String, quantity: String = "10", lineExtra: String = "", extra: String = "") -> String {
        #"{"lines":[{"sku":"\#(sku)","quantity":\#(quantity)\#(lineExtra)}],"deliveryAddress":\#(address),"paymentMethod":"credit"\#(extra)}"#
    }

    func orderBody(_ kind: String, _ random: inout SeededRandom) -> FuzzCase {
        let sku = target.skus.randomElement(using: &random)!
        let body: [UInt8]
        switch kind {
        case "wrong-types":
            let variants = [
                #"{"lines":"\#(sku)","deliveryAddress":\#(address),"paymentMethod":"credit"}"#,
                validOrder(sku: sku, quantity: #""10""#), validOrder(sku: sku, quantity: "true"), validOrder(sku: sku, quantity: "null"),
                validOrder(sku: sku, quantity: "[10]"), validOrder(sku: sku, quantity: "{}"),
                #"{"lines":[{"sku":42,"quantity":10}],"deliveryAddress":\#(address),"paymentMethod":"credit"}"#,
                #"{"lines":[{"sku":"\#(sku)","quantity":10}],"deliveryAddress":[],"paymentMethod":"credit"}"#,
                #"{"lines":[{"sku":"\#(sku)","quantity":10}],"deliveryAddress":\#(address),"paymentMethod":7}"#,
                #"{"lines":[{"sku":"\#(sku)","quantity":10}],"deliveryAddress":\#(address),"paymentMethod":"barter"}"#,
                #"{"lines":[],"deliveryAddress":\#(address),"paymentMethod":"credit"}"#,
                #"[{"sku":"\#(sku)","quantity":10}]"#, "null", "42", #""order""#, "{}",
            ]
            body = Array(variants.randomElement(using: &random)!.utf8)
        case "quantity":
            let quantities = ["-1", "0", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "18446744073709551616",
                              "1e30", "1.5", "-0", "1E400", "0.0000001"]
            body = Array(validOrder(sku: sku, quantity: quantities.randomElement(using: &random)!).utf8)
        case "price-fields":
            // A valid order but for a price: prices come from the price lists, never from the client.
            let price = #"{"amount":1,"currency":"CNY"}"#
            let variants = [validOrder(sku: sku, lineExtra: #","unitPrice":\#(price)"#), validOrder(sku: sku, extra: #","total":\#(price)"#),
                            validOrder(sku: sku, lineExtra: #","price":1"#), validOrder(sku: sku, lineExtra: #","lineTotal":\#(price)"#),
                            validOrder(sku: sku, extra: #","discount":99"#)]
            body = Array(variants.randomElement(using: &random)!.utf8)
        case "unknown-fields":
            // A valid order but for one misspelt or repeated field, which would otherwise be dropped
            // (an order without its PO number, a line with its first quantity or its second).
            let variants = [validOrder(sku: sku, extra: #","poNumbr":"PO-1""#), validOrder(sku: sku, lineExtra: #","quantiy":5"#),
                            validOrder(sku: sku, extra: #","deliveryAdress":\#(address)"#), validOrder(sku: sku, extra: #","note":null,"nte":"x""#),
                            validOrder(sku: sku, lineExtra: #","quantity":20"#), validOrder(sku: sku, extra: #","paymentMethod":"prepay""#)]
            body = Array(variants.randomElement(using: &random)!.utf8)
        case "invalid-utf8":
            let valid = Array(validOrder(sku: sku).utf8)
            let bad: [[UInt8]] = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]
            // Inside the SKU string: the rest of the body stays valid.
            let at = valid.firstRange(of: Array("\"sku\":\"".utf8))!.upperBound
            body = Array(valid[..<at]) + bad.randomElement(using: &random)! + Array(valid[at...])
        default:
            body = brokenJSON(Array(validOrder(sku: sku).utf8), &random)
        }
        return FuzzCase(kind: kind, bytes: jsonPost("/v1/orders", body), expectation: .rejected)
    }

    /// Truncates a valid body, or replaces one structural character outside strings with another
    /// structural character: either way the result is no longer valid JSON.
    func brokenJSON(_ valid: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        if Bool.random(using: &random) {
            return Array(valid.prefix(Int.random(in: 1..<(valid.count - 1), using: &random)))
        }
        let structural = Array("{}[]:,".utf8)
        var inString = false
        var escaped = false
        var positions: [Int] = []
        for (index, byte) in valid.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if structural.contains(byte) {
                positions.append(index)
            }
        }
        var broken = valid
        let position = positions.randomElement(using: &random)!
        broken[position] = structural.filter { $0 != valid[position] }.randomElement(using: &random)!
        return broken
    }
}
