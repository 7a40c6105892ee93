import Contracts
import Foundation

/// A supplier's or distributor's order desk on one partition: the sub-orders it ships (or whose
/// lines its shop sold), in the order their orders were confirmed.
///
/// Why an index: orders are kept by buyer, and most are packed (see `OrderTable`), so finding a
/// supplier's sub-orders by looking at every order would unpack the whole partition. The desk
/// holds each order's id, which of its sub-orders, and that sub-order's fulfilment status, so a
/// query filters without unpacking anything and unpacks only the rows it answers with. Entries
/// are appended once, when the order is confirmed (from then on the supplier ships it), and never
/// reordered, so a position is a stable cursor. Orders rejected or cancelled before confirmation
/// never reach a desk: a sold-out flash sale leaves nothing on the supplier's.
struct DeskEntry: Sendable, Equatable, Codable {
    let order: OrderID
    /// Index of the sub-order in the order's `subOrders` (an order has at most 1,000 lines).
    let part: Int32
    /// Kept in step with the order's sub-order as it is shipped and delivered.
    var status: SubOrderStatus

    private enum CodingKeys: String, CodingKey { case order = "o", part = "p", status = "s" }
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

/// What an applied event changes on the desks: an order to put on them, or a sub-order's new status.
enum DeskChange {
    case confirmed([(company: CompanyID, part: Int)])
    case subOrder([CompanyID], part: Int, status: SubOrderStatus)
    /// A confirmed order cancelled whole: each of its parts as it is now.
    case parts([(companies: [CompanyID], part: Int, status: SubOrderStatus)])

    /// The change `event` made to `record` (already applied), if it concerns the desks.
    init?(_ event: OrderEvent, appliedTo record: OrderRecord) {
        let subOrder: String
        switch event {
        case .confirmed:
            self = .confirmed(record.deskParties)
            return
        case let .subOrderShipped(shipped): subOrder = shipped.subOrder
        case let .subOrderDelivered(delivered): subOrder = delivered.subOrder
        case let .subOrderCancelled(cancelled): subOrder = cancelled.subOrder
        case let .cancelled(cancelled) where cancelled.cancelledIn == .confirmed:
            self = .parts(record.subOrders.indices.map { part in
                (record.deskParties.filter { $0.part == part }.map(\.company), part, record.subOrderStates[part].status)
            })
            return
        default: return nil
        }
        guard let part = record.subOrders.firstIndex(where: { $0.subOrder == subOrder }) else { return nil }
        self = .subOrder(record.deskParties.filter { $0.part == part }.map(\.company), part: part,
                         status: record.subOrderStates[part].status)
    }
}

extension OrderState {
    /// The most desk positions one query looks at: a page answers within a bounded time however
    /// few sub-orders match its filters (it may then be short and still have a next page).
    static let maximumDeskPositionsPerQuery = 10_000

    /// The desks a fold of the orders' events would have built, from the orders alone: every
    /// order that was confirmed, in the order of confirmation (ties, which a fold orders by event,
    /// by order id), each sub-order with its status now. One order is unpacked at a time.
    static func desks(rebuiltFrom orders: OrderTable) -> [CompanyID: [DeskEntry]] {
        var confirmed: [(at: Date, order: OrderID, entries: [(company: CompanyID, entry: DeskEntry)])] = []
        for (order, _) in orders.summaries {
            guard let record = orders[order], let at = record.confirmedAt else { continue }
            confirmed.append((at, order, record.deskParties.map { company, part in
                (company, DeskEntry(order: order, part: Int32(part), status: record.subOrderStates[part].status))
            }))
        }
        confirmed.sort { $0.at != $1.at ? $0.at < $1.at : $0.order < $1.order }
        var desks: [CompanyID: [DeskEntry]] = [:]
        for (_, _, entries) in confirmed {
            for (company, entry) in entries { desks[company, default: []].append(entry) }
        }
        return desks
    }

    mutating func applyToDesks(_ change: DeskChange, order: OrderID) {
        switch change {
        case let .confirmed(parties):
            for (company, part) in parties {
                desks[company, default: []].append(DeskEntry(order: order, part: Int32(part), status: .open))
            }
        case let .subOrder(companies, part, status):
            setDeskStatus(status, of: part, order: order, for: companies)
        case let .parts(parts):
            for (companies, part, status) in parts { setDeskStatus(status, of: part, order: order, for: companies) }
        }
    }

    private mutating func setDeskStatus(_ status: SubOrderStatus, of part: Int, order: OrderID, for companies: [CompanyID]) {
        // Searched from the newest: sub-orders are mostly shipped and delivered soon after they
        // were confirmed, so the entry is near the end.
        for company in companies {
            guard let position = desks[company]?.lastIndex(where: { $0.order == order && $0.part == Int32(part) }) else { continue }
            desks[company]?[position].status = status
        }
    }

    /// One page of `company`'s desk on this partition: newest first below position `before`, or
    /// oldest first from position `from`. With lines, a page stops before the sub-order that would
    /// take it over `maximumLines` (it always holds one), to be looked at again by the next.
    func deskPart(of company: CompanyID, orderStatus: OrderStatus?, status: SubOrderStatus?, before: Int?,
                  oldestFirst: Bool = false, from: Int? = nil, limit: Int, withLines: Bool = false,
                  maximumPositions: Int = maximumDeskPositionsPerQuery,
                  maximumLines: Int = SubOrderListItem.maximumLinesPerPart) -> SubOrderDeskPart {
        let desk = desks[company] ?? []
        var entries: [SubOrderDeskPart.Entry] = []
        var linesTaken = 0
        /// False when the sub-order there would not fit in this page's lines.
        func look(at position: Int) -> Bool {
            let entry = desk[position]
            // Both filters read what is kept unpacked: the entry, and the status beside a packed order.
            if let status, entry.status != status { return true }
            if let orderStatus, orders.summary(of: entry.order) != orderStatus { return true }
            let part = Int(entry.part)
            guard let record = orders[entry.order], part < record.subOrders.count, let confirmedAt = record.confirmedAt,
                  let detail = SubOrderDetail(record.summary, subOrder: record.subOrders[part].subOrder, viewer: company)
            else { return true }
            if withLines {
                if !entries.isEmpty && linesTaken + detail.lines.count > maximumLines { return false }
                linesTaken += detail.lines.count
            }
            entries.append(.init(position: position, item: SubOrderListItem(detail, confirmedAt: confirmedAt, withLines: withLines)))
            return true
        }
        if oldestFirst {
            var position = min(from ?? 0, desk.count)
            let ceiling = min(desk.count, position + maximumPositions)
            while position < ceiling, entries.count < limit, look(at: position) {
                position += 1
            }
            return SubOrderDeskPart(entries: entries, scannedTo: position, reachedEnd: position == desk.count)
        }
        var position = min(before ?? desk.count, desk.count)
        let floor = max(0, position - maximumPositions)
        while position > floor, entries.count < limit {
            guard look(at: position - 1) else { break }
            position -= 1
        }
        return SubOrderDeskPart(entries: entries, scannedTo: position)
    }
}
