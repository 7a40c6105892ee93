/// Writing CSV (RFC 4180) for the platform's exports and imports: catalog export (read back by
/// the catalog's CSV reader), analytics sections, the order desk.
public enum CSVWriter {
    /// The cell as it must appear in the file: quoted when it holds a comma, quote or line break,
    /// or starts or ends with a blank (which a spreadsheet or an unquoted reader would lose);
    /// quotes doubled.
    public static func cell(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.first == "\t" || value.last == " " || value.last == "\t"
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// A whole file: the header and rows, each line ended by CRLF.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(row).joined(separator: "\r\n") + "\r\n"
    }
}
