import Contracts

/// A value a `PackedTable` can hold: it says when it is quiet (kept packed) and what small summary
/// stays readable beside its packed bytes.
public protocol TableValue: Packable {
    associatedtype Summary: Codable & Sendable & Equatable
    /// True when the value is rarely read or changed from now on, so it is worth packing.
    var isQuiet: Bool { get }
    /// What readers need of every value without unpacking any (a status, an amount).
    var tableSummary: Summary { get }
}

/// Values by key, like a dictionary, holding each quiet value `Packed` with its summary beside it.
///
/// For state with one record per order (orders, payment authorizations): nearly all of them are
/// quiet for nearly all their life, and packed they take a fifth to a tenth of the memory. Reading
/// a packed value unpacks it; writing one packs it again when it is still quiet. A pure value
/// (`Equatable` by content, however each side keeps it; `Codable` with packed values left packed).
public struct PackedTable<Key: Hashable & Codable & Sendable, Value: TableValue>: Sendable {
    private enum Entry: Sendable {
        indirect case active(Value)
        case quiet(Value.Summary, Packed<Value>)

        var summary: Value.Summary {
            switch self {
            case let .active(value): value.tableSummary
            case let .quiet(summary, _): summary
            }
        }

        var isPacked: Bool {
            if case .quiet = self { true } else { false }
        }
    }

    private var entries: [Key: Entry] = [:]
    /// How many values are held packed (a gauge for operators).
    public private(set) var packedCount = 0

    public init() {}

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    public func contains(_ key: Key) -> Bool { entries[key] != nil }

    /// The key as the table stores it, equal to `key`: an index holding many copies of keys (an
    /// order id on several desks) shares the table's storage instead of keeping its own.
    public func storedKey(equalTo key: Key) -> Key? {
        entries.index(forKey: key).map { entries[$0].key }
    }

    /// The summary of every value, without unpacking any.
    public var summaries: some Sequence<(key: Key, summary: Value.Summary)> {
        entries.lazy.map { (key: $0.key, summary: $0.value.summary) }
    }

    public func summary(of key: Key) -> Value.Summary? { entries[key]?.summary }

    /// The value (unpacked when packed); setting it packs it when quiet, setting nil removes it.
    public subscript(key: Key) -> Value? {
        get {
            switch entries[key] {
            case let .active(value)?: value
            case let .quiet(_, packed)?: packed.unpackedOrStop()
            case nil: nil
            }
        }
        set {
            if let newValue {
                store(Self.entry(for: newValue), for: key)
            } else if entries.removeValue(forKey: key)?.isPacked == true {
                packedCount -= 1
            }
        }
    }

    /// Lets `body` change the value held for `key` and returns what it returns (true: changed); nil
    /// when there is none. An unchanged packed value keeps its bytes (no packing again).
    public mutating func modify(_ key: Key, _ body: (inout Value) -> Bool) -> Bool? {
        guard let entry = entries[key] else { return nil }
        var value: Value
        switch entry {
        case let .active(held):
            value = held
            // Dropping the entry leaves `value` the only reference to its storage: no copy on write.
            entries[key] = nil
        case let .quiet(_, packed):
            value = packed.unpackedOrStop()
        }
        let changed = body(&value)
        store(changed ? Self.entry(for: value) : entry, for: key)
        return changed
    }

    private mutating func store(_ entry: Entry, for key: Key) {
        if entries.updateValue(entry, forKey: key)?.isPacked == true { packedCount -= 1 }
        if entry.isPacked { packedCount += 1 }
    }

    private static func entry(for value: Value) -> Entry {
        // A value that cannot be encoded (only a date outside 0000-9999 or one over the 1 MiB wire
        // limit could be) stays as it is: memory is the only cost.
        guard value.isQuiet, let packed = try? Packed(value) else { return .active(value) }
        return .quiet(value.tableSummary, packed)
    }
}

/// Equal when they hold the same values, however each side keeps them.
extension PackedTable: Equatable where Value: Equatable {
    public static func == (lhs: PackedTable, rhs: PackedTable) -> Bool {
        lhs.entries.count == rhs.entries.count && lhs.entries.keys.allSatisfy { lhs[$0] == rhs[$0] }
    }
}

/// `{"active": [{"key", "value"}], "packed": [{"key", "summary", "packed"}]}`: packed values stay
/// packed (base64), so a checkpoint neither unpacks nor grows them.
extension PackedTable: Codable {
    private enum CodingKeys: String, CodingKey { case active, packed }

    private struct ActiveEntry: Codable {
        let key: Key
        let value: Value
    }

    private struct PackedEntry: Codable {
        let key: Key
        let summary: Value.Summary
        let packed: Packed<Value>
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for entry in try container.decode([ActiveEntry].self, forKey: .active) {
            store(.active(entry.value), for: entry.key)
        }
        for entry in try container.decode([PackedEntry].self, forKey: .packed) {
            store(.quiet(entry.summary, entry.packed), for: entry.key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var active: [ActiveEntry] = []
        var packed: [PackedEntry] = []
        for (key, entry) in entries {
            switch entry {
            case let .active(value): active.append(ActiveEntry(key: key, value: value))
            case let .quiet(summary, bytes): packed.append(PackedEntry(key: key, summary: summary, packed: bytes))
            }
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(active, forKey: .active)
        try container.encode(packed, forKey: .packed)
    }
}
