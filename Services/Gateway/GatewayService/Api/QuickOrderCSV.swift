import Contracts
import Foundation
import HTTP

/// The lines of a quick order: "SKU,quantity" per line, or "SKU,quantity,shop" to buy the line
/// from a distributor's shop, with any line ends (a header line and blank lines are
/// ignored; `;` and tabs work as separators too, as spreadsheets paste them, and cells may be
/// quoted as spreadsheets export them). Every bad line is
/// reported with its number, so a buyer fixes them all at once: first what cannot be read, then
/// (the quick-order route) what cannot be bought, such as an unknown SKU or a quantity off its pack size.
enum QuickOrderCSV {
    struct Problem: Equatable { let line: Int; let message: String }

    /// The order lines, the pasted line number of each (`numbers[i]` for `lines[i]`), and every
    /// problem found.
    static func parse(_ text: String, maximumLines: Int)
        -> (lines: [OrderRoutes.LineRequest], numbers: [Int], problems: [Problem]) {
        var lines: [OrderRoutes.LineRequest] = []
        var numbers: [Int] = []
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        // Cells as a spreadsheet writes them: quoted ("P0019-1","1,000") or not, any line ends.
        for record in CSVReader.records(text, separators: separators) {
            let number = record.line
            if let problem = record.problem {
                problems.append(Problem(line: number, message: problem))
                continue
            }
            let cells = record.cells.map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy(\.isEmpty) { continue }
            if number == 1 && cells.first?.lowercased() == "sku" { continue }
            // An empty shop cell is no shop: spreadsheets export it for rows bought from the supplier.
            let shop = cells.count == 3 && !cells[2].isEmpty ? cells[2] : nil
            guard cells.count == 2 || cells.count == 3, !cells[0].isEmpty else {
                problems.append(Problem(line: number, message: "expected 'SKU,quantity' or 'SKU,quantity,shop'"))
                continue
            }
            if let shop, shop.count == 3, shop.allSatisfy(\.isNumber), Int64(cells[1]) != nil {
                problems.append(Problem(line: number, message: "quantity '\(cells[1]),\(shop)'? write it without the comma, or quote it: \"\(cells[1]),\(shop)\""))
                continue
            }
            guard let quantity = Self.quantity(cells[1]), quantity > 0 else {
                problems.append(Problem(line: number, message: "quantity '\(cells[1])' must be a whole number above 0"))
                continue
            }
            if let first = seen[cells[0]] {
                problems.append(Problem(line: number, message: "SKU \(cells[0]) is already on line \(first)"))
                continue
            }
            seen[cells[0]] = number
            lines.append(OrderRoutes.LineRequest(sku: cells[0], quantity: quantity, shop: shop))
            numbers.append(number)
        }
        if lines.count > maximumLines { problems.append(Problem(line: 0, message: "at most \(maximumLines) lines per order")) }
        if lines.isEmpty && problems.isEmpty { problems.append(Problem(line: 0, message: "the CSV holds no order lines")) }
        return (lines, numbers, problems)
    }

    static let separators: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// A whole number, also with thousands separators as spreadsheets format it ("1,000" quoted).
    static func quantity(_ text: String) -> Int64? {
        if let plain = Int64(text) { return plain }
        guard text.range(of: #"^[0-9]{1,3}(,[0-9]{3})+$"#, options: .regularExpression) != nil else { return nil }
        return Int64(text.replacingOccurrences(of: ",", with: ""))
    }

    /// Every line the catalog refuses, each under its pasted line number (without the `lines[i]: `
    /// the pricing puts before its messages); none when the only refusals are sold-out lines, which
    /// placement answers itself.
    static func problems(pricing: [Result<PricedLine, any Error>], numbers: [Int]) -> [Problem] {
        var problems: [Problem] = []
        var onlySoldOut = true
        for (result, number) in zip(pricing, numbers) {
            guard case let .failure(error) = result else { continue }
            let refusal = error as? ApiError
            if refusal?.code != "sold-out" { onlySoldOut = false }
            let message = refusal?.message ?? "\(error)"
            let plain = message.range(of: #"^lines\[\d+\]: "#, options: .regularExpression).map { String(message[$0.upperBound...]) } ?? message
            problems.append(Problem(line: number, message: plain))
        }
        return onlySoldOut ? [] : problems
    }

    /// One error listing the first 20 problems, naming the `csv` field.
    static func error(_ status: HTTPStatus, _ problems: [Problem]) -> ApiError {
        let listed = problems.prefix(20).map { $0.line == 0 ? $0.message : "line \($0.line): \($0.message)" }.joined(separator: "; ")
        return ApiError(status, "invalid-lines", "\(problems.count) line(s) cannot be ordered: \(listed)", field: "csv")
    }
}
