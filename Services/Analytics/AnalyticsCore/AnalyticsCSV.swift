import Contracts
import Foundation

/// CSV export of a snapshot's views for `GET /v1/analytics/...?format=csv`: RFC 4180 (CRLF line
/// ends, a cell quoted when it holds a comma, quote or line break, or starts or ends with a blank;
/// quotes doubled). Every row starts with the view's role, so a company with several roles gets
/// one file per section. Amounts are decimal major units, one column per currency ("gmv CNY").
public enum AnalyticsCSV {
    public enum Section: String, CaseIterable, Sendable {
        case totals = "totals"
        case buckets = "buckets"
        case topSkus = "top-skus"
        case breakdowns = "breakdowns"
        case dealers = "dealers"
        case stock = "stock"
        case shipping = "shipping"
        case funnel = "funnel"
    }

    public static func export(_ snapshot: AnalyticsSnapshot, section: Section) -> String {
        let table: Table = switch section {
        case .totals: totals(snapshot)
        case .buckets: buckets(snapshot)
        case .topSkus: topSkus(snapshot)
        case .breakdowns: breakdowns(snapshot)
        case .dealers: dealers(snapshot)
        case .stock: stock(snapshot)
        case .shipping: shipping(snapshot)
        case .funnel: funnel(snapshot)
        }
        return CSVWriter.document(header: table.header, rows: table.rows)
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
    }

    /// Every currency among `amounts`, sorted by code: the money columns of a table.
    static func currencies(_ amounts: [[Money]]) -> [Currency] {
        Array(Set(amounts.flatMap { $0.map(\.currency) })).sorted { $0.code < $1.code }
    }

    /// One cell per currency; empty where the amount has none of it.
    static func money(_ amounts: [Money], in currencies: [Currency]) -> [String] {
        currencies.map { currency in amounts.first { $0.currency == currency }?.decimalString ?? "" }
    }

    static func time(_ date: Date?) -> String {
        date.map(WireFormat.timestampText) ?? ""
    }
}
