import Foundation

/// The wire's one date format: ISO-8601 in UTC with exactly three fractional digits,
/// e.g. `2026-11-22T04:00:00.000Z`.
///
/// Written by hand on integer milliseconds instead of through `ISO8601FormatStyle` so that the
/// output is identical on every platform and Foundation version (golden fixtures compare bytes) and
/// a value survives encode/decode unchanged.
enum WireTimestamp {
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// `date` rounded to the nearest whole millisecond: the precision the wire keeps.
    static func milliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func roundedToMilliseconds(_ date: Date) -> Date {
        self.date(milliseconds: milliseconds(of: date))
    }

    /// The written form, its digits zero: `write` fills them in.
    private static let template = Array("0000-00-00T00:00:00.000Z".utf8)

    /// `nil` for dates outside years 0000...9999, which the format cannot express.
    static func format(_ date: Date) -> String? {
        var bytes: [UInt8] = []
        guard write(date, into: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS.mmmZ` to `bytes` (encoders write it straight into their output:
    /// building the text from padded strings showed in profiles); false, and nothing written, for
    /// dates outside years 0000...9999.
    static func write(_ date: Date, into bytes: inout [UInt8]) -> Bool {
        let milliseconds = milliseconds(of: date)
        let days = floorDivide(milliseconds, millisecondsPerDay)
        var remainder = milliseconds - days * millisecondsPerDay
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        guard (0...9999).contains(year) else { return false }
        let millis = remainder % 1000; remainder /= 1000
        let second = remainder % 60; remainder /= 60
        let minute = remainder % 60
        let hour = remainder / 60
        // All fields as one 17-digit number, its digits written over the template's zeros from
        // the right: no allocation, no string per field.
        var digits = ((((year * 100 + month) * 100 + day) * 100 + hour) * 100 + minute) * 100 + second
        digits = digits * 1000 + millis
        let start = bytes.count
        bytes.append(contentsOf: template)
        for index in stride(from: bytes.count - 1, through: start, by: -1) where bytes[index] == UInt8(ascii: "0") {
            bytes[index] += UInt8(digits % 10)
            digits /= 10
        }
        return true
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (1...9 fraction digits; past milliseconds truncated).
    /// `nil` when the text is not in that form or names an impossible date.
    static func parse(_ text: String) -> Date? {
        parse(utf8: Array(text.utf8))
    }

    /// `parse` of UTF-8 bytes (indexed from 0), for decoders that read straight from a message.
    static func parse<Bytes: RandomAccessCollection<UInt8>>(utf8 bytes: Bytes) -> Date? where Bytes.Index == Int {
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        for (index, expected) in separators where bytes[index] != expected.asciiValue { return nil }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var millis: Int64 = 0
        let fractionEnd = bytes.count - 1
        if fractionEnd > 19 {
            let digits = fractionEnd - 20
            guard bytes[19] == UInt8(ascii: "."), (1...9).contains(digits), number(20..<fractionEnd) != nil,
                  let leading = number(20..<min(23, fractionEnd)) else { return nil }
            millis = leading * [100, 10, 1][min(digits, 3) - 1]
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let total = days * millisecondsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millis
        return date(milliseconds: total)
    }

    // Days <-> civil date in the proleptic Gregorian calendar (Howard Hinnant's algorithms).

    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(adjustedYear, 400)
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }
}
