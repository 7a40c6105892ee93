import Contracts
import Foundation

/// The outcome of `tradeflow verify`: one `Check` per invariant, plus what was read.
public struct AuditReport: Codable, Sendable, Hashable {
    /// The stable names of the checks, in report order.
    public enum CheckName {
        public static let ordersSettled = "orders-settled"
        public static let stockNotOversold = "stock-not-oversold"
        public static let noDuplicates = "no-duplicates"
        public static let ledgerBalanced = "ledger-balanced"
        public static let confirmedOrdersPaid = "confirmed-orders-paid"
        public static let endedOrdersReleased = "ended-orders-released"
        public static let eventsDecoded = "events-decoded"
    }

    public let passed: Bool
    /// The newest envelope time read: the audit's "now".
    public let newestEventAt: Date?
    /// The grace period, in seconds, given to work still in flight.
    public let settleAfterSeconds: Double
    /// Records read per family ("order", "inventory", "payment"), re-deliveries included.
    public let records: [String: Int]
    /// Envelopes read again with the same id and content: no-ops for every consumer, not violations.
    public let redeliveries: [String: Int]
    /// Records of topics the audit does not read.
    public let ignoredRecords: Int
    public let checks: [Check]
    /// Partitions per audited topic.
    public let partitions: [String: Int]
    /// Partial partitions, each with the first offset its retained history starts at: history
    /// before it was deleted by retention and is not checked.
    public let retainedFrom: [RecordPosition]

    public init(newestEventAt: Date?, settleAfterSeconds: Double, records: [String: Int], redeliveries: [String: Int],
                ignoredRecords: Int, checks: [Check], partitions: [String: Int] = [:], retainedFrom: [RecordPosition] = []) {
        self.passed = checks.allSatisfy(\.passed)
        self.newestEventAt = newestEventAt
        self.settleAfterSeconds = settleAfterSeconds
        self.records = records
        self.redeliveries = redeliveries
        self.ignoredRecords = ignoredRecords
        self.checks = checks
        self.partitions = partitions
        self.retainedFrom = retainedFrom
    }

    public func check(named name: String) -> Check? { checks.first { $0.name == name } }

    /// The report as JSON in the wire style (keys sorted, dates `2026-11-22T04:00:00.000Z`).
    public func json(pretty: Bool = false) throws -> [UInt8] {
        let encoder = WireFormat.makeEncoder()
        if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        return Array(try encoder.encode(self))
    }

    private enum CodingKeys: String, CodingKey {
        case passed = "passed", newestEventAt = "newestEventAt", settleAfterSeconds = "settleAfterSeconds"
        case records = "records", redeliveries = "redeliveries", ignoredRecords = "ignoredRecords", checks = "checks"
        case partitions = "partitions", retainedFrom = "retainedFrom"
    }
}
