import Foundation

/// Lowercased UTF-8 text for fast substring tests. Matching bytes is exact for Chinese and any
/// other script: a valid UTF-8 needle can only match at character boundaries.
struct ByteText: Sendable, Equatable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.lowercased().utf8)
    }

    func contains(_ needle: ByteText) -> Bool {
        Self.find(needle.bytes, in: bytes, prefixOnly: false)
    }

    func hasPrefix(_ needle: ByteText) -> Bool {
        Self.find(needle.bytes, in: bytes, prefixOnly: true)
    }

    /// Finds candidates for the needle's first byte with `memchr` (vectorised in the C library), then
    /// compares the rest.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], prefixOnly: Bool) -> Bool {
        let count = needle.count
        if count == 0 { return true }
        if count > haystack.count { return false }
        if prefixOnly { return haystack.starts(with: needle) }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return false }
                let first = Int32(pin[0])
                let lastStart = hay.count - count
                var start = 0
                while start <= lastStart {
                    guard let found = memchr(base + start, first, lastStart - start + 1) else { return false }
                    let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position + 1, pinBase + 1, count - 1) == 0 { return true }
                    start = position + 1
                }
                return false
            }
        }
    }
}
