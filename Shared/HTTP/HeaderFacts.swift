/// What the server itself needs from the header fields (framing, persistence, Expect), gathered
/// while the fields are copied into `HTTPHeaders`, so each field is looked at once.
struct HeaderFacts {
    var contentLength: Int?
    var contentLengthInvalid = false
    var contentLengthTooLarge = false
    var hasTransferEncoding = false
    var hostCount = 0
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false

    /// Validates one `name: value` line, records the facts it carries and appends it to `headers`.
    mutating func add(_ line: UnsafeBufferPointer<UInt8>, to headers: inout HTTPHeaders,
                      maxBodyBytes: Int) -> ProtocolError? {
        guard let first = line.first else { return .headerSyntax }
        if first == ASCII.space || first == ASCII.tab { return .obsoleteFolding }
        guard let colon = line.firstIndex(of: ASCII.colon), colon > 0 else { return .headerSyntax }
        let name = UnsafeBufferPointer(rebasing: line[..<colon])
        // A space before the colon fails here too (RFC 9112 §5.1 requires rejecting it).
        guard name.allSatisfy(ASCII.isToken) else { return .headerSyntax }
        var valueStart = colon + 1, valueEnd = line.count
        while valueStart < valueEnd, line[valueStart] == ASCII.space || line[valueStart] == ASCII.tab { valueStart += 1 }
        while valueEnd > valueStart, line[valueEnd - 1] == ASCII.space || line[valueEnd - 1] == ASCII.tab { valueEnd -= 1 }
        let value = UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
        guard value.allSatisfy(ASCII.isFieldValueByte) else { return .headerSyntax }
        record(name: name, value: value, maxBodyBytes: maxBodyBytes)
        headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
        return nil
    }

    /// The framing verdict once all fields are in. Order matters: TE with CL is a smuggling attempt
    /// (400) before TE alone is merely unsupported (501), and an unusable CL is 400 before a large one is 413.
    func framingError(maxBodyBytes: Int) -> ProtocolError? {
        if hasTransferEncoding && (contentLength != nil || contentLengthInvalid || contentLengthTooLarge) {
            return .conflictingFraming
        }
        if contentLengthInvalid { return .contentLength }
        if hasTransferEncoding { return .transferEncoding }
        if contentLengthTooLarge { return .bodyTooLarge(maxBodyBytes) }
        return nil
    }

    private mutating func record(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, maxBodyBytes: Int) {
        switch name.count {
        case 4 where ASCII.equalsLowercase(name, "host"):
            hostCount += 1
        case 6 where ASCII.equalsLowercase(name, "expect"):
            expectsContinue = ASCII.equalsLowercase(value, "100-continue")
        case 10 where ASCII.equalsLowercase(name, "connection"):
            forEachListElement(value) { token in
                if ASCII.equalsLowercase(token, "close") { connectionClose = true }
                if ASCII.equalsLowercase(token, "keep-alive") { connectionKeepAlive = true }
            }
        case 14 where ASCII.equalsLowercase(name, "content-length"):
            forEachListElement(value) { recordContentLength($0, maxBodyBytes: maxBodyBytes) }
            if value.isEmpty { contentLengthInvalid = true }
        case 17 where ASCII.equalsLowercase(name, "transfer-encoding"):
            hasTransferEncoding = true
        default:
            break
        }
    }

    /// Repeated Content-Length values (as fields or as a list) are fine only if they agree (RFC 9112 §6.3).
    private mutating func recordContentLength(_ digits: UnsafeBufferPointer<UInt8>, maxBodyBytes: Int) {
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            contentLengthInvalid = true
            return
        }
        var length = 0
        for digit in digits {
            length = length * 10 + Int(digit - 0x30)
            if length > maxBodyBytes {
                contentLengthTooLarge = true
                return
            }
        }
        if let previous = contentLength, previous != length {
            contentLengthInvalid = true
        }
        contentLength = length
    }

    /// Calls `body` for each comma-separated, whitespace-trimmed, non-empty element.
    private func forEachListElement(_ value: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != ASCII.comma { end += 1 }
            var low = start, high = end
            while low < high, value[low] == ASCII.space || value[low] == ASCII.tab { low += 1 }
            while high > low, value[high - 1] == ASCII.space || value[high - 1] == ASCII.tab { high -= 1 }
            if low < high { body(UnsafeBufferPointer(rebasing: value[low..<high])) }
            start = end + 1
        }
    }
}
