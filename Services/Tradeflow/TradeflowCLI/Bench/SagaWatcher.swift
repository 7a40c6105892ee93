import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit

/// Follows `order.events.v1` (and, for one hot SKU, `inventory.events.v1`) as an outside
/// subscriber would, and notes when each order was decided, so the benchmark can measure placed ->
/// confirmed end to end without polling the API.
final class SagaWatcher: Sendable {
    enum Outcome: String, Sendable { case confirmed, rejected, cancelled, expired }

    struct Decision: Sendable {
        let outcome: Outcome
        let seenAt: ContinuousClock.Instant
        let reason: String?
        let units: [SKU: Int64]
    }

    struct Observed: Sendable {
        var decisions: [OrderID: Decision] = [:]
        /// Inventory's decisions on the hot SKU: reserved or refused, with when they were seen.
        var hotReserved = 0
        var hotRefused = 0
        var firstHotDecision: ContinuousClock.Instant?
        var lastHotDecision: ContinuousClock.Instant?
        /// Orders seen completed (delivered, captured and settled); a set, so an event delivered
        /// twice counts once.
        var completed: Set<OrderID> = []
    }

    /// A confirmed order as the suppliers see it: what each of them ships.
    struct Confirmed: Sendable {
        let order: OrderID
        let buyer: CompanyID
        let subOrders: [SubOrder]
    }

    private let consumer: KafkaConsumer
    private let observed = Locked(Observed())
    private let assigned = Latch()
    private let hotSKU: SKU?
    private let lines = Locked<[OrderID: (units: [SKU: Int64], buyer: CompanyID, subOrders: [SubOrder])]>([:])
    private let onConfirmed: (@Sendable (Confirmed) -> Void)?

    /// `onConfirmed` is called (on the watcher's task) with every order it sees confirmed.
    init(settings: KafkaSettings, hotSKU: SKU? = nil, onConfirmed: (@Sendable (Confirmed) -> Void)? = nil) throws {
        self.hotSKU = hotSKU
        self.onConfirmed = onConfirmed
        let latch = assigned
        let topics = [Topics.orderEvents.name] + (hotSKU == nil ? [] : [Topics.inventoryEvents.name])
        consumer = try KafkaConsumer(settings: settings, groupId: "tradeflow-bench-\(UUID().uuidString.prefix(8))", topics: topics,
                                     logger: Logger(label: "bench-watcher", level: .warning), offsetReset: .latest,
                                     bufferCapacity: 65_536) { assignment in
            if !assignment.partitions.isEmpty { latch.open() }
        }
    }

    /// Consumes until `close()`; returns once the consumer has its partitions (so nothing of the
    /// run is missed), or after 20 s.
    func start() async -> Task<Void, Never> {
        let task = Task { [consumer] in
            while let message = await consumer.next() { self.handle(message) }
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while !assigned.isOpen && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        try? await Task.sleep(for: .milliseconds(500))
        return task
    }

    func close() async { await consumer.close() }

    var snapshot: Observed { observed.withLock { $0 } }
    var completedCount: Int { observed.withLock { $0.completed.count } }
    var hotReservedCount: Int { observed.withLock { $0.hotReserved } }

    /// Orders of `sku` seen placed and not yet decided.
    func undecidedOrders(of sku: SKU) -> Int { lines.withLock { $0.values.filter { $0.units[sku] != nil }.count } }

    private static let watchedOrderTypes: Set<String> = [
        OrderPlaced.messageType, OrderConfirmed.messageType, OrderRejected.messageType,
        OrderCancelled.messageType, OrderExpired.messageType, OrderCompleted.messageType,
    ]

    private func handle(_ message: KafkaMessage) {
        let now = ContinuousClock.now
        if message.topic == Topics.inventoryEvents.name {
            guard let hotSKU, let envelope = try? WireFormat.decode(message.value, as: InventoryEvent.self),
                  envelope.payload.sku == hotSKU else { return }
            observed.withLock { state in
                switch envelope.payload {
                case .stockReserved: state.hotReserved += 1
                case .reservationRejected: state.hotRefused += 1
                default: return
                }
                if state.firstHotDecision == nil { state.firstHotDecision = now }
                state.lastHotDecision = now
            }
            return
        }
        // The type header says whether the record is worth parsing: most of the topic is the
        // saga's per-line bookkeeping, and the watcher shares the CPU with what it measures.
        if let type = message.header(RecordHeaders.type), !Self.watchedOrderTypes.contains(type) { return }
        guard let envelope = try? WireFormat.decode(message.value, as: OrderEvent.self) else { return }
        let decided: (Outcome, String?)?
        switch envelope.payload {
        case let .placed(placed):
            // A placed event read again after a restart must not make a decided order pending.
            guard observed.withLock({ $0.decisions[placed.order] == nil }) else { return }
            var units: [SKU: Int64] = [:]
            for line in placed.lines { units[line.sku, default: 0] += line.quantity }
            lines.withLock { $0[placed.order] = (units, placed.buyer, onConfirmed == nil ? [] : placed.subOrders) }
            decided = nil
        case let .completed(completed):
            observed.withLock { _ = $0.completed.insert(completed.order) }
            decided = nil
        case .confirmed: decided = (.confirmed, nil)
        case let .rejected(rejected): decided = (.rejected, rejected.reason)
        case let .cancelled(cancelled): decided = (.cancelled, cancelled.reason)
        case let .expired(expired): decided = (.expired, expired.reason)
        default: decided = nil
        }
        guard let (outcome, reason) = decided, let order = envelope.payload.order else { return }
        let placed = lines.withLock { $0.removeValue(forKey: order) }
        let first = observed.withLock { state in
            guard state.decisions[order] == nil else { return false }
            state.decisions[order] = Decision(outcome: outcome, seenAt: now, reason: reason, units: placed?.units ?? [:])
            return true
        }
        if first, outcome == .confirmed, let onConfirmed, let placed {
            onConfirmed(Confirmed(order: order, buyer: placed.buyer, subOrders: placed.subOrders))
        }
    }
}
