import AnalyticsCore
import Contracts
import Foundation
import Testing

/// Captured and refunded money per supplier and distributor, from the split of a capture and the
/// shares a refund reverses (payment events carry no lines, but their shares name the sellers).
@Suite struct SellerMoneyTests {
    func share(_ supplier: CompanyID, via distributor: CompanyID?, _ amount: Int64) -> SettlementShare {
        SettlementShare(subOrder: "O1-S-\(supplier)", supplier: supplier, distributor: distributor, amount: T.cny(amount),
                        platformCommission: T.cny(0), distributorMargin: T.cny(0), rebate: T.cny(0),
                        supplierPayable: T.cny(amount))
    }

    @Test func capturesAndRefunds_reachTheSuppliersAndDistributorsWhoseGoodsTheyWere() throws {
        var state = Scenario.fold()
        let split = PaymentEvent.settlementSplit(SettlementSplit(
            commandId: T.id("cmd-pay-O1"), payer: T.acme, order: T.id("O1"),
            shares: [share(T.tea, via: T.east, 1_000_00), share(T.cup, via: nil, 100_00)]))
        let first = state.apply(split, envelopeId: T.id("evt-split-O1"))
        let again = state.apply(split, envelopeId: T.id("evt-split-O1"))
        #expect(first && !again, "an event read again counts once")
        let refund = PaymentEvent.refundIssued(RefundIssued(
            commandId: T.id("cmd-refund-O1"), payer: T.acme, order: T.id("O1"), refund: "O1-R-return-1", amount: T.cny(100_00),
            reason: "damaged", refundedAt: T.at(days: 5), reversed: [share(T.tea, via: T.east, 100_00)],
            creditedToInvoice: T.cny(100_00), creditedToBalance: T.cny(0), totalRefunded: T.cny(100_00), replyKey: "BUYER-ACME"))
        let refunded = state.apply(refund, envelopeId: T.id("evt-refund-O1"))
        #expect(refunded)

        let asOf = T.at(days: 70, hours: 1)
        func totals(_ company: CompanyID, _ role: AnalyticsRole) throws -> AnalyticsTotals {
            try #require(state.snapshot(for: .company(company), asOf: asOf).view(role)).totals
        }
        #expect(try totals(T.tea, .supplier).captured == [T.cny(1_000_00)])
        #expect(try totals(T.tea, .supplier).refunded == [T.cny(100_00)])
        #expect(try totals(T.cup, .supplier).captured == [T.cny(100_00)])
        #expect(try totals(T.cup, .supplier).refunded.isEmpty)
        #expect(try totals(T.east, .distributor).captured == [T.cny(1_000_00)])
        #expect(try totals(T.east, .distributor).refunded == [T.cny(100_00)])
        #expect(try totals(T.acme, .buyer).refunded == [T.cny(100_00)], "the payer's view as before")
    }
}
