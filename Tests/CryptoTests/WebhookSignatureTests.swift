import Crypto
import Testing

@Suite struct WebhookSignatureTests {
    // Computed independently with Python:
    // hmac.new(b"whsec_test_0123456789abcdef", b"1798272000." + body, hashlib.sha256).hexdigest()
    static let body = Array(#"{"company":"BUYER-ACME","id":"n-1","type":"order.confirmed"}"#.utf8)
    static let secret = "whsec_test_0123456789abcdef"
    static let expected = "t=1798272000,v1=ecd648b27db513586f9bf71fc6bb2b19b4063402ee76dd3f811836ef596e2fd0"

    @Test func signs_likeTheIndependentVector() throws {
        #expect(try WebhookSignature.sign(body: Self.body, secret: Self.secret, timestamp: 1_798_272_000) == Self.expected)
    }

    @Test func headers_carryEventIdAndType() throws {
        let headers = try WebhookSignature.headers(body: Self.body, secret: Self.secret, timestamp: 1_798_272_000,
                                                   eventId: "n-1", eventType: "order.confirmed")
        #expect(headers.map(\.name) == ["Tradeflow-Signature", "Tradeflow-Event-Id", "Tradeflow-Event-Type"])
        #expect(headers.map(\.value) == [Self.expected, "n-1", "order.confirmed"])
    }

    @Test func verifies_withinTolerance() throws {
        try WebhookSignature.verify(header: Self.expected, body: Self.body, secret: Self.secret, now: 1_798_272_299)
    }

    @Test func rejects_wrongSecret() {
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.verify(header: Self.expected, body: Self.body, secret: "whsec_other_secret_value", now: 1_798_272_000)
        }
    }

    @Test func rejects_tamperedBody() {
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.verify(header: Self.expected, body: Self.body + [0x20], secret: Self.secret, now: 1_798_272_000)
        }
    }

    @Test func rejects_staleTimestamp() {
        #expect(throws: WebhookSignature.Failure.staleTimestamp(signedAt: 1_798_272_000, now: 1_798_272_301)) {
            try WebhookSignature.verify(header: Self.expected, body: Self.body, secret: Self.secret, now: 1_798_272_301)
        }
    }

    @Test func rejects_malformedHeaders() {
        for header in ["", "t=1", "v1=abc", "t=x,v1=" + String(repeating: "0", count: 64), "t=1,v1=zz"] {
            #expect(throws: WebhookSignature.Failure.malformedHeader) {
                try WebhookSignature.verify(header: header, body: Self.body, secret: Self.secret, now: 1)
            }
        }
    }
}
