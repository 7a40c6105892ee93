import Contracts
import Foundation

extension AnalyticsState {
    /// Folds one event of `inventory.events.v1`. Inventory events carry no time of their own, so the
    /// envelope's `occurredAt` dates the movement. Returns true when it changed any number.
    ///
    /// Received and adjusted stock set the warehouse's on-hand to the event's result (so even a
    /// duplicate the id memory forgot cannot skew on-hand); a committed reservation takes its
    /// allocations out of stock. Reservations, releases and safety-stock settings move nothing.
    @discardableResult
    public mutating func apply(_ event: InventoryEvent, envelopeId: MessageID, occurredAt: Date) -> Bool {
        guard let sku = event.sku else { return false }
        guard seenInventoryEvents[sku, default: RecentMemory(limit: policy.rememberedEventsPerKey)]
            .insert(envelopeId, Seen())
        else { return false }
        var track = stock[sku] ?? SKUStockTrack()
        switch event {
        case let .stockReceived(received):
            track.advance(to: occurredAt)
            track.onHandByWarehouse[received.warehouse] = received.onHand
            track.received = Saturating.add(track.received, received.quantity)
        case let .stockAdjusted(adjusted):
            track.advance(to: occurredAt)
            track.onHandByWarehouse[adjusted.warehouse] = adjusted.onHand
            track.adjusted = Saturating.add(track.adjusted, adjusted.delta)
        case let .reservationCommitted(committed):
            track.advance(to: occurredAt)
            for allocation in committed.allocations {
                track.onHandByWarehouse[allocation.warehouse, default: 0] -= allocation.quantity
                track.out = Saturating.add(track.out, allocation.quantity)
            }
        case .stockCommandRejected, .stockReserved, .reservationReleased, .reservationRejected, .lowStock,
             .safetyStockSet, .warehouseRegionSet, .warehouseCommandRejected:
            return false
        }
        stock[sku] = track
        markChanged(.platform)
        for supplier in skuSuppliers[sku] ?? [] { markChanged(.supplier(supplier)) }
        return true
    }

    /// `apply(_:envelopeId:occurredAt:)` with the envelope's id and time.
    @discardableResult
    public mutating func apply(_ envelope: Envelope<InventoryEvent>) -> Bool {
        apply(envelope.payload, envelopeId: envelope.id, occurredAt: envelope.occurredAt)
    }
}
