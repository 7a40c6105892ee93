/// One hostile HTTP request, as raw bytes, with what the gateway must answer.
public struct FuzzCase: Sendable {
    public enum Expectation: Sendable, Equatable {
        /// A 4xx: the request is wrong and must be refused (every body that could change state).
        case rejected
        /// Any answer below 500: odd but legal input (a search for unusual text) may succeed.
        case answered
    }

    /// The family of the case ("deep-nesting", "quantity", ...), for the report.
    public let kind: String
    public let bytes: [UInt8]
    public let expectation: Expectation
    /// 5xx statuses documented for this input (501 for Transfer-Encoding); none otherwise.
    public let documentedServerErrors: Set<Int>

    public init(kind: String, bytes: [UInt8], expectation: Expectation, documentedServerErrors: Set<Int> = []) {
        self.kind = kind
        self.bytes = bytes
        self.expectation = expectation
        self.documentedServerErrors = documentedServerErrors
    }

    /// Whether `status` (nil: the connection closed without an answer) is acceptable. A 503 with
    /// `Retry-After` is documented load shedding and always acceptable.
    public func accepts(status: Int?, hasRetryAfter: Bool) -> Bool {
        guard let status else { return false }
        if status == 503 && hasRetryAfter { return true }
        if documentedServerErrors.contains(status) { return true }
        switch expectation {
        case .rejected: return (400..<500).contains(status)
        case .answered: return (100..<500).contains(status)
        }
    }
}
