/// Writes a JSON document by hand, for the few answers hot enough that `Encodable`'s containers
/// cost more than the data: a search page is 20 items of ten fields, and encoding it through
/// `Encodable` was ~11% of the gateway's CPU under the mixed benchmark (perf).
///
/// The caller writes punctuation and keys (`raw`) in the order it wants; values are escaped and
/// written by the wire encoder's own sink, so strings and integers read exactly as in every other
/// document the platform writes. A reference to one document being written.
public final class JSONWriter {
    private let sink = JSONStreamSink(sortsKeys: false)

    public init() {}

    /// The document so far.
    public var bytes: [UInt8] { sink.bytes }

    /// Literal JSON: punctuation and keys, e.g. `"{\"total\":"`.
    public func raw(_ text: String) {
        sink.append(text)
    }

    public func string(_ value: String) {
        sink.writeString(value)
    }

    public func integer(_ value: Int64) {
        sink.appendInteger(value)
    }

    /// `["a","b"]`.
    public func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    /// `{"a":"1","b":"2"}`, keys sorted so the same map always reads the same.
    public func stringMap(_ map: [String: String]) {
        raw("{")
        for (index, member) in map.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { raw(",") }
            string(member.key)
            raw(":")
            string(member.value)
        }
        raw("}")
    }
}
