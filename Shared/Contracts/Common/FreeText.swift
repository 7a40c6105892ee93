/// Text people type (reasons, notes, titles, PO numbers). Line breaks and tabs are part of text;
/// other control characters (NUL, ESC, bell, ...) are not: echoed into histories, notifications,
/// CSV exports and emails they corrupt what terminals and other programs show.
public enum FreeText {
    /// The first control character other than a line break or tab, as "U+001B", or nil.
    public static func controlCharacter(in text: String) -> String? {
        text.unicodeScalars.first { scalar in
            scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\r" && scalar != "\t"
        }.map { "U+" + String(repeating: "0", count: max(0, 4 - String($0.value, radix: 16).count))
            + String($0.value, radix: 16, uppercase: true) }
    }
}
