import Foundation
import ReliabilityKit
import Testing

@Suite struct FuzzCorpusTests {
    let target = FuzzTarget(host: "127.0.0.1:8080", token: "tok.en.value", skus: ["P0003-1", "P0061-1"])

    @Test func sameSeed_givesTheSameCases_anotherSeedOthers() {
        let a = FuzzCorpus(target: target, seed: 7).cases(count: 64).map(\.bytes)
        let b = FuzzCorpus(target: target, seed: 7).cases(count: 64).map(\.bytes)
        let c = FuzzCorpus(target: target, seed: 8).cases(count: 64).map(\.bytes)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func aShortRun_coversEveryKind() {
        let kinds = Set(FuzzCorpus(target: target, seed: 1).cases(count: FuzzCorpus.kinds.count).map(\.kind))
        #expect(kinds == Set(FuzzCorpus.kinds))
    }

    @Test func everyOrderBody_isInvalidJSONOrBrokenOnPurpose() throws {
        // Bodies that parse must carry the broken part the case is named for; none is a valid order.
        for fuzz in FuzzCorpus(target: target, seed: 99).cases(count: 2_000) where fuzz.kind == "broken-json" {
            let body = try #require(Self.body(of: fuzz.bytes))
            #expect((try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) == nil,
                    "\(String(decoding: body, as: UTF8.self))")
        }
    }

    @Test func priceFieldCases_carryAPriceField() throws {
        for fuzz in FuzzCorpus(target: target, seed: 3).cases(count: 800) where fuzz.kind == "price-fields" {
            let text = String(decoding: try #require(Self.body(of: fuzz.bytes)), as: UTF8.self)
            #expect(["unitPrice", "total", "price", "lineTotal", "discount"].contains { text.contains("\"\($0)\"") })
        }
    }

    @Test func unknownFieldCases_areValidJSON_withAFieldTheOrderDoesNotTakeOrTakesOnce() throws {
        let known = ["lines", "deliveryAddress", "paymentMethod", "poNumber", "note", "sku", "quantity",
                     "name", "phone", "region", "city", "street"]
        for fuzz in FuzzCorpus(target: target, seed: 4).cases(count: 800) where fuzz.kind == "unknown-fields" {
            let body = try #require(Self.body(of: fuzz.bytes))
            #expect((try? JSONSerialization.jsonObject(with: Data(body))) != nil)
            let text = String(decoding: body, as: UTF8.self)
            let names = text.matches(of: /"([A-Za-z]+)":/).map { String($0.1) }
            let unknown = names.filter { !known.contains($0) }
            let repeated = Set(names.filter { name in names.filter { $0 == name }.count > 1 })
            #expect(!unknown.isEmpty || !repeated.isEmpty, "\(text)")
        }
    }

    @Test func deepNesting_isDeeperThanAnyDecoderAllows() throws {
        for fuzz in FuzzCorpus(target: target, seed: 5).cases(count: 400) where fuzz.kind == "deep-nesting" {
            #expect(try #require(Self.body(of: fuzz.bytes)).count >= 600)
        }
    }

    @Test func statePossiblyChangingCases_mustBeRejected() {
        for fuzz in FuzzCorpus(target: target, seed: 11).cases(count: 1_000) where fuzz.bytes.starts(with: Array("POST".utf8)) {
            #expect(fuzz.expectation == .rejected, "\(fuzz.kind)")
        }
    }

    @Test func acceptance_allowsOnlyClientErrors_documentedServerErrors_andShedding() {
        let rejected = FuzzCase(kind: "x", bytes: [], expectation: .rejected)
        #expect(rejected.accepts(status: 400, hasRetryAfter: false))
        #expect(!rejected.accepts(status: 200, hasRetryAfter: false))
        #expect(!rejected.accepts(status: 500, hasRetryAfter: false))
        #expect(!rejected.accepts(status: 503, hasRetryAfter: false))
        #expect(rejected.accepts(status: 503, hasRetryAfter: true))
        #expect(!rejected.accepts(status: nil, hasRetryAfter: false), "a dropped connection is not an answer")
        let framing = FuzzCase(kind: "bad-framing", bytes: [], expectation: .rejected, documentedServerErrors: [501])
        #expect(framing.accepts(status: 501, hasRetryAfter: false))
        let search = FuzzCase(kind: "unicode", bytes: [], expectation: .answered)
        #expect(search.accepts(status: 200, hasRetryAfter: false))
        #expect(!search.accepts(status: 502, hasRetryAfter: false))
    }

    static func body(of request: [UInt8]) -> [UInt8]? {
        guard let end = request.firstRange(of: [13, 10, 13, 10]) else { return nil }
        return Array(request[end.upperBound...])
    }
}
