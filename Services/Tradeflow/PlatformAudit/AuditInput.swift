import Contracts
import Foundation

/// Everything `tradeflow verify` read, folded into what the invariant checks need. Pure: no Kafka,
/// no clock. Feed it the records of `order.events.v1`, `inventory.events.v1` and
/// `payment.events.v1` (each partition in offset order; partitions and topics in any order), then
/// ask for `report(settleAfter:)`.
///
///     var audit = AuditInput()
///     for message in messages { audit.observeRecord(topic: message.topic, partition: message.partition,
///                                                   offset: message.offset, value: message.value) }
///     for range in ranges { audit.observePartitionStart(topic: range.topic, partition: range.partition,
///                                                       logStart: range.logStart) }
///     let report = audit.report(settleAfter: .seconds(30))
///     print(report.text); exit(report.passed ? 0 : 1)
///
/// A partition whose retained history does not start at offset 0 (see `observePartitionStart`)
/// is judged only as far as its window can prove; the report says how much was partial.
///
/// Records that do not decode are counted and reported, never thrown. An envelope delivered
/// again with the same id and bytes counts once (see `EnvelopeRegistry`).
public struct AuditInput: Sendable {
    /// The topics the audit reads (read every partition of each to its end); records of other
    /// topics given to `observeRecord` are counted as ignored.
    public static let topics: [AnyTopic] = [Topics.orderEvents.erased, Topics.inventoryEvents.erased,
                                            Topics.paymentEvents.erased]

    /// At most this many example violations are kept per check.
    public let examplesPerCheck: Int

    var orders: OrderAudit
    var stock: StockAudit
    var payments: PaymentAudit
    var duplicates: ViolationLog
    var undecodable: ViolationLog
    var envelopes = EnvelopeRegistry()
    var windows = PartitionWindows()
    var ignoredRecords = 0
    /// Records read per family, re-deliveries included.
    var records: [String: Int] = [:]
    /// The newest `occurredAt` of any envelope read: "now" for the grace period, so that a verify
    /// of an old capture judges it by its own time, not the wall clock.
    public private(set) var newestEventAt: Date?

    public init(examplesPerCheck: Int = 10) {
        self.examplesPerCheck = examplesPerCheck
        orders = OrderAudit(examples: examplesPerCheck)
        stock = StockAudit(examples: examplesPerCheck)
        payments = PaymentAudit(examples: examplesPerCheck)
        duplicates = ViolationLog(limit: examplesPerCheck)
        undecodable = ViolationLog(limit: examplesPerCheck)
    }

    /// One decoded `order.events.v1` envelope.
    public mutating func observe(_ envelope: Envelope<OrderEvent>, at position: RecordPosition? = nil) {
        guard admit(envelope, family: "order", fingerprint: EnvelopeRegistry.fingerprint(envelope), position) else { return }
        orders.observe(envelope.payload, at: position, partial: windows.isPartial(position), duplicates: &duplicates)
    }

    /// One decoded `inventory.events.v1` envelope.
    public mutating func observe(_ envelope: Envelope<InventoryEvent>, at position: RecordPosition? = nil) {
        guard admit(envelope, family: "inventory", fingerprint: EnvelopeRegistry.fingerprint(envelope), position) else { return }
        stock.observe(envelope.payload, at: position, partial: windows.isPartial(position), duplicates: &duplicates)
    }

    /// One decoded `payment.events.v1` envelope.
    public mutating func observe(_ envelope: Envelope<PaymentEvent>, at position: RecordPosition? = nil) {
        guard admit(envelope, family: "payment", fingerprint: EnvelopeRegistry.fingerprint(envelope), position) else { return }
        payments.observe(envelope.payload, at: position, partial: windows.isPartial(position), duplicates: &duplicates)
    }

    /// A record that could not be decoded (for callers that decode themselves).
    public mutating func recordUndecodable(at position: RecordPosition, reason: String) {
        undecodable.add(position.description, reason, at: position)
    }

    /// Records the envelope's time and recognises re-deliveries; false when it must be skipped.
    private mutating func admit<Family>(_ envelope: Envelope<Family>, family: String, fingerprint: UInt64,
                                        _ position: RecordPosition?) -> Bool {
        newestEventAt = max(newestEventAt ?? envelope.occurredAt, envelope.occurredAt)
        windows.sight(position, at: envelope.occurredAt)
        records[family, default: 0] += 1
        switch envelopes.sight(family: family, id: envelope.id, fingerprint: fingerprint) {
        case .first:
            return true
        case .redelivery:
            return false
        case .conflict:
            duplicates.add(envelope.id.rawValue,
                           "envelope id reused with different content (\(envelope.type)): a handler decided the same input twice",
                           at: position)
            return true
        }
    }
}
