/// Writing CSV (RFC 4180) for the platform's exports and imports: catalog export (read back by
/// the catalog's CSV reader), analytics sections, the order desk.
public enum CSVWriter {
    /// The cell as it must appear in the file: quoted when it holds a comma, quote or line break,
    /// or starts or ends with a blank (which a spreadsheet or an unquoted reader would lose);
    /// quotes doubled.
    ///
    /// Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return: a buyer's name `=HYPERLINK(...)` on a supplier's shipping list) is written
    /// with a leading `'`, which spreadsheets show as text; numbers such as `-12.50` and phone
    /// numbers such as `+86 21 5555 0101` (no letters, no operators but the sign) stay as they are.
    /// `CSVReader` users that read our own exports back drop that `'` again (`withoutFormulaGuard`);
    /// text that itself starts with `'` gets one more, so that it reads back whole (`'=odd` stays
    /// `'=odd` through an export and an import).
    public static func cell(_ text: String) -> String {
        let value = formulaGuarded(text)
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.first == "\t" || value.last == " " || value.last == "\t"
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func formulaGuarded(_ value: String) -> String {
        guard let first = value.first else { return value }
        if first == "'" { return "'" + value }
        guard formulaStarts.contains(first), !isNumber(value), !isPhoneNumber(value) else { return value }
        return "'" + value
    }

    /// A cell written by `cell` read back: the `'` it put before formula-like text, or before text
    /// starting with `'`, taken off.
    public static func withoutFormulaGuard(_ value: String) -> String {
        guard value.first == "'", let second = value.dropFirst().first, second == "'" || formulaStarts.contains(second) else {
            return value
        }
        return String(value.dropFirst())
    }

    /// A plain decimal number, optionally signed (`-12.50`, `+3`).
    private static func isNumber(_ value: String) -> Bool {
        let digits = value.utf8.dropFirst(value.first == "-" || value.first == "+" ? 1 : 0)
        guard let point = digits.firstIndex(of: UInt8(ascii: ".")) else { return !digits.isEmpty && digits.allSatisfy(isDigit) }
        let whole = digits[..<point], fraction = digits[digits.index(after: point)...]
        return !whole.isEmpty && !fraction.isEmpty && whole.allSatisfy(isDigit) && fraction.allSatisfy(isDigit)
    }

    /// `+` then digits, blanks, dashes, dots and parentheses only.
    private static func isPhoneNumber(_ value: String) -> Bool {
        value.first == "+" && value.dropFirst().contains(where: \.isNumber)
            && value.utf8.dropFirst().allSatisfy { isDigit($0) || " -.()".utf8.contains($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// A whole file: the header and rows, each line ended by CRLF.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(row).joined(separator: "\r\n") + "\r\n"
    }
}
