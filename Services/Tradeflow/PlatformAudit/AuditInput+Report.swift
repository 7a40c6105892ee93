import Contracts
import Foundation

extension AuditInput {
    /// Runs every check on what was read so far.
    ///
    /// `settleAfter` is the grace period for work in flight, measured back from the newest event
    /// read (not the wall clock): an order placed, a capture requested or a compensation started
    /// less than `settleAfter` before that moment is reported as in flight, not as a violation,
    /// so a verify while traffic still flows can tell "N in flight" from "stuck".
    public func report(settleAfter: Duration = .seconds(30)) -> AuditReport {
        let grace = Double(settleAfter.components.seconds) + Double(settleAfter.components.attoseconds) / 1e18
        let context = ReportContext(now: newestEventAt ?? .distantPast, grace: grace, examples: examplesPerCheck)
        let checks = [
            ordersSettledCheck(context), stockCheck(), duplicatesCheck(), ledgerCheck(),
            confirmedOrdersPaidCheck(context), endedOrdersReleasedCheck(context), decodingCheck(),
        ]
        return AuditReport(newestEventAt: newestEventAt, settleAfterSeconds: grace, records: records,
                           redeliveries: envelopes.redeliveries, ignoredRecords: ignoredRecords, checks: checks,
                           partitions: partitionCounts, retainedFrom: windows.retainedFrom)
    }

    struct ReportContext {
        let now: Date
        let grace: TimeInterval
        let examples: Int

        /// True when more than the grace period has passed since `date`.
        func isOverdue(since date: Date) -> Bool { now.timeIntervalSince(date) > grace }

        func age(of date: Date) -> String { "\(Int(now.timeIntervalSince(date).rounded()))s" }
    }

    /// Orders in a stable order (placement time, then id), so examples are the same on every run.
    var ordersInPlacementOrder: [OrderTrack] {
        orders.orders.values.sorted { ($0.placedAt, $0.order) < ($1.placedAt, $1.order) }
    }

    private func ordersSettledCheck(_ context: ReportContext) -> Check {
        var stuck = ViolationLog(limit: examplesPerCheck)
        var settled = 0, inFlight = 0, waiting = 0
        for track in ordersInPlacementOrder {
            switch track.phase {
            case .settled:
                settled += 1
            case let .waiting(until?):
                if context.isOverdue(since: until) {
                    stuck.add(track.order.rawValue, "still \(track.status.rawValue) \(context.age(of: until)) after its deadline \(until.formatted(.iso8601)): it should have expired",
                              at: track.position)
                } else {
                    waiting += 1
                }
            case .working, .waiting(until: nil):
                if context.isOverdue(since: track.lastEventAt) {
                    stuck.add(track.order.rawValue, "stuck in \(track.status.rawValue)\(track.authorizing ? " (authorizing payment)" : ""): no progress for \(context.age(of: track.lastEventAt))",
                              at: track.position)
                } else {
                    inFlight += 1
                }
            }
        }
        let log = stuck.merged(with: orders.transitions)
        let total = orders.orders.count
        var summary = "\(total) orders placed: \(settled) confirmed or ended, \(inFlight) in flight, \(waiting) waiting for approval or payment"
        if stuck.count > 0 { summary += ", \(stuck.count) stuck" }
        if orders.transitions.count > 0 { summary += ", \(orders.transitions.count) invalid transitions" }
        if let note = partialNote([Topics.orderEvents.name]) {
            summary += "; \(note): \(orders.ordersPlacedBeforeWindow) orders placed before the retained window not checked (\(orders.eventsBeforeWindow) events)"
        }
        return Check(name: AuditReport.CheckName.ordersSettled,
                     title: "every placed order reaches confirmed, completed, rejected, cancelled or expired",
                     counts: ["orders": total, "settled": settled, "in-flight": inFlight, "waiting": waiting,
                              "stuck": stuck.count, "invalid-transitions": orders.transitions.count,
                              "placed-before-window": orders.ordersPlacedBeforeWindow],
                     log: log, summary: summary)
    }

    private func stockCheck() -> Check {
        var warehouses = 0
        var stockTotal: Int64 = 0, sold: Int64 = 0, reserved: Int64 = 0
        for track in stock.skus.values {
            for position in track.warehouses.values {
                warehouses += 1
                stockTotal &+= position.received &+ position.adjusted
                sold &+= position.committed
                reserved &+= position.held
            }
        }
        let log = stock.violations
        let verdict = log.count == 0 ? "never oversold" : "\(log.count) violations"
        let seeded = stock.skus.values.filter(\.partial).count
        var summary = "\(stock.skus.count) SKUs in \(warehouses) SKU-warehouses: stock \(stockTotal), sold \(sold), reserved \(reserved); \(verdict)"
        if let note = partialNote([Topics.inventoryEvents.name]) {
            summary += "; \(note): \(seeded) SKUs start from inventory's own figures at the retained window's start, movements before it not checked"
        }
        return Check(name: AuditReport.CheckName.stockNotOversold,
                     title: "per SKU and warehouse, at every event: reserved + sold <= stock, nothing below zero",
                     counts: ["skus": stock.skus.count, "sku-warehouses": warehouses, "stock": Int(stockTotal),
                              "sold": Int(sold), "reserved": Int(reserved), "seeded-skus": seeded],
                     log: log, summary: summary)
    }

    private func duplicatesCheck() -> Check {
        let reservations = stock.skus.values.reduce(0) { $0 + $1.reservations.count }
        let again = envelopes.redeliveries.values.reduce(0, +)
        let verdict = duplicates.count == 0 ? "no duplicates" : "\(duplicates.count) duplicates"
        var summary = "\(orders.orders.count) orders, \(payments.postings) postings, \(reservations) reservations: \(verdict) (\(again) identical re-deliveries ignored)"
        if let note = partialNote(Self.topics.map(\.name)) {
            summary += "; \(note): duplicates caught within the retained window only, \(stock.reservationsBeforeWindow) releases or commits of reservations made before it"
        }
        return Check(name: AuditReport.CheckName.noDuplicates,
                     title: "no order placed twice, no posting, reservation, commit, release, capture or stock movement applied twice",
                     counts: ["orders": orders.orders.count, "postings": payments.postings, "reservations": reservations,
                              "duplicate-placements": orders.duplicatePlacements,
                              "duplicate-idempotency-keys": orders.duplicateKeys, "identical-redeliveries": again,
                              "reservations-before-window": stock.reservationsBeforeWindow],
                     log: duplicates, summary: summary)
    }

    private func decodingCheck() -> Check {
        let read = records.values.reduce(0, +)
        return Check(name: AuditReport.CheckName.eventsDecoded,
                     title: "every record of the audited topics decodes",
                     counts: ["decoded": read, "undecodable": undecodable.count],
                     log: undecodable,
                     summary: "\(read) records decoded, \(undecodable.count) could not be decoded")
    }
}
