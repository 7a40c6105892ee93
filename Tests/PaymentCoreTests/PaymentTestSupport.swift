import Contracts
import Foundation
import PaymentCore
import Testing

/// Ids, dates and builders shared by the payment core tests. An invalid literal is a bug in the test
/// itself, so the helpers stop with the value instead of threading `try` everywhere.
enum TestData {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    static let start = Date(timeIntervalSince1970: 1_795_320_000)  // 2026-11-22T04:00:00Z
    static let day: TimeInterval = 86_400

    static let buyer: CompanyID = id("BUYER-ACME")
    static let otherBuyer: CompanyID = id("BUYER-ZENITH")
    static let supplier: CompanyID = id("SUP-HANGZHOU-TEA")
    static let otherSupplier: CompanyID = id("SUP-NINGBO-FASTEN")
    static let distributor: CompanyID = id("DIST-EAST-01")
    static let platform: CompanyID = id("PLATFORM")

    static let supplierFinance = PaymentActor(company: supplier, roles: ["finance"], user: id("u-fin-sup"))
    static let platformFinance = PaymentActor(company: platform, roles: ["finance", "platform-operator"], user: id("u-fin-plat"))

    static func line(_ subOrder: String, supplier: CompanyID = supplier, distributor: CompanyID? = nil,
                     category: [String] = ["Beverages", "Tea"], amount: Money) -> SettlementLine {
        SettlementLine(subOrder: subOrder, supplier: supplier, distributor: distributor, category: category, amount: amount)
    }

    static func authorize(_ order: String, _ amount: Money, _ method: PaymentMethod = .credit, payer: CompanyID = buyer,
                          lines: [SettlementLine]? = nil) -> PaymentCommand {
        .authorize(AuthorizePayment(order: id(order), payer: payer, amount: amount, method: method,
                                    settlement: lines ?? [line("\(order)-S-\(supplier)", amount: amount)],
                                    replyKey: payer.rawValue))
    }

    static func capture(_ order: String, payer: CompanyID = buyer) -> PaymentCommand {
        .capture(CapturePayment(order: id(order), payer: payer, replyKey: payer.rawValue))
    }

    static func void(_ order: String, payer: CompanyID = buyer) -> PaymentCommand {
        .void(VoidAuthorization(order: id(order), payer: payer, reason: "cancelled by buyer", replyKey: payer.rawValue))
    }

    static func refund(_ refund: String, _ order: String, _ amount: Money, payer: CompanyID = buyer) -> PaymentCommand {
        .refund(RefundPayment(refund: refund, order: id(order), payer: payer, amount: amount, reason: "RMA: damaged",
                              replyKey: payer.rawValue))
    }

    static func creditLine(_ limit: Money, termDays: Int = 30, payer: CompanyID = buyer,
                           by actor: PaymentActor = supplierFinance) -> PaymentCommand {
        .setCreditLine(SetCreditLine(payer: payer, limit: limit, termDays: termDays, by: actor))
    }

    static func bankTransfer(_ reference: String, _ amount: Money, transaction: String,
                             payer: CompanyID = buyer) -> PaymentCommand {
        .recordBankTransfer(RecordBankTransfer(payer: payer, reference: reference, amount: amount,
                                               bankTransactionId: transaction))
    }

    static func providerCallback(_ order: String, _ amount: Money, payment: String, status: ProviderPaymentStatus = .succeeded,
                                 payer: CompanyID = buyer) -> PaymentCommand {
        .providerCallback(ProviderCallback(payer: payer, order: id(order), providerPaymentId: payment, amount: amount,
                                           status: status, failureReason: status == .failed ? "card declined" : nil))
    }

    static func rules(_ rules: [SettlementRule]) -> PaymentCommand {
        .setSettlementRules(SetSettlementRules(rules: rules, by: platformFinance))
    }
}

/// A payment partition under test: decides commands at a controllable clock and applies the
/// events, checking after every step what must always hold.
struct Harness {
    var state = PaymentState()
    let decider = PaymentDecider()
    var now = TestData.start
    private var counter = 0

    init(state: PaymentState = PaymentState()) {
        self.state = state
    }

    func envelope(_ payload: PaymentCommand, id: String) -> Envelope<PaymentCommand> {
        Envelope(id: TestData.id(id), occurredAt: now, causationId: nil, correlationId: TestData.id("corr-\(id)"),
                 tenant: "tradeflow", key: payload.partitionKey, payload: payload)
    }

    /// Decides `payload` (with a fresh command id unless `id` is given) and applies the events.
    @discardableResult
    mutating func handle(_ payload: PaymentCommand, id: String? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) -> PaymentDecision {
        counter += 1
        let command = envelope(payload, id: id ?? "cmd-\(counter)")
        let decision = decider.decide(command, state: state, now: now)
        for event in decision.events { state.apply(event) }
        Harness.checkInvariants(of: decision, state: state, sourceLocation: sourceLocation)
        return decision
    }

    mutating func advance(days: Double) { now = now.addingTimeInterval(days * TestData.day) }

    /// Every posting balances, the ledger's trial balance is zero, and every event survives the wire.
    static func checkInvariants(of decision: PaymentDecision, state: PaymentState,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        for event in decision.events {
            if case let .ledgerPosted(posted) = event {
                #expect(posted.posting.isBalanced, "unbalanced posting \(posted.posting)", sourceLocation: sourceLocation)
            }
            if case let .settlementSplit(split) = event {
                for share in split.shares {
                    #expect(share.parts.reduce(0) { $0 + $1.minorUnits } == share.amount.minorUnits,
                            sourceLocation: sourceLocation)
                }
            }
        }
        #expect(state.ledger.isBalanced, "trial balance \(state.ledger.trialBalance)", sourceLocation: sourceLocation)
    }
}

extension PaymentDecision {
    var outcomes: [PaymentResult.Outcome] { replies.map(\.result.outcome) }
    var types: [String] { events.map(\.messageType) }

    var posting: LedgerPosting? {
        events.lazy.compactMap { if case let .ledgerPosted(posted) = $0 { posted.posting } else { nil } }.first
    }
}
