/// Builds a JSON response body by hand, for the few responses hot enough that `Encodable`'s
/// containers cost more than the data: a search page is 20 items of ten fields, and encoding it
/// through `Encodable` was ~11% of the gateway's CPU under the mixed benchmark (perf).
///
/// The caller writes the punctuation and keys (`raw`) in the order it wants; values go through
/// `string`, `integer` and `strings`, escaped as RFC 8259 asks (non-ASCII stays UTF-8).
public struct JSONBodyWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1_024) {
        bytes.reserveCapacity(capacity)
    }

    /// Literal JSON: punctuation and keys, e.g. `"{\"total\":"`.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ value: String) {
        JSONString.append(value, to: &bytes)
    }

    public mutating func integer(_ value: Int64) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `["a","b"]`.
    public mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// `{"a":"1","b":"2"}`, keys sorted so the same map always reads the same.
    public mutating func stringMap(_ map: [String: String]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in map.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            string(map[key] ?? "")
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
