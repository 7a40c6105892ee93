import Contracts
import Foundation
import Kafka
import OrderCore
import Runtime
import ServiceKit

/// Connects OrderCore to Kafka. Every input of a buyer's orders (gateway commands, replies of
/// inventory and payment, expiry ticks) arrives on that buyer's partition of `order.commands.v1`,
/// so one instance decides them in sequence.
enum OrderWiring {
    static func parts(_ context: ServiceContext, settings: OrderSettings) throws -> [any Service] {
        let store = PartitionedStateStore<OrderState>(
            context: context, commandTopic: Topics.orderCommands.name, eventTopic: Topics.orderEvents.name,
            initial: { OrderState() },
            fold: { state, message in
                if let envelope = try? WireFormat.decode(message.value, as: OrderEvent.self) { state.apply(envelope.payload) }
            })
        let commands = try context.consume([Topics.orderCommands], group: OrderSubscriptions.group, singleWriter: true,
                                           onAssignment: { store.assignmentChanged($0) }) { envelope, message in
            try await store.ensureRestored(message.partition)
            let now = Date()
            let decision = OrderDecider.decide(envelope, state: await store.state(of: message.partition), now: now,
                                               policy: settings.policy)
            let output = decision.output(for: envelope, occurredAt: now)
            // Outbound commands first, events second: the events are the decision's commit point. A
            // crash between the two replays the command, which decides the same outputs with the
            // same ids, and the receivers recognise what they already handled.
            try await context.producer.sendAll(output.outbox.map { try record(of: $0, causedBy: envelope, at: now) })
            try await context.publishAll(output.events, to: Topics.orderEvents)
            let events = output.stateEvents
            await store.update(message.partition) { state in events.forEach { state.apply($0) } }
            if let reply = output.reply, let address = output.replyTo { try await context.reply(to: address, reply) }
        }
        // Carriers and WMSs push shipment updates; a usable one becomes the order command it stands
        // for, with an id derived from the update's (a re-sent update is a duplicate), and a broken
        // one goes to shipment.inbound.v1.dlq with the field and reason.
        let shipments = try context.consume([Topics.shipmentInbound], group: OrderSubscriptions.shipmentRelayGroup) { envelope, _ in
            let command: OrderCommand
            do throws(Refusal) {
                command = try ShipmentRelay.command(for: envelope.payload)
            } catch {
                throw PoisonMessage("\(error.field ?? "record"): \(error.message)")
            }
            try await context.publish(Envelope(id: MessageID.derived(from: envelope.id.rawValue, "shipment-relay"),
                                               occurredAt: Date(), causationId: envelope.id, correlationId: envelope.correlationId,
                                               tenant: envelope.tenant, key: envelope.payload.buyer.rawValue, payload: command),
                                      to: Topics.orderCommands)
        }
        return [commands, shipments,
                Ticker(name: "order-expiry", every: .seconds(1)) { await expireDue(store: store, context: context) }]
    }

    /// An outbound request as the receiving service's command envelope, with the id the decision gave it.
    static func record(of outbound: OrderOutput.OutboundMessage, causedBy cause: Envelope<OrderCommand>,
                       at now: Date) throws -> OutgoingRecord {
        func envelope<Family>(_ payload: Family) -> Envelope<Family> {
            Envelope(id: outbound.id, occurredAt: now, causationId: cause.id, correlationId: cause.correlationId,
                     tenant: cause.tenant, key: outbound.key, payload: payload)
        }
        switch outbound.request {
        case let .inventory(request):
            let command: InventoryCommand = switch request {
            case let .reserveStock(message): .reserveStock(message)
            case let .releaseReservation(message): .releaseReservation(message)
            case let .commitReservation(message): .commitReservation(message)
            case let .receiveStock(message): .receiveStock(message)
            }
            return try ServiceContext.record(envelope(command), to: Topics.inventoryCommands)
        case let .payment(request):
            let command: PaymentCommand = switch request {
            case let .authorize(message): .authorize(message)
            case let .capture(message): .capture(message)
            case let .void(message): .void(message)
            case let .refund(message): .refund(message)
            }
            return try ServiceContext.record(envelope(command), to: Topics.paymentCommands)
        }
    }
}

extension OrderWiring {
    /// Expires orders whose approval or payment deadline passed. Deadlines are part of the order
    /// state (restored from Kafka), so they survive restarts; the tick is a command on the buyer's
    /// own partition, decided like any other input.
    static func expireDue(store: PartitionedStateStore<OrderState>, context: ServiceContext) async {
        let now = Date()
        for (_, state) in await store.allStates {
            for buyer in state.buyersWithDueOrders(at: now) {
                let envelope = Envelope(id: MessageID.derived(from: "expiry", buyer.rawValue, String(Int(now.timeIntervalSince1970))),
                                        occurredAt: now, causationId: nil, correlationId: CorrelationID(MessageID.random()),
                                        tenant: context.settings.tenant, key: buyer.rawValue,
                                        payload: OrderCommand.expireDue(ExpireDue(buyer: buyer, now: now)))
                do {
                    try await context.publish(envelope, to: Topics.orderCommands)
                } catch {
                    context.logger.warning("expiry tick not sent; will retry", ["buyer": buyer.rawValue, "reason": "\(error)"])
                }
            }
        }
    }
}
