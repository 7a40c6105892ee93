import Contracts
import Kafka
import NotificationCore
import Runtime
import ServiceKit

/// A record of a topic the relay reads, decoded: order events route on their partition's
/// `NotificationRouter`, payment events (invoices due and overdue) on what they carry, inventory
/// events (low stock) on the shared `SKUSuppliers`.
enum RelayedEvent {
    case order(Envelope<OrderEvent>)
    case payment(Envelope<PaymentEvent>)
    case inventory(Envelope<InventoryEvent>)

    /// Throws `PoisonMessage` for a topic the relay does not read or a record it cannot decode.
    private static let topics = Set(NotificationSubscriptions.relayTopics.map(\.name))

    init(_ message: KafkaMessage) throws {
        guard Self.topics.contains(message.topic) else {
            throw PoisonMessage("the notification relay does not read \(message.topic)")
        }
        do throws(WireFormatError) {
            switch message.topic {
            case Topics.orderEvents.name: self = .order(try WireFormat.decode(message.value, as: OrderEvent.self))
            case Topics.paymentEvents.name: self = .payment(try WireFormat.decode(message.value, as: PaymentEvent.self))
            default: self = .inventory(try WireFormat.decode(message.value, as: InventoryEvent.self))
            }
        } catch {
            throw PoisonMessage(error.reason)
        }
    }

    var header: EnvelopeHeader {
        switch self {
        case let .order(envelope): envelope.header
        case let .payment(envelope): envelope.header
        case let .inventory(envelope): envelope.header
        }
    }

    func route(on router: inout NotificationRouter, skuSuppliers: Locked<SKUSuppliers>, logger: Logger?) -> [NotificationDraft] {
        switch self {
        case let .order(envelope):
            skuSuppliers.withLock { $0.learn(envelope.payload) }
            return router.route(envelope)
        case let .payment(envelope):
            return router.route(envelope)
        case let .inventory(envelope):
            let drafts = skuSuppliers.withLock { $0.route(envelope) }
            if drafts.isEmpty, case let .lowStock(low) = envelope.payload {
                logger?.info("low stock of a SKU whose supplier is unknown; nobody notified", ["sku": low.sku.rawValue])
            }
            return drafts
        }
    }
}
