/// One broken invariant: what it concerns (an order, a SKU/warehouse, a posting id...), why it is
/// wrong in a sentence, and where the record that showed it was read (when known).
public struct Violation: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The id the violation is about, e.g. `"O-123"`, `"SKU-1@WH-1"`, `"<command>#0"`.
    public let subject: String
    public let reason: String
    public let position: RecordPosition?

    public init(subject: String, reason: String, position: RecordPosition? = nil) {
        self.subject = subject
        self.reason = reason
        self.position = position
    }

    public var description: String {
        guard let position, position.description != subject else { return "\(subject): \(reason)" }
        return "\(subject): \(reason) (\(position))"
    }

    private enum CodingKeys: String, CodingKey {
        case subject = "subject", reason = "reason", position = "position"
    }
}

/// Counts every violation of one check and keeps the first `limit` as examples, so a report on
/// millions of events stays readable and small.
struct ViolationLog: Sendable {
    let limit: Int
    private(set) var count = 0
    private(set) var examples: [Violation] = []

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ subject: String, _ reason: String, at position: RecordPosition? = nil) {
        count += 1
        if examples.count < limit { examples.append(Violation(subject: subject, reason: reason, position: position)) }
    }
}

extension ViolationLog {
    /// Both logs' counts, and their examples up to the limit (this log's first).
    func merged(with other: ViolationLog) -> ViolationLog {
        var result = ViolationLog(limit: limit)
        for example in examples + other.examples { result.add(example.subject, example.reason, at: example.position) }
        result.count = count + other.count
        return result
    }
}
