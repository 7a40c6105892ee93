import Contracts
import Packing

/// The orders of one partition. Orders in flight (pending approval, reserving stock, awaiting
/// payment) are kept as values; quiet ones (confirmed and waiting for shipment, completed and
/// inside the return window, ended) are kept `Packed`, at about a seventh of the memory.
///
/// Why: quiet orders are nearly all of them (an order is in flight for well under a second and
/// quiet for the 30 days of its return window), and every one was a few KB of strings and arrays.
/// An event for a quiet order (a shipment, a delivery, a return) unpacks it, applies and packs it
/// again; that happens a few times in an order's life, against the hundreds of events in flight.
/// Status is kept beside the packed bytes, so listing by status unpacks only the page it returns.
struct OrderTable: Sendable {
    private enum Entry: Sendable {
        indirect case inFlight(OrderRecord)
        case quiet(OrderStatus, Packed<OrderRecord>)
    }

    private var entries: [OrderID: Entry] = [:]
    /// How many entries are packed, kept up to date by the mutators (a gauge for operators).
    private(set) var packedCount = 0

    init() {}

    var count: Int { entries.count }

    func contains(_ order: OrderID) -> Bool { entries[order] != nil }

    func status(of order: OrderID) -> OrderStatus? {
        switch entries[order] {
        case let .inFlight(record)?: record.status
        case let .quiet(status, _)?: status
        case nil: nil
        }
    }

    subscript(order: OrderID) -> OrderRecord? {
        switch entries[order] {
        case let .inFlight(record)?: record
        case let .quiet(_, packed)?: Self.unpack(packed)
        case nil: nil
        }
    }

    /// Adds a new order; an order already held is left as it is.
    mutating func insert(_ record: OrderRecord) {
        guard entries[record.order] == nil else { return }
        store(Self.entry(for: record), for: record.order)
    }

    /// Lets `body` change an order held and returns what it returns (true: the order changed); nil
    /// when there is no such order. An unchanged quiet order keeps its packed bytes.
    mutating func modify(_ order: OrderID, _ body: (inout OrderRecord) -> Bool) -> Bool? {
        guard let entry = entries[order] else { return nil }
        var record: OrderRecord
        switch entry {
        case let .inFlight(held):
            record = held
            // Dropping the entry leaves `record` the only reference to its storage: no copy on write.
            entries[order] = nil
        case let .quiet(_, packed):
            record = Self.unpack(packed)
        }
        let changed = body(&record)
        store(changed ? Self.entry(for: record) : entry, for: order)
        return changed
    }

    private mutating func store(_ entry: Entry, for order: OrderID) {
        if case .quiet? = entries.updateValue(entry, forKey: order) { packedCount -= 1 }
        if case .quiet = entry { packedCount += 1 }
    }

    private static func entry(for record: OrderRecord) -> Entry {
        // A record that cannot be encoded (never seen; only a date outside 0000-9999 could do it)
        // stays a value: memory is the only cost.
        guard record.isQuiet, let packed = try? Packed(record) else { return .inFlight(record) }
        return .quiet(record.status, packed)
    }

    private static func unpack(_ packed: Packed<OrderRecord>) -> OrderRecord {
        do {
            return try packed.unpacked()
        } catch {
            // The bytes were packed by this process or read from its own checkpoint, whose JSON parsed:
            // failing here is a bug or a damaged file, and must not be papered over with a missing order.
            preconditionFailure("a packed order does not unpack (\(error)); if a checkpoint was damaged, delete the service's state directory and it is rebuilt from the topic")
        }
    }
}

extension OrderRecord {
    /// Quiet: nothing is in flight, so no event is expected soon (see `OrderTable`).
    var isQuiet: Bool {
        switch status {
        case .confirmed, .completed, .rejected, .cancelled, .expired: true
        case .pendingApproval, .reservingStock, .awaitingPayment: false
        }
    }
}

/// Two tables are equal when they hold the same orders, however each is kept.
extension OrderTable: Equatable {
    static func == (lhs: OrderTable, rhs: OrderTable) -> Bool {
        lhs.entries.count == rhs.entries.count && lhs.entries.keys.allSatisfy { lhs[$0] == rhs[$0] }
    }
}

/// Checkpoints keep quiet orders packed (base64 in the JSON), so writing and reading one does not
/// expand them: `{"inFlight": {id: record}, "quiet": {id: {"status", "packed"}}}`.
extension OrderTable: Codable {
    private enum CodingKeys: String, CodingKey { case inFlight, quiet }

    private struct QuietEntry: Codable {
        let status: OrderStatus
        let packed: Packed<OrderRecord>
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for (order, record) in try container.decode([OrderID: OrderRecord].self, forKey: .inFlight) {
            store(.inFlight(record), for: order)
        }
        for (order, quiet) in try container.decode([OrderID: QuietEntry].self, forKey: .quiet) {
            store(.quiet(quiet.status, quiet.packed), for: order)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var inFlight: [OrderID: OrderRecord] = [:]
        var quiet: [OrderID: QuietEntry] = [:]
        for (order, entry) in entries {
            switch entry {
            case let .inFlight(record): inFlight[order] = record
            case let .quiet(status, packed): quiet[order] = QuietEntry(status: status, packed: packed)
            }
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inFlight, forKey: .inFlight)
        try container.encode(quiet, forKey: .quiet)
    }
}
