import CZlib

/// Raw deflate (RFC 1951, no zlib header or checksum: the bytes never leave the process except in
/// a local checkpoint, which has its own integrity story) through the system zlib.
public enum Deflate {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// zlib returned `code` (see zlib.h); only a corrupt or truncated input or a zlib bug gets here.
        case zlib(operation: String, code: Int32)
        /// The inflated size did not match the size recorded when compressing.
        case sizeMismatch(expected: Int, actual: Int)

        public var description: String {
            switch self {
            case let .zlib(operation, code): "zlib \(operation) failed with code \(code)"
            case let .sizeMismatch(expected, actual): "inflated \(actual) bytes, expected \(expected)"
            }
        }
    }

    /// zlib's default level: with a preset dictionary it packs an order's JSON ~20% smaller than
    /// level 1 (measured: 585 vs 723 bytes for ~3.6 KB), and a value is packed a few times in its life.
    public static let level: Int32 = 6

    /// `input`, compressed. A `dictionary` (text like the input's: key names, common words) makes
    /// small inputs much smaller; the same dictionary must be given to `decompress`.
    public static func compress(_ input: [UInt8], dictionary: [UInt8] = []) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initialized = deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                 ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initialized == Z_OK else { throw .zlib(operation: "deflateInit2", code: initialized) }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            let set = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
            guard set == Z_OK else { throw .zlib(operation: "deflateSetDictionary", code: set) }
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let (code, written) = pump(&stream, from: input, into: &output) { deflate(&$0, Z_FINISH) }
        guard code == Z_STREAM_END else { throw .zlib(operation: "deflate", code: code) }
        // A copy of exactly `written` bytes: `deflateBound` allows for incompressible input, and a
        // packed value lives for days, so trimming in place (which keeps the capacity) would not do.
        return Array(output[..<written])
    }

    /// The Adler-32 checksum of `bytes` (how a packed value names the dictionary it was packed with).
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { adler32(adler32(0, nil, 0), $0.baseAddress, uInt($0.count)) })
    }

    /// The `originalSize` bytes that `compress` turned into `input`.
    public static func decompress(_ input: [UInt8], originalSize: Int, dictionary: [UInt8] = []) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initialized = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initialized == Z_OK else { throw .zlib(operation: "inflateInit2", code: initialized) }
        defer { inflateEnd(&stream) }
        // A raw stream does not ask for its dictionary: it is set up front.
        if !dictionary.isEmpty {
            let set = dictionary.withUnsafeBufferPointer { inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
            guard set == Z_OK else { throw .zlib(operation: "inflateSetDictionary", code: set) }
        }
        // One spare byte: inflating into exactly `originalSize` cannot tell "done" from "input longer than recorded".
        var output = [UInt8](repeating: 0, count: originalSize + 1)
        let (code, written) = pump(&stream, from: input, into: &output) { inflate(&$0, Z_FINISH) }
        guard code == Z_STREAM_END else { throw .zlib(operation: "inflate", code: code) }
        guard written == originalSize else { throw .sizeMismatch(expected: originalSize, actual: written) }
        output.removeLast()
        return output
    }

    /// Points `stream` at `input` and `output`, runs `step` once (Z_FINISH: the whole input in one
    /// call) and returns its code and the bytes written.
    private static func pump(_ stream: inout z_stream, from input: [UInt8], into output: inout [UInt8],
                             step: (inout z_stream) -> Int32) -> (code: Int32, written: Int) {
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                let code = step(&stream)
                return (code, target.count - Int(stream.avail_out))
            }
        }
    }
}
