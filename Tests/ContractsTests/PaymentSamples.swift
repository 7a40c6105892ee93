import Foundation
@testable import Contracts

/// The typed values the payment golden fixtures hold (id and date helpers are `Samples`').
enum PaymentSamples {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> { Samples.id(raw) }
    static func date(_ text: String) -> Date { Samples.date(text) }

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    static let buyer: CompanyID = id("BUYER-ACME")
    static let supplier: CompanyID = id("SUP-HANGZHOU-TEA")
    static let otherSupplier: CompanyID = id("SUP-NINGBO-FASTEN")
    static let distributor: CompanyID = id("DIST-EAST-01")
    static let platform: CompanyID = id("PLATFORM")
    static let order: OrderID = id("ORD-2026-0001")
    static let correlation: CorrelationID = id("corr-ORD-2026-0001")
    static let replyKey = buyer.rawValue
    static let supplierFinance = PaymentActor(company: supplier, roles: ["finance"], user: id("u-fin-wang"))
    static let platformFinance = PaymentActor(company: platform, roles: ["finance", "platform-operator"], user: nil)

    static let settlement = [
        SettlementLine(subOrder: "ORD-2026-0001-S-SUP-HANGZHOU-TEA", supplier: supplier, distributor: distributor,
                       category: ["Beverages", "Tea", "绿茶 Green tea"], amount: cny(1_000_00)),
        SettlementLine(subOrder: "ORD-2026-0001-S-SUP-NINGBO-FASTEN", supplier: otherSupplier, distributor: nil,
                       category: [], amount: cny(234_56)),
    ]
    static let rates = [
        SettlementRate(subOrder: "ORD-2026-0001-S-SUP-HANGZHOU-TEA", platformCommissionBasisPoints: 300,
                       distributorMarginBasisPoints: 1_200, rebateBasisPoints: 100,
                       rule: "supplier SUP-HANGZHOU-TEA, category Beverages/Tea"),
        SettlementRate(subOrder: "ORD-2026-0001-S-SUP-NINGBO-FASTEN", platformCommissionBasisPoints: 500,
                       distributorMarginBasisPoints: 0, rebateBasisPoints: 0, rule: "any line"),
    ]
    static let shares = [
        SettlementShare(subOrder: "ORD-2026-0001-S-SUP-HANGZHOU-TEA", supplier: supplier, distributor: distributor,
                        amount: cny(1_000_00), platformCommission: cny(30_00), distributorMargin: cny(120_00),
                        rebate: cny(10_00), supplierPayable: cny(840_00)),
        SettlementShare(subOrder: "ORD-2026-0001-S-SUP-NINGBO-FASTEN", supplier: otherSupplier, distributor: nil,
                        amount: cny(234_56), platformCommission: cny(11_73), distributorMargin: cny(0), rebate: cny(0),
                        supplierPayable: cny(222_83)),
    ]
    static let rules = [
        SettlementRule(platformCommissionBasisPoints: 500),
        SettlementRule(supplier: supplier, category: ["Beverages", "Tea"], platformCommissionBasisPoints: 300,
                       distributorMarginBasisPoints: 1_200, rebateBasisPoints: 100),
        SettlementRule(distributor: distributor, platformCommissionBasisPoints: 400, distributorMarginBasisPoints: 1_500),
    ]
    static let capturePosting = LedgerPosting(
        id: "cmd-pay-0004#0", postedAt: date("2026-12-01T09:30:00.000Z"), kind: .capture, order: order,
        memo: "capture of order ORD-2026-0001 (credit)",
        entries: [
            LedgerEntry(account: .buyerReceivable(buyer), amount: cny(1_234_56)),
            LedgerEntry(account: .platformRevenue, amount: cny(-41_73)),
            LedgerEntry(account: .distributorPayable(distributor), amount: cny(-120_00)),
            LedgerEntry(account: .rebatePayable(buyer), amount: cny(-10_00)),
            LedgerEntry(account: .supplierPayable(supplier), amount: cny(-840_00)),
            LedgerEntry(account: .supplierPayable(otherSupplier), amount: cny(-222_83)),
        ])

    static func envelope<M: MessageFamily>(_ id: String, _ payload: M, key: String? = nil, causation: String?,
                                           at occurredAt: String) -> Envelope<M> {
        Envelope(id: Self.id(id), occurredAt: date(occurredAt), causationId: causation.map { Self.id($0) },
                 correlationId: correlation, tenant: "tradeflow", key: key ?? buyer.rawValue, payload: payload)
    }
}
