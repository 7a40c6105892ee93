/// Sets are written as arrays sorted by raw value: `Set`'s own order changes from run to run, and
/// the same company must always encode to the same bytes (golden fixtures, deterministic replays).
extension KeyedEncodingContainer {
    mutating func encodeSorted<Element>(_ set: Set<Element>, forKey key: Key) throws
        where Element: RawRepresentable & Encodable & Hashable, Element.RawValue == String {
        try encode(set.sorted { $0.rawValue < $1.rawValue }, forKey: key)
    }
}
