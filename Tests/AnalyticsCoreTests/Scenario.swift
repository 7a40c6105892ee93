import AnalyticsCore
import Contracts
import Foundation
import Runtime

/// One message read from a topic partition: what the service would hand to `AnalyticsState.apply`.
struct Delivery {
    enum Message {
        case order(OrderEvent)
        case inventory(InventoryEvent)
        case payment(PaymentEvent)
    }

    /// Topic and key: deliveries of one partition key keep their order in every interleaving.
    let partition: String
    let id: MessageID
    let occurredAt: Date
    let message: Message

    func apply(to state: inout AnalyticsState) {
        switch message {
        case let .order(event): state.apply(event, envelopeId: id)
        case let .inventory(event): state.apply(event, envelopeId: id, occurredAt: occurredAt)
        case let .payment(event): state.apply(event, envelopeId: id)
        }
    }
}

/// The scripted platform: orders O1..O4 of two buyers over two suppliers and a distributor, stock of
/// four SKUs, one capture. Each partition's deliveries are listed in their partition order.
enum Scenario {
    static func order(_ event: OrderEvent, _ serial: Int) -> Delivery {
        Delivery(partition: "order/\(event.buyer.rawValue)", id: T.id("evt-order-\(serial)"), occurredAt: T.t0,
                 message: .order(event))
    }

    static func inventory(_ event: InventoryEvent, at date: Date, _ serial: Int) -> Delivery {
        Delivery(partition: "inventory/\(event.sku!.rawValue)", id: T.id("evt-inv-\(serial)"), occurredAt: date,
                 message: .inventory(event))
    }

    /// Order O1 (ACME, CN-EAST): TEA-1 ×10 at 100.00 via DIST-EAST, CUP-1 ×5 at 20.00; confirmed on
    /// credit after 10 minutes; tea ships after 1 h (on time), cups after 3 days (late); completed
    /// and captured on day 4.
    /// Order O2 (BETA, CN-NORTH): TEA-2 ×3 at 50.00, needs approval; paid at confirmation; tea ships
    /// 47 h 55 min after confirmation (on time); completed on day 3.
    /// Order O3 (ACME): CUP-1 ×2, rejected on day 1.
    /// Order O4 (BETA, CN-NORTH): TEA-1 ×1 via DIST-EAST on day 70, confirmed, not shipped.
    static let deliveries: [Delivery] = {
        let acme: [OrderEvent] = [
            T.placed("O1", buyer: T.acme, at: T.at(), [
                T.Line(sku: "TEA-1", supplier: T.tea, distributor: T.east, quantity: 10, unitPrice: 100_00),
                T.Line(sku: "CUP-1", supplier: T.cup, category: ["Tableware"], quantity: 5, unitPrice: 20_00),
            ]),
            T.confirmed("O1", buyer: T.acme, at: T.at(minutes: 10), amount: 1_100_00),
            T.shipped("O1", buyer: T.acme, supplier: T.tea, at: T.at(hours: 1, minutes: 10)),
            T.placed("O3", buyer: T.acme, at: T.at(days: 1), [
                T.Line(sku: "CUP-1", supplier: T.cup, category: ["Tableware"], quantity: 2, unitPrice: 20_00),
            ]),
            T.rejected("O3", buyer: T.acme, at: T.at(days: 1, minutes: 1)),
            T.shipped("O1", buyer: T.acme, supplier: T.cup, at: T.at(days: 3, minutes: 10)),
            T.completed("O1", buyer: T.acme, at: T.at(days: 4), amount: 1_100_00),
            T.captured("O1", buyer: T.acme, at: T.at(days: 4, minutes: 1)),
        ]
        let beta: [OrderEvent] = [
            T.placed("O2", buyer: T.beta, at: T.at(hours: 1), region: "CN-NORTH", needsApproval: true, [
                T.Line(sku: "TEA-2", supplier: T.tea, quantity: 3, unitPrice: 50_00),
            ]),
            T.approved("O2", buyer: T.beta, at: T.at(hours: 1, minutes: 30), remaining: ["cfo"]),
            T.approved("O2", buyer: T.beta, at: T.at(hours: 2)),
            T.confirmed("O2", buyer: T.beta, at: T.at(hours: 2, minutes: 5), payment: .paid, amount: 150_00),
            T.shipped("O2", buyer: T.beta, supplier: T.tea, at: T.at(days: 2, hours: 2)),
            T.completed("O2", buyer: T.beta, at: T.at(days: 3), amount: 150_00),
            T.placed("O4", buyer: T.beta, at: T.at(days: 70), region: "CN-NORTH", [
                T.Line(sku: "TEA-1", supplier: T.tea, distributor: T.east, quantity: 1, unitPrice: 100_00),
            ]),
            T.confirmed("O4", buyer: T.beta, at: T.at(days: 70, minutes: 2), amount: 100_00),
        ]
        var serial = 0
        func next() -> Int { serial += 1; return serial }
        var all = acme.map { order($0, next()) } + beta.map { order($0, next()) }
        all += [
            inventory(T.received("TEA-1", 100, onHand: 100), at: T.at(days: -10), next()),
            inventory(T.committed("TEA-1", order: "O1", 10, onHand: 90), at: T.at(minutes: 10), next()),
            inventory(T.committed("TEA-1", order: "O4", 1, onHand: 89), at: T.at(days: 70, minutes: 2), next()),
            inventory(T.received("TEA-2", 50, onHand: 50), at: T.at(days: -10), next()),
            inventory(T.committed("TEA-2", order: "O2", 3, onHand: 47), at: T.at(hours: 2, minutes: 5), next()),
            inventory(T.received("CUP-1", 20, onHand: 20), at: T.at(days: -10), next()),
            inventory(T.committed("CUP-1", order: "O1", 5, onHand: 15), at: T.at(minutes: 10), next()),
            inventory(T.received("MUG-9", 40, onHand: 40), at: T.at(days: -30), next()),
        ]
        all.append(Delivery(partition: "payment/BUYER-ACME", id: T.id("evt-pay-1"), occurredAt: T.at(days: 4),
                            message: .payment(T.paymentCaptured("O1", payer: T.acme, amount: 1_100_00, at: T.at(days: 4)))))
        return all
    }()

    /// The deliveries in their listed order (each partition in order, partitions one after another).
    static func fold(_ deliveries: [Delivery] = deliveries, policy: AnalyticsPolicy = .standard) -> AnalyticsState {
        var state = AnalyticsState(policy: policy)
        for delivery in deliveries { delivery.apply(to: &state) }
        return state
    }

    /// A random interleaving of the partitions that keeps each partition's order, as a replay may read them.
    static func interleaved(_ deliveries: [Delivery], seed: UInt64) -> [Delivery] {
        var generator = SeededRandom(seed: seed)
        var queues = Dictionary(grouping: deliveries, by: \.partition).sorted { $0.key < $1.key }.map { $0.value[...] }
        var result: [Delivery] = []
        while !queues.isEmpty {
            let index = Int(generator.next() % UInt64(queues.count))
            result.append(queues[index].removeFirst())
            if queues[index].isEmpty { queues.remove(at: index) }
        }
        return result
    }

    /// Every delivery re-delivered once more, a few positions later in its partition (crash replay).
    static func withReplayedDuplicates(_ deliveries: [Delivery]) -> [Delivery] {
        Dictionary(grouping: deliveries, by: \.partition).sorted { $0.key < $1.key }.flatMap { _, partition in
            partition.indices.flatMap { index in
                [partition[index]] + (index >= 2 ? partition[(index - 2)...index] : partition[...index])
            }
        }
    }

    static let everyScope: [AnalyticsScope] = [.platform] + [T.acme, T.beta, T.tea, T.cup, T.east].map(AnalyticsScope.company)
}

