import Contracts
import Foundation
import PaymentCore
import Testing

/// Queries read a partition's state and change nothing.
@Suite struct PaymentQueriesTests {
    typealias T = TestData
    let address = ReplyAddress(instance: "gw-1", partition: 3, requestId: "req-1")

    @Test func account_showsCreditInvoicesAndReconciledTransfers() throws {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(10_000_00), termDays: 30))
        harness.handle(T.authorize("ORD-C", T.cny(2_000_00), .credit))
        harness.handle(T.capture("ORD-C"))  // invoice of 2,000 due in 30 days
        harness.handle(T.authorize("ORD-B", T.cny(600_00), .bankTransfer))
        harness.handle(T.bankTransfer("ORD-B", T.cny(400_00), transaction: "BT-1"))  // partial

        let before = harness.state
        let answer = try #require(PaymentQueries.answer(.getAccount(GetPaymentAccount(payer: T.buyer, replyTo: address)),
                                                        state: harness.state, now: harness.now))
        #expect(answer.replyTo == address)
        #expect(harness.state == before, "a query changes nothing")
        guard case let .account(view) = answer.reply.outcome else { Issue.record("not an account"); return }
        #expect(view.credit?.limit == T.cny(10_000_00))
        #expect(view.credit?.outstanding == T.cny(2_000_00))
        #expect(view.credit?.available == T.cny(8_000_00))
        #expect(view.credit?.frozen == false)
        #expect(view.openInvoices.map(\.order.rawValue) == ["ORD-C"])
        #expect(view.receivedPayments.map(\.match) == [.partial])
        #expect(view.receivedPayments.first?.applied == T.cny(400_00))
        #expect(view.owedToPayer.isEmpty, "nothing paid beyond what was due")

        // 300 more than the rest of ORD-B: owed back to the buyer, and shown.
        harness.handle(T.bankTransfer("ORD-B", T.cny(500_00), transaction: "BT-2"))
        #expect(PaymentQueries.account(of: T.buyer, in: harness.state, at: harness.now).owedToPayer == [T.cny(300_00)])

        harness.advance(days: 31)
        let later = PaymentQueries.account(of: T.buyer, in: harness.state, at: harness.now)
        #expect(later.credit?.frozen == true)
        #expect(later.openInvoices.first?.overdue == true)
    }

    /// A rebate the rules give the buyer is owed to it, and it sees it; a refund takes back the
    /// rebate of what came back.
    @Test func account_showsTheRebatesOwedToThePayer() {
        var harness = Harness()
        harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 500, rebateBasisPoints: 200)]))
        harness.handle(T.creditLine(T.cny(10_000_00)))
        harness.handle(T.authorize("ORD-R", T.cny(1_000_00)))
        #expect(PaymentQueries.account(of: T.buyer, in: harness.state, at: harness.now).rebatesOwed.isEmpty)
        harness.handle(T.capture("ORD-R"))
        #expect(PaymentQueries.account(of: T.buyer, in: harness.state, at: harness.now).rebatesOwed == [T.cny(20_00)])
        harness.handle(T.refund("RMA-R", "ORD-R", T.cny(500_00)))
        #expect(PaymentQueries.account(of: T.buyer, in: harness.state, at: harness.now).rebatesOwed == [T.cny(10_00)])
    }

    @Test func account_ofAnUnknownPayer_isEmpty() {
        let view = PaymentQueries.account(of: T.otherBuyer, in: PaymentState(), at: T.start)
        #expect(view.credit == nil && view.openInvoices.isEmpty && view.receivedPayments.isEmpty && view.owedToPayer.isEmpty)
    }

    @Test func statement_answersForThePartitionsLedger() throws {
        var harness = Harness()
        harness.handle(T.authorize("ORD-P", T.cny(100_00), .prepayment))
        harness.handle(T.providerCallback("ORD-P", T.cny(100_00), payment: "p-1"))
        harness.handle(T.capture("ORD-P"))
        let query = GetSettlementStatement(company: T.supplier, from: T.start.addingTimeInterval(-T.day),
                                           to: T.start.addingTimeInterval(T.day), routingKey: "statement-0", replyTo: address)
        let answer = try #require(PaymentQueries.answer(.getStatement(query), state: harness.state, now: harness.now))
        guard case let .statement(statement) = answer.reply.outcome else { Issue.record("not a statement"); return }
        #expect(statement.company == T.supplier)
        #expect(statement.netPayable == [T.cny(100_00)])
        #expect(!statement.truncated)
    }

    @Test func commands_areNotQueries() {
        #expect(PaymentQueries.answer(T.capture("ORD-1"), state: PaymentState(), now: T.start) == nil)
    }

    /// Closing balances stay right when lines are cut at the answer limit, also once combined.
    @Test func truncatedStatement_keepsClosingBalances_throughCombination() {
        let account = LedgerAccount.supplierPayable(T.supplier)
        let lines = (0..<(SettlementStatement.maximumLines + 5)).map { index in
            SettlementStatement.Line(postingId: "p-\(index)", postedAt: T.start.addingTimeInterval(Double(index)), kind: .capture,
                                     order: nil, memo: "", amount: T.cny(-1_00))
        }
        let big = SettlementStatement(company: T.supplier, from: T.start, to: T.start.addingTimeInterval(T.day),
                                      movements: [.init(account: account, currency: .cny, opening: -10_00, lines: lines)])
        #expect(big.truncated)
        #expect(big.sections.first?.lines.count == SettlementStatement.maximumLines)
        #expect(big.netPayable == [T.cny(10_00 + Int64(lines.count) * 1_00)])
        let small = SettlementStatement(company: T.supplier, from: big.from, to: big.to,
                                        movements: [.init(account: account, currency: .cny, opening: 0, lines: [lines[0]])])
        let combined = SettlementStatement.combined([big, small])
        #expect(combined?.truncated == true)
        #expect(combined?.netPayable == [T.cny(10_00 + Int64(lines.count + 1) * 1_00)])
    }
}
