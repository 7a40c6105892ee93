import Contracts

/// The settlement lines of a payment authorization: who is owed what of the order.
///
/// One line per sub-order in the common case. A sub-order whose lines come from several
/// distributors' shops, or from several categories, gets one line per (distributor, category), so
/// payment can apply each distributor's share and each category's commission. Lines appear in the
/// order their sub-order and group first appear; the amounts add up to the order total.
enum SettlementPlan {
    static func lines(of record: OrderRecord) -> [SettlementLine] {
        grouped(record.lines.map { ($0, $0.lineTotal.minorUnits) }, currency: record.total.currency)
    }

    /// The settlement lines a return's goods were sold under, each with the part of the refund
    /// that comes from it, so payment reverses only their split (a distributor gives back its
    /// margin only on what its shop sold).
    static func lines(returnedIn item: ReturnRecord, of record: OrderRecord) -> [SettlementLine] {
        let returned = item.lines.compactMap { returned in
            record.lineIndex(of: returned.line).map { (record.lines[$0], returned.amount.minorUnits) }
        }
        return grouped(returned, currency: record.total.currency)
    }

    /// The settlement lines of whole sub-orders (those cancelled before shipping), at full value.
    static func lines(ofSubOrders subOrders: Set<String>, of record: OrderRecord) -> [SettlementLine] {
        grouped(record.lines.filter { subOrders.contains($0.subOrder) }.map { ($0, $0.lineTotal.minorUnits) },
                currency: record.total.currency)
    }

    private static func grouped(_ amounts: [(line: OrderLine, minorUnits: Int64)], currency: Currency) -> [SettlementLine] {
        struct GroupKey: Hashable {
            let subOrder: String
            let distributor: CompanyID?
            let category: [String]
        }
        var keys: [GroupKey] = []
        var sums: [GroupKey: (supplier: CompanyID, minorUnits: Int64)] = [:]
        for (line, minorUnits) in amounts {
            let key = GroupKey(subOrder: line.subOrder, distributor: line.distributor, category: line.category)
            if sums[key] == nil {
                keys.append(key)
                sums[key] = (line.supplier, 0)
            }
            // The order total did not overflow, so no partial sum does.
            sums[key]?.minorUnits += minorUnits
        }
        return keys.compactMap { key in
            sums[key].map {
                SettlementLine(
                    subOrder: key.subOrder, supplier: $0.supplier, distributor: key.distributor, category: key.category,
                    amount: Money(minorUnits: $0.minorUnits, currency: currency))
            }
        }
    }
}
