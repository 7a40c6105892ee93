import Contracts
import Runtime

/// The platform's current settlement rules, followed from `payment.snapshots.v1`.
///
/// Rules are set on one payment partition but apply to payers on every partition, so each payment
/// instance (and the gateway, which shows them) keeps this copy. The topic has one partition, so
/// the record with the highest offset is the latest set; an older record seen again while the
/// follower catches up never replaces it.
public final class SettlementRulesReplica: Sendable {
    private let latest = Locked<(offset: Int64, rules: SettlementRulesSet?)>((-1, nil))
    private let replica: TopicReplica

    public init(context: ServiceContext) throws {
        let latest = self.latest
        replica = try TopicReplica(context: context, name: "settlement-rules",
                                   topics: [(Topics.paymentSettlementRules.name, Topics.paymentSettlementRules.partitions)]) { message in
            guard case let .settlementRulesSet(set)? = try? WireFormat.decode(message.value, as: PaymentEvent.self).payload else { return }
            latest.withLock { current in
                if message.offset > current.offset { current = (message.offset, set) }
            }
        }
    }

    /// The last rule set, or nil while none was ever set.
    public var current: SettlementRulesSet? { latest.withLock { $0.rules } }

    /// The services that restore and follow the copy; add them to the service's parts.
    public var services: [any Service] { [replica.restorer(), replica.follower] }

    /// Suspends until the copy holds every rule set published before start.
    public func waitUntilRestored() async { await replica.waitUntilRestored() }
}
