import Contracts
import Foundation

/// A supplier's or distributor's order desk on one partition: the sub-orders it ships (or whose
/// lines its shop sold), in the order their orders were confirmed.
///
/// Why an index: orders are kept by buyer, and most are packed (see `OrderTable`), so finding a
/// supplier's sub-orders by looking at every order would unpack the whole partition. The desk
/// holds just each order's id and which of its sub-orders, appended once when the order is
/// confirmed (from then on the supplier ships it) and never reordered, so a position is a stable
/// cursor. Orders rejected or cancelled before confirmation never reach a desk: a sold-out flash
/// sale leaves nothing on the supplier's.
struct DeskEntry: Sendable, Equatable, Codable {
    let order: OrderID
    /// Index of the sub-order in the order's `subOrders`.
    let part: Int

    private enum CodingKeys: String, CodingKey { case order = "o", part = "p" }
}

extension OrderRecord {
    /// The companies whose desks list this order, each with the sub-orders they take part in: every
    /// supplier its own; a distributor each sub-order with lines its shop sold.
    var deskParties: [(company: CompanyID, part: Int)] {
        var parties = subOrders.enumerated().map { (company: $0.element.supplier, part: $0.offset) }
        let parts = Dictionary(subOrders.enumerated().map { ($0.element.subOrder, $0.offset) }) { first, _ in first }
        var seen: Set<String> = []
        for line in lines {
            guard let distributor = line.distributor, let part = parts[line.subOrder],
                  distributor != subOrders[part].supplier,
                  seen.insert("\(distributor.rawValue)|\(part)").inserted else { continue }
            parties.append((distributor, part))
        }
        return parties
    }

    /// When the order was confirmed: its first history entry in that status.
    var confirmedAt: Date? {
        history.first { $0.status == .confirmed }?.at
    }
}

extension OrderState {
    /// The most desk positions one query looks at: a page answers within a bounded time however
    /// few sub-orders match its filters (it may then be short and still have a next page).
    static let maximumDeskPositionsPerQuery = 2_000

    /// Puts a just-confirmed order on the desks of the companies it involves.
    mutating func addToDesks(_ parties: [(company: CompanyID, part: Int)], order: OrderID) {
        for (company, part) in parties {
            desks[company, default: []].append(DeskEntry(order: order, part: part))
        }
    }

    /// One page of `company`'s desk on this partition, newest first, below position `before`.
    func deskPart(of company: CompanyID, orderStatus: OrderStatus?, status: SubOrderStatus?, before: Int?,
                  limit: Int, maximumPositions: Int = maximumDeskPositionsPerQuery) -> SubOrderDeskPart {
        let desk = desks[company] ?? []
        var position = min(before ?? desk.count, desk.count)
        let floor = max(0, position - maximumPositions)
        var entries: [SubOrderDeskPart.Entry] = []
        while position > floor, entries.count < limit {
            position -= 1
            let entry = desk[position]
            // The order's status is kept beside a packed order: filtering on it unpacks nothing.
            if let orderStatus, orders.summary(of: entry.order) != orderStatus { continue }
            guard let record = orders[entry.order], entry.part < record.subOrders.count,
                  status.map({ $0 == record.subOrderStates[entry.part].status }) ?? true,
                  let confirmedAt = record.confirmedAt,
                  let detail = SubOrderDetail(record.summary, subOrder: record.subOrders[entry.part].subOrder,
                                              viewer: company)
            else { continue }
            entries.append(.init(position: position, item: SubOrderListItem(detail, confirmedAt: confirmedAt)))
        }
        return SubOrderDeskPart(entries: entries, scannedTo: position)
    }
}
