import Crypto
import Testing
@testable import Contracts

/// Derived message ids hash with Contracts' own SHA-256 (Contracts cannot link libcrypto); OpenSSL's
/// is the independent reference it must agree with.
@Suite struct SHA256CrossCheckTests {
    @Test func agreesWithLibcrypto_atEveryLengthAroundTheBlockBoundaries() throws {
        // The padding takes one block or two depending on the tail (< 56 bytes or not): every
        // length up to three blocks and a bit.
        for length in 0...200 {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ length) }
            #expect(Contracts.SHA256.hash(message) == (try Crypto.SHA256.hash(message)), "length \(length)")
        }
    }
}
