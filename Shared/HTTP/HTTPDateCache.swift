import Glibc

/// The `Date:` header line (RFC 9110 §5.6.7 IMF-fixdate), rebuilt at most once a second. Formatting by
/// hand from `gmtime_r` keeps `DateFormatter` (slow, and locale-dependent) out of the response path.
struct HTTPDateCache {
    private(set) var headerLine: [UInt8] = []
    private var second: time_t = -1

    init() {
        refresh()
    }

    /// Called once per event-loop iteration; cheap when the second has not changed.
    mutating func refresh() {
        let now = time(nil)
        guard now != second else { return }
        second = now
        headerLine = Self.format(now)
    }

    static func format(_ seconds: time_t) -> [UInt8] {
        var clock = seconds
        var parts = tm()
        gmtime_r(&clock, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var line: [UInt8] = Array("Date: ".utf8)
        line.reserveCapacity(37)
        line.append(contentsOf: days[Int(parts.tm_wday)].utf8)
        line.append(contentsOf: ", ".utf8)
        appendTwoDigits(Int(parts.tm_mday), to: &line)
        line.append(ASCII.space)
        line.append(contentsOf: months[Int(parts.tm_mon)].utf8)
        line.append(ASCII.space)
        ASCII.appendDecimal(Int(parts.tm_year) + 1900, to: &line)
        line.append(ASCII.space)
        appendTwoDigits(Int(parts.tm_hour), to: &line)
        line.append(ASCII.colon)
        appendTwoDigits(Int(parts.tm_min), to: &line)
        line.append(ASCII.colon)
        appendTwoDigits(Int(parts.tm_sec), to: &line)
        line.append(contentsOf: " GMT\r\n".utf8)
        return line
    }

    private static func appendTwoDigits(_ value: Int, to line: inout [UInt8]) {
        line.append(0x30 + UInt8(value / 10))
        line.append(0x30 + UInt8(value % 10))
    }
}
