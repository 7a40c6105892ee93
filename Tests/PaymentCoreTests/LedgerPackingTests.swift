import Contracts
import Foundation
import Packing
import PaymentCore
import Testing

/// Postings are kept packed in blocks; balances, statements, duplicate checks and checkpoints must
/// not notice.
@Suite struct LedgerPackingTests {
    typealias T = TestData

    /// 300 orders authorized and captured: more postings than one block holds.
    private static let captured: Harness = {
        var harness = Harness()
        harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 1_000)]))
        harness.handle(T.creditLine(T.cny(100_000_000_00)))
        for order in 0..<300 {
            harness.handle(T.authorize("ORD-\(order)", T.cny(100_00)))
            harness.handle(T.capture("ORD-\(order)"))
        }
        return harness
    }()

    @Test func olderPostingsArePacked_andStatementsStillSeeEveryOne() {
        let harness = Self.captured
        let ledger = harness.state.ledger
        #expect(ledger.postings.count == 300 && ledger.postings.packedCount == 256)
        #expect(ledger.isBalanced)
        let statement = SettlementStatement.for(T.supplier, from: T.start.addingTimeInterval(-T.day),
                                                to: harness.now.addingTimeInterval(T.day), in: ledger)
        #expect(statement.sections.first?.lines.count == 300)
        #expect(statement.netPayable == [T.cny(300 * 90_00)])
    }

    @Test func aCaptureHandledAgain_afterItsPostingWasPacked_postsNothing() {
        var harness = Self.captured
        let before = harness.state.ledger
        harness.handle(T.capture("ORD-0"))
        #expect(harness.state.ledger == before)
    }

    @Test func aCheckpoint_keepsThemPacked_andRestoresTheBalances() throws {
        let ledger = Self.captured.state.ledger
        let read = try WireFormat.decodeValue(Ledger.self, from: WireFormat.encodeValue(ledger))
        #expect(read == ledger && read.postings.packedCount == 256)
        #expect(read.balance(.supplierPayable(T.supplier), in: T.cny(0).currency) == T.cny(-300 * 90_00))
        #expect(read.contains(postingId: try #require(Array(ledger.postings).first).id))
    }

    @Test func theDictionaryShrinksAPackedPosting() throws {
        let posting = try #require(Array(Self.captured.state.ledger.postings).first)
        let withDictionary = try Packed(posting).bytes.count
        let without = try Deflate.compress(WireFormat.encodeValue(posting)).count
        #expect(withDictionary * 10 < without * 8, "\(withDictionary) bytes with the dictionary, \(without) without")
    }
}
