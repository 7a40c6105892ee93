import Crypto
import Testing

struct WebhookSignatureTests {
    let secret = Array("whsec-test-0123456789abcdef0123456789".utf8)
    let body = Array(#"{"a":1}"#.utf8)

    /// Expected value computed independently with Python's hmac module:
    /// hmac.new(secret, b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
    @Test func header_matchesAnIndependentImplementation() throws {
        let header = try WebhookSignature.header(body: body, secret: secret, timestamp: 1_700_000_000)
        #expect(header == "t=1700000000,v1=9f480abfe284905574e1dc77f6a35e530872c5c0eeb739e6939e9dd39fb03d1e")
    }

    @Test func verify_acceptsItsOwnSignatureWithinTolerance() throws {
        let header = try WebhookSignature.header(body: body, secret: secret, timestamp: 1_700_000_000)
        try WebhookSignature.verify(header: header, body: body, secret: secret, now: 1_700_000_299)
        try WebhookSignature.verify(header: "t=1700000000, v1=00" + String(repeating: "0", count: 62) + "," + header.split(separator: ",")[1],
                                    body: body, secret: secret, now: 1_700_000_000)
    }

    @Test func verify_refusesTamperingStalenessAndGarbage() throws {
        let header = try WebhookSignature.header(body: body, secret: secret, timestamp: 1_700_000_000)
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.verify(header: header, body: Array(#"{"a":2}"#.utf8), secret: secret, now: 1_700_000_000)
        }
        #expect(throws: WebhookSignature.Failure.mismatch) {
            try WebhookSignature.verify(header: header, body: body, secret: Array("other-secret".utf8), now: 1_700_000_000)
        }
        #expect(throws: WebhookSignature.Failure.stale(ageSeconds: 301)) {
            try WebhookSignature.verify(header: header, body: body, secret: secret, now: 1_700_000_301)
        }
        for garbage in ["", "v1=abc", "t=1700000000", "t=x,v1=" + String(repeating: "0", count: 64), "t=1,v1=zz", "nonsense"] {
            #expect(throws: WebhookSignature.Failure.self, "\(garbage)") {
                try WebhookSignature.verify(header: garbage, body: body, secret: secret, now: 1_700_000_000)
            }
        }
    }
}
