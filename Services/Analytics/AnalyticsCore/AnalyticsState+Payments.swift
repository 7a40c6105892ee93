import Contracts
import Foundation

extension AnalyticsState {
    /// Folds one event of `payment.events.v1`: captures and refunds, per payer (the buyer's view)
    /// and for the platform. Everything else analytics counts about an order's money is on
    /// `order.events.v1`, where it sits on the order's own partition in order; payment events are
    /// keyed by payer and carry no lines, so they are not attributed to suppliers.
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
        case let .refundIssued(refund):
            for key in [ScopeKey.platform, .buyer(payer)] {
                withAggregate(key) { $0.refunded.add(refund.amount.minorUnits, refund.amount.currency) }
            }
            return true
        default:
            return false
        }
    }

    /// `apply(_:envelopeId:)` with the envelope's id.
    @discardableResult
    public mutating func apply(_ envelope: Envelope<PaymentEvent>) -> Bool {
        apply(envelope.payload, envelopeId: envelope.id)
    }
}
