import Foundation

/// One email as RFC 5322 text, built purely from a rendered notification: the SMTP client only
/// sends `MAIL FROM:<envelopeFrom>`, `RCPT TO:<to>`, `DATA`, then `smtpData` as it is.
///
/// Header values are ASCII: a subject or display name with other characters (or any control
/// character) becomes RFC 2047 encoded-words (`=?UTF-8?B?...?=`). The body is UTF-8 in base64
/// (76-character lines), so it needs neither 8BITMIME nor line-length care; addresses are checked
/// by `EmailMessage.isValidAddress`, so no header can be injected.
public struct EmailMessage: Sendable, Equatable {
    public let fromName: String
    public let fromAddress: String
    public let to: String
    public let subject: String
    public let body: String
    public let date: Date
    /// Without angle brackets, e.g. "3f2a...@notification.tradeflow.example".
    public let messageID: String

    public init(fromName: String, fromAddress: String, to: String, subject: String, body: String, date: Date,
                messageID: String) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The SMTP envelope sender (MAIL FROM).
    public var envelopeFrom: String { fromAddress }

    /// Header and body lines, without line endings.
    public var lines: [String] {
        var lines = [
            "From: \(Self.encodedPhrase(fromName)) <\(fromAddress)>",
            "To: <\(to)>",
            "Subject: \(Self.encodedHeaderText(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        let encoded = Data(body.utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    /// The whole message with CRLF line endings.
    public var text: String { lines.map { $0 + "\r\n" }.joined() }

    /// What follows the SMTP `DATA` command: the dot-stuffed lines, CRLF-terminated, then ".\r\n".
    public var smtpData: String { Self.dotStuffed(lines).map { $0 + "\r\n" }.joined() + ".\r\n" }

    /// RFC 5321 §4.5.2: a line starting with "." gets another, so it cannot end the DATA early.
    public static func dotStuffed(_ lines: [String]) -> [String] {
        lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }
    }

    /// A plain address: one "@", a non-empty local part and a dotted domain, at most 254 characters,
    /// printable ASCII without spaces, quotes, angle brackets, commas or semicolons.
    public static func isValidAddress(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard (3...254).contains(bytes.count) else { return false }
        let forbidden = Set(" \"<>(),;:\\[]".utf8)
        guard bytes.allSatisfy({ (0x21...0x7e).contains($0) && !forbidden.contains($0) }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Printable ASCII stays as it is; anything else becomes encoded-words of at most 75
    /// characters each (whole UTF-8 characters per word), separated by folding white space.
    public static func encodedHeaderText(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { (0x20...0x7e).contains($0.value) }
            && !text.contains("=?")
        if plain { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters = 45 bytes (a multiple of 3).
        for character in text where !character.isNewline {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// A display name: plain when it is letters, digits and spaces only, else encoded-words.
    static func encodedPhrase(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == " "
        }
        return plain ? text : encodedHeaderText(text)
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// "Sun, 22 Nov 2026 04:00:00 +0000" (always UTC).
    public static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { let text = String(value ?? 0); return text.count < 2 ? "0" + text : text }
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
