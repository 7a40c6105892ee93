import Contracts
import Foundation
import Packing
import PaymentCore
import Testing

/// Authorizations are kept packed; credit in use, captures and checkpoints must not notice.
@Suite struct AuthorizationPackingTests {
    typealias T = TestData

    private func harness() -> Harness {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(500_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(100_000_00)))
        harness.handle(T.authorize("ORD-2", T.cny(50_000_00)))
        return harness
    }

    @Test func creditInUse_isSummedFromPackedAuthorizations() throws {
        var harness = harness()
        let account = try #require(harness.state.account(of: T.buyer))
        #expect(account.authorizations.packedCount == 2)
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.reserved == T.cny(150_000_00))
        harness.handle(T.void("ORD-2"))
        #expect(harness.state.authorization(of: T.id("ORD-2"), payer: T.buyer)?.status == .voided)
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.reserved == T.cny(100_000_00))
    }

    @Test func aCheckpoint_keepsThemPacked_andRestoresTheSameState() throws {
        let state = harness().state
        let read = try WireFormat.decodeValue(PaymentState.self, from: StreamingJSONEncoder().encode(state))
        #expect(read == state)
        #expect(read.account(of: T.buyer)?.authorizations.packedCount == 2)
        #expect(read.authorization(of: T.id("ORD-1"), payer: T.buyer)?.amount == T.cny(100_000_00))
    }

    @Test func theDictionaryShrinksAPackedAuthorization() throws {
        let authorization = try #require(harness().state.authorization(of: T.id("ORD-1"), payer: T.buyer))
        let withDictionary = try Packed(authorization).bytes.count
        let without = try Deflate.compress(WireFormat.encodeValue(authorization)).count
        #expect(withDictionary * 10 < without * 8, "\(withDictionary) bytes with the dictionary, \(without) without")
    }
}
