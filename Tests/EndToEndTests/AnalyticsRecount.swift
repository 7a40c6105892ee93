import Foundation

/// The analytics numbers recomputed from the raw `order.events.v1` JSON as an outside reader would,
/// independently of AnalyticsCore, with the rules written in Services/Analytics NOTES: GMV is the
/// line totals of confirmed orders; "paid" is a confirmation with money received or a recorded
/// capture; "approved" is a placement that needed no approval or a final approval.
struct AnalyticsRecount: Equatable, CustomStringConvertible {
    var placed = Set<String>()
    var approved = Set<String>()
    var confirmed = Set<String>()
    var paid = Set<String>()
    var completed = Set<String>()
    var rejected = Set<String>()
    var cancelled = Set<String>()
    var expired = Set<String>()
    /// CNY minor units per supplier and per buyer, and in total.
    var gmv = 0
    var gmvBySupplier: [String: Int] = [:]
    var gmvByBuyer: [String: Int] = [:]
    /// Confirmed orders holding at least one line of the supplier.
    var ordersBySupplier: [String: Int] = [:]

    init(events: [String]) {
        var lines: [String: [(supplier: String, amount: Int)]] = [:]
        var buyers: [String: String] = [:]
        var paidOnConfirmation = Set<String>()
        var captured = Set<String>()
        for text in events {
            guard let event = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let type = event["type"] as? String, let payload = event["payload"] as? [String: Any] else { continue }
            let order = payload["order"] as? String ?? ""
            switch type {
            case "order.placed":
                placed.insert(order)
                buyers[order] = payload["buyer"] as? String
                if payload["status"] as? String != "pending-approval" { approved.insert(order) }
                lines[order] = ((payload["lines"] as? [[String: Any]]) ?? []).map {
                    ($0["supplier"] as? String ?? "", (($0["lineTotal"] as? [String: Any])?["amount"] as? Int) ?? 0)
                }
            case "order.approved" where ((payload["remainingRoles"] as? [Any]) ?? []).isEmpty: approved.insert(order)
            case "order.confirmed":
                confirmed.insert(order)
                if payload["payment"] as? String == "paid" { paidOnConfirmation.insert(order) }
            case "order.payment-recorded" where (payload["outcome"] as? [String: Any])?["kind"] as? String == "captured":
                captured.insert(order)
            case "order.completed": completed.insert(order)
            case "order.rejected": rejected.insert(order)
            case "order.cancelled": cancelled.insert(order)
            case "order.expired": expired.insert(order)
            default: break
            }
        }
        paid = paidOnConfirmation.union(captured).intersection(placed)
        for order in confirmed.intersection(placed) {
            let orderLines = lines[order] ?? []
            let total = orderLines.reduce(0) { $0 + $1.amount }
            gmv += total
            gmvByBuyer[buyers[order] ?? "", default: 0] += total
            for (supplier, supplierLines) in Dictionary(grouping: orderLines, by: \.supplier) {
                gmvBySupplier[supplier, default: 0] += supplierLines.reduce(0) { $0 + $1.amount }
                ordersBySupplier[supplier, default: 0] += 1
            }
        }
    }

    /// The funnel as the API names its stages.
    var funnel: [String: Int] {
        ["placed": placed.count, "approved": approved.count, "confirmed": confirmed.count, "paid": paid.count,
         "completed": completed.count, "rejected": rejected.count, "cancelled": cancelled.count, "expired": expired.count]
    }

    var description: String { "funnel \(funnel), gmv \(gmv), by supplier \(gmvBySupplier), by buyer \(gmvByBuyer)" }
}

/// What a snapshot served by `GET /v1/analytics` says, in the recount's terms.
struct AnalyticsReading {
    let snapshot: [String: Any]

    func view(_ role: String) -> [String: Any]? {
        ((snapshot["views"] as? [[String: Any]]) ?? []).first { $0["role"] as? String == role }
    }

    static func cny(_ amounts: Any?) -> Int {
        ((amounts as? [[String: Any]]) ?? []).first { $0["currency"] as? String == "CNY" }?["amount"] as? Int ?? 0
    }

    func funnel(_ role: String) -> [String: Int] { (view(role)?["funnel"] as? [String: Int]) ?? [:] }
    func gmv(_ role: String) -> Int { Self.cny((view(role)?["totals"] as? [String: Any])?["gmv"]) }
    func orders(_ role: String) -> Int { ((view(role)?["totals"] as? [String: Any])?["orders"] as? Int) ?? -1 }

    /// GMV per key of a breakdown (supplier, buyer, ...) of a view.
    func breakdown(_ role: String, _ name: String) -> [String: Int] {
        let entries = (((view(role)?["breakdowns"] as? [String: Any])?[name] as? [String: Any])?["entries"] as? [[String: Any]]) ?? []
        return Dictionary(uniqueKeysWithValues: entries.map { ($0["key"] as? String ?? "", Self.cny($0["gmv"])) })
    }

    /// The parts that depend only on the events (not on `asOf`, as turnover and dealer windows do).
    var eventDerived: NSArray {
        ((snapshot["views"] as? [[String: Any]]) ?? []).map { view in
            NSDictionary(dictionary: view.filter { ["role", "totals", "funnel", "breakdowns", "topSkus", "shipping"].contains($0.key) })
        } as NSArray
    }

    var asOf: Date? {
        (snapshot["asOf"] as? String).flatMap { text in
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter.date(from: text)
        }
    }
}

/// RFC 4180 as a spreadsheet reads it (quoted cells, doubled quotes, CRLF): written here, not taken
/// from the code under test.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var characters = Array(text).makeIterator()
    var pending: Character? = nil
    while let character = pending ?? characters.next() {
        pending = nil
        if quoted {
            if character == "\"" {
                let next = characters.next()
                if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
            } else {
                cell.append(character)
            }
            continue
        }
        switch character {
        case "\"": quoted = true
        case ",": row.append(cell); cell = ""
        case "\r\n", "\n": row.append(cell); rows.append(row); row = []; cell = ""
        default: cell.append(character)
        }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
    return rows
}
