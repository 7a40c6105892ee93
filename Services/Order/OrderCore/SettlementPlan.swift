import Contracts

/// The settlement lines of a payment authorization: who is owed what of the order.
///
/// One line per sub-order in the common case. A sub-order whose lines come from several
/// distributors' shops, or from several categories, gets one line per (distributor, category), so
/// payment can apply each distributor's share and each category's commission. Lines appear in the
/// order their sub-order and group first appear; the amounts add up to the order total.
enum SettlementPlan {
    static func lines(of record: OrderRecord) -> [SettlementLine] {
        struct GroupKey: Hashable {
            let subOrder: String
            let distributor: CompanyID?
            let category: [String]
        }
        var keys: [GroupKey] = []
        var sums: [GroupKey: (supplier: CompanyID, minorUnits: Int64)] = [:]
        for line in record.lines {
            let key = GroupKey(subOrder: line.subOrder, distributor: line.distributor, category: line.category)
            if sums[key] == nil {
                keys.append(key)
                sums[key] = (line.supplier, 0)
            }
            // The order total did not overflow, so no partial sum does.
            sums[key]?.minorUnits += line.lineTotal.minorUnits
        }
        return keys.compactMap { key in
            sums[key].map {
                SettlementLine(
                    subOrder: key.subOrder, supplier: $0.supplier, distributor: key.distributor, category: key.category,
                    amount: Money(minorUnits: $0.minorUnits, currency: record.total.currency))
            }
        }
    }
}
