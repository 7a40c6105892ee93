/// The ids of every posting in a ledger, for "was this posted already?".
///
/// Why not `Set<String>`: there is one id per posting for the life of the partition (two to three
/// per order), and almost all are a command id plus `#0` (`PaymentPostings.id(of:)`): 34-38
/// characters, past Swift's 15-byte inline strings, so each cost a heap allocation on top of its
/// set slot (~90 bytes). Those that are 32 lowercase hex digits or a lowercase UUID, plus `#0`, are
/// kept as their 128 bits (~20 bytes); any other id is kept as it is.
struct PostingIDSet: Sendable, Equatable {
    private var compact: Set<HexID> = []
    private var other: Set<String> = []

    var count: Int { compact.count + other.count }

    func contains(_ id: String) -> Bool {
        if let hex = HexID(postingId: id) { return compact.contains(hex) }
        return other.contains(id)
    }

    /// False when `id` was already in the set.
    @discardableResult
    mutating func insert(_ id: String) -> Bool {
        if let hex = HexID(postingId: id) { return compact.insert(hex).inserted }
        return other.insert(id).inserted
    }
}

/// 128 bits written as 32 lowercase hex digits, with or without a UUID's dashes, followed by `#0`.
/// Parsing accepts exactly those forms (no uppercase, dashes only at 8, 13, 18 and 23), so two
/// different ids never share a value.
struct HexID: Hashable, Sendable {
    let high: UInt64
    let low: UInt64
    let dashed: Bool

    init?(postingId id: String) {
        var utf8 = id.utf8[...]
        guard utf8.count == 34 || utf8.count == 38, utf8.suffix(2).elementsEqual("#0".utf8) else { return nil }
        utf8 = utf8.dropLast(2)
        dashed = utf8.count == 36
        var (high, low, digits): (UInt64, UInt64, Int) = (0, 0, 0)
        for (offset, byte) in utf8.enumerated() {
            if dashed, offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(nibble) } else { low = low << 4 | UInt64(nibble) }
            digits += 1
        }
        guard digits == 32 else { return nil }
        self.high = high
        self.low = low
    }
}
