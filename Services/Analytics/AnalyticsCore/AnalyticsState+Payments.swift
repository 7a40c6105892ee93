import Contracts
import Foundation

extension AnalyticsState {
    /// Folds one event of `payment.events.v1`: captures and refunds, per payer (the buyer's view)
    /// and for the platform; per supplier and distributor from the capture's split
    /// (`settlement-split`, each share the value of that supplier's goods, sold through that
    /// distributor) and from the shares a refund reverses. Everything else analytics counts about
    /// an order's money is on `order.events.v1`, where it sits on the order's own partition in order.
    @discardableResult
    public mutating func apply(_ event: PaymentEvent, envelopeId: MessageID) -> Bool {
        guard let payer = event.payer else { return false }
        guard seenPaymentEvents[payer, default: RecentMemory(limit: policy.rememberedEventsPerKey)]
            .insert(envelopeId, Seen())
        else { return false }
        switch event {
        case let .paymentCaptured(captured):
            for key in [ScopeKey.platform, .buyer(payer)] {
                withAggregate(key) { $0.captured.add(captured.amount.minorUnits, captured.amount.currency) }
            }
            return true
        case let .settlementSplit(split):
            for (key, amount) in Self.sellerAmounts(split.shares) {
                withAggregate(key) { $0.captured.add(amount.minorUnits, amount.currency) }
            }
            return true
        case let .refundIssued(refund):
            for key in [ScopeKey.platform, .buyer(payer)] {
                withAggregate(key) { $0.refunded.add(refund.amount.minorUnits, refund.amount.currency) }
            }
            for (key, amount) in Self.sellerAmounts(refund.reversed) {
                withAggregate(key) { $0.refunded.add(amount.minorUnits, amount.currency) }
            }
            return true
        default:
            return false
        }
    }

    /// The goods' value of `shares` per supplier and per distributor that sold them, in share
    /// order (an order's shares are few; summing per key keeps one addition per scope).
    static func sellerAmounts(_ shares: [SettlementShare]) -> [(ScopeKey, Money)] {
        var keys: [ScopeKey] = []
        var sums: [ScopeKey: Money] = [:]
        for share in shares {
            for key in [ScopeKey.supplier(share.supplier)] + (share.distributor.map { [.distributor($0)] } ?? []) {
                if let sum = sums[key], let next = try? sum.adding(share.amount) {
                    sums[key] = next
                } else if sums[key] == nil {
                    keys.append(key)
                    sums[key] = share.amount
                }
            }
        }
        return keys.compactMap { key in sums[key].map { (key, $0) } }
    }

    /// `apply(_:envelopeId:)` with the envelope's id.
    @discardableResult
    public mutating func apply(_ envelope: Envelope<PaymentEvent>) -> Bool {
        apply(envelope.payload, envelopeId: envelope.id)
    }
}
