/// One record of a CSV file: its cells and the line it starts on (1-based; a quoted cell may span
/// lines). `problem` is set when the record is malformed and must be reported rather than read.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var cells: [String] = []
    public var problem: String?

    public init(line: Int, cells: [String] = [], problem: String? = nil) {
        self.line = line
        self.cells = cells
        self.problem = problem
    }
}

/// An RFC 4180 reader over UTF-8 bytes: fields separated by commas (or the given separators, e.g.
/// `;` and tab as spreadsheets paste), records by CRLF or LF, fields optionally in double quotes
/// with `""` for a quote, separators and line breaks allowed inside quotes.
/// Unquoted cells are trimmed of spaces and tabs; quoted cells are kept exactly. A quote inside an
/// unquoted cell is taken literally (as spreadsheet programs write it). Blank lines are skipped.
/// A leading UTF-8 byte order mark is ignored.
public enum CSVReader {
    public static let comma = UInt8(ascii: ",")

    public static func records(_ text: String, separators: Set<UInt8> = [comma]) -> [CSVRecord] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [CSVRecord] = []
        var record = CSVRecord(line: 1)
        var field: [UInt8] = []
        var line = 1
        var inQuotes = false, wasQuoted = false, quoteLine = 1
        var index = 0

        func endField() {
            let cell = wasQuoted ? field[...] : trimmed(field)
            record.cells.append(String(decoding: cell, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord(nextLine: Int) {
            endField()
            let blank = record.cells.count == 1 && record.cells[0].isEmpty && record.problem == nil
            if !blank { records.append(record) }
            record = CSVRecord(line: nextLine)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case _ where separators.contains(byte):
                endField()
            case carriageReturn, newline:
                if byte == carriageReturn && index < bytes.count && bytes[index] == newline { index += 1 }
                line += 1
                endRecord(nextLine: line)
            case quote where trimmed(field).isEmpty && !wasQuoted:
                field.removeAll(keepingCapacity: true)
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            default:
                if wasQuoted && byte != space && byte != tab && record.problem == nil {
                    record.problem = "unexpected text after the closing quote of cell \(record.cells.count + 1)"
                }
                if !wasQuoted { field.append(byte) }
            }
        }
        if inQuotes {
            record.problem = "the quoted cell opened on line \(quoteLine) is never closed"
        }
        if inQuotes || !field.isEmpty || wasQuoted || !record.cells.isEmpty {
            endRecord(nextLine: line + 1)
        }
        return records
    }

    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, first == space || first == tab { slice.removeFirst() }
        while let last = slice.last, last == space || last == tab { slice.removeLast() }
        return slice
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
}
