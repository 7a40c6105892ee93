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
        // One partition's waiting commands are decided one after another in memory; their outputs
        // go out in one round trip per kind.
        let handle: @Sendable ([(envelope: Envelope<OrderCommand>, message: KafkaMessage)]) async throws -> Void = { items in
            guard let partition = items.first?.message.partition else { return }
            try await store.ensureRestored(partition)
            let now = Date()
            let batch = try await store.decide(partition) { state in
                var batch = DecidedBatch()
                for (envelope, _) in items {
                    let decision = OrderDecider.decide(envelope, state: state, now: now, policy: settings.policy)
                    let output = decision.output(for: envelope, occurredAt: now)
                    batch.outbox += try output.outbox.map { try record(of: $0, causedBy: envelope, at: now) }
                    batch.events += output.events
                    output.stateEvents.forEach { state.apply($0) }
                    if let reply = output.reply, let address = output.replyTo { batch.replies.append((address, reply)) }
                }
                batch.orderCounts = state.orderCounts
                return batch
            }
            // Outbound commands first, events second: the events are the decisions' commit point. A
            // crash between the two replays the commands, which decide the same outputs with the
            // same ids, and the receivers recognise what they already handled.
            try await store.commit(partition) {
                try await context.producer.sendAll(batch.outbox)
                return try await context.publishAll(batch.events, to: Topics.orderEvents)
            }
            try await context.replyAll(batch.replies)
            let labels = ["partition": "\(partition)"]
            context.metrics.gauge("order_orders_held", help: "Orders held in memory, per partition of order.commands.v1",
                                  labels: labels).set(Int64(batch.orderCounts.held))
            context.metrics.gauge("order_orders_packed", help: "Of those, quiet orders kept packed (deflated JSON)",
                                  labels: labels).set(Int64(batch.orderCounts.packed))
        }
        let commands = try context.consume([Topics.orderCommands], group: OrderSubscriptions.group, singleWriter: true,
                                           onAssignment: { store.assignmentChanged($0) }, batch: handle) { envelope, message in
            try await handle([(envelope, message)])
        }
        // Carriers and WMSs push shipment updates; a usable one becomes the order command it stands
        // for, with an id derived from the update's (a re-sent update is a duplicate), and a broken
        // one goes to shipment.inbound.v1.dlq with the field and reason.
        let relay: @Sendable ([Envelope<ShipmentUpdate>]) async throws -> Void = { updates in
            let commands = try updates.map { envelope in
                let command: OrderCommand
                do throws(Refusal) {
                    command = try ShipmentRelay.command(for: envelope.payload)
                } catch {
                    throw PoisonMessage("\(error.field ?? "record"): \(error.message)")
                }
                return Envelope(id: MessageID.derived(from: envelope.id.rawValue, "shipment-relay"), occurredAt: Date(),
                                causationId: envelope.id, correlationId: envelope.correlationId, tenant: envelope.tenant,
                                key: envelope.payload.buyer.rawValue, payload: command)
            }
            try await context.publishAll(commands, to: Topics.orderCommands)
        }
        let shipments = try context.consume([Topics.shipmentInbound], group: OrderSubscriptions.shipmentRelayGroup,
                                            batch: { try await relay($0.map(\.envelope)) }) { envelope, _ in
            try await relay([envelope])
        }
        // The checkpointer before the consumer: stopped after it, so the last snapshot follows the last batch.
        return [store.checkpointer, commands, shipments,
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
            case let .releaseCredit(message): .releaseCredit(message)
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
                await context.sendTick(OrderCommand.expireDue(ExpireDue(buyer: buyer, now: now)), kind: "expiry",
                                       key: buyer.rawValue, at: now, to: Topics.orderCommands)
            }
        }
    }
}

/// What one batch of order commands decided, published after the decisions.
private struct DecidedBatch: Sendable {
    var outbox: [OutgoingRecord] = []
    var events: [Envelope<OrderEvent>] = []
    var replies: [(address: ReplyAddress, envelope: Envelope<OrderReply>)] = []
    var orderCounts = (held: 0, packed: 0)
}
