/// Incremental parser for a request head (request line + header fields + empty line).
///
/// It is fed the bytes of the connection from the start of the current request each time more arrive,
/// and resumes scanning where it stopped, so a head that trickles in byte by byte costs O(n) overall.
/// The scan checks line structure and limits as bytes arrive (so random bytes or an endless request
/// line are rejected early, not after the timeout); once the blank line is seen, `RequestHead.parse`
/// interprets the complete head in one pass.
///
/// Lines must end in CRLF: a bare LF or bare CR is a 400. RFC 9112 §2.2 allows accepting bare LF, but
/// being strict removes a class of request-smuggling disagreements with proxies in front of us.
/// Empty lines before the request line are skipped (RFC 9112 §2.2 SHOULD).
struct RequestHeadParser {
    struct Limits {
        var maxHeaderBytes: Int
        var maxHeaderCount: Int
        var maxRequestLineBytes: Int
        var maxBodyBytes: Int
    }

    enum Result {
        case needMore
        /// A complete head; `length` bytes (including skipped leading empty lines) belong to it.
        case head(RequestHead, length: Int)
        case failure(ProtocolError)
    }

    let limits: Limits
    /// Bytes examined so far, relative to the start of the request.
    private var scanned = 0
    /// Start of the line being scanned.
    private var lineStart = 0
    /// Start of the request line (after skipped empty lines); nil until its first byte is seen.
    private var headStart: Int?
    /// Complete lines seen, the request line included.
    private var lineCount = 0

    init(limits: Limits) {
        self.limits = limits
    }

    mutating func reset() {
        scanned = 0
        lineStart = 0
        headStart = nil
        lineCount = 0
    }

    /// True once any byte of a request has been seen (leading empty lines do not count).
    var hasPartialRequest: Bool { headStart != nil || scanned > 0 }

    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var index = scanned
        defer { scanned = index }
        while index < bytes.count {
            let byte = bytes[index]
            let previousIsCR = index > 0 && bytes[index - 1] == ASCII.cr
            if byte == ASCII.lf {
                guard previousIsCR else { return .failure(.lineEnding) }
                index += 1
                if let result = endOfLine(at: index, in: bytes) { return result }
                continue
            }
            if previousIsCR { return .failure(.lineEnding) }
            if headStart == nil, byte != ASCII.cr {
                headStart = index
            }
            if lineCount == 0, headStart != nil {
                // Request line: printable ASCII and single spaces only; catches binary garbage at once.
                if byte != ASCII.cr && (byte <= ASCII.space && byte != ASCII.space || byte >= 0x7F) {
                    return .failure(.requestLineCharacters)
                }
                if index - lineStart >= limits.maxRequestLineBytes {
                    return .failure(.requestLineTooLong(limits.maxRequestLineBytes))
                }
            }
            index += 1
            // Leading empty lines count too, or endless CRLFs would grow the buffer without bound.
            if index - (headStart ?? 0) > limits.maxHeaderBytes {
                return .failure(.headerTooLarge(limits.maxHeaderBytes))
            }
        }
        return .needMore
    }

    /// Handles the line that ended just before `next`. Returns nil to keep scanning.
    private mutating func endOfLine(at next: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Result? {
        let lineLength = next - 2 - lineStart
        defer { lineStart = next }
        guard let start = headStart else {
            // An empty line before the request line: skipped, but counted against the head limit.
            return next > limits.maxHeaderBytes ? .failure(.headerTooLarge(limits.maxHeaderBytes)) : nil
        }
        if next - start > limits.maxHeaderBytes {
            return .failure(.headerTooLarge(limits.maxHeaderBytes))
        }
        guard lineLength == 0 else {
            lineCount += 1
            if lineCount - 1 > limits.maxHeaderCount {
                return .failure(.tooManyHeaders(limits.maxHeaderCount))
            }
            return nil
        }
        let head = UnsafeBufferPointer(rebasing: bytes[start..<next])
        switch RequestHead.parse(head, lineCount: lineCount, limits: limits) {
        case .success(let parsed): return .head(parsed, length: next)
        case .failure(let error): return .failure(error)
        }
    }
}
