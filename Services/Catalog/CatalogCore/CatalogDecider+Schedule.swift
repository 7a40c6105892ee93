import Contracts
import Foundation

extension CatalogDecider {
    /// The status changes whose time has come (定时上架/下架), one `productChanged` per product, sorted
    /// by product id. The service's timer calls this with the products of the partitions it owns and
    /// publishes the result like a decision's events (see `scheduleEnvelopes`). Repeating the call
    /// after the events are applied yields nothing, because applied schedules are cleared.
    public static func dueScheduleChanges(_ products: some Sequence<Product>, now: Date) -> [CatalogEvent] {
        products.compactMap { product -> CatalogEvent? in
            guard let changed = product.applyingDueSchedules(now: now) else { return nil }
            return .productChanged(changed.with(revision: product.revision + 1, updatedAt: now))
        }
        .sorted { $0.key < $1.key }
    }

    /// Envelopes for `dueScheduleChanges` events, which have no causing command: the id is derived
    /// from the product id and its new revision, so a timer firing twice for the same change produces
    /// the same id; the correlation is the event's own id.
    public static func scheduleEnvelopes(_ events: [CatalogEvent], tenant: String,
                                         occurredAt: Date) -> [Envelope<CatalogEvent>] {
        events.map { event in
            let revision = if case let .productChanged(product) = event { product.revision } else { 0 }
            let id = MessageID.derived(from: "catalog-schedule", event.key, String(revision))
            return Envelope(id: id, occurredAt: occurredAt, causationId: nil, correlationId: CorrelationID(id),
                            tenant: tenant, key: event.key, payload: event)
        }
    }
}
