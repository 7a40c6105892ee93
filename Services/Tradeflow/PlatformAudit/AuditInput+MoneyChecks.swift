import Contracts
import Foundation

extension AuditInput {
    func ledgerCheck() -> Check {
        var log = payments.unbalanced
        let totals = payments.ledgerTotals.sorted { $0.key.code < $1.key.code }
        for (currency, sum) in totals where sum != 0 {
            log.add(currency.code, "the whole ledger sums to \(sum) minor units, not zero")
        }
        let currencies = totals.map(\.key.code).joined(separator: ", ")
        let verdict = log.count == 0 ? "balanced" : "\(log.count) violations"
        // Postings of partial partitions are not summed, so no currency may be listed while some were read.
        let scope = totals.isEmpty ? (payments.postingsInPartial > 0 ? "" : " in no currency") : " in \(currencies)"
        var summary = "\(payments.postings) postings\(scope): \(verdict)"
        if let note = partialNote([Topics.paymentEvents.name]) {
            summary += "; \(note): their \(payments.postingsInPartial) postings each checked, the whole-ledger sum only over complete partitions"
        }
        return Check(name: AuditReport.CheckName.ledgerBalanced,
                     title: "every posting, and the whole ledger, sums to zero per currency",
                     counts: ["postings": payments.postings, "currencies": totals.count,
                              "unbalanced-postings": payments.unbalanced.count,
                              "postings-in-partial-partitions": payments.postingsInPartial],
                     log: log, summary: summary)
    }

    /// Confirmed orders have their money secured for their total: credit reserved (`authorized`) or
    /// a payment requested and received in full (`paid`). Completed orders were captured, unless
    /// completion is younger than the grace period (capture follows completion).
    func confirmedOrdersPaidCheck(_ context: ReportContext) -> Check {
        var log = ViolationLog(limit: examplesPerCheck)
        var confirmed = 0, onCredit = 0, paid = 0, completed = 0, capturePending = 0, beforeWindow = 0
        for track in ordersInPlacementOrder {
            guard let confirmation = track.confirmation else { continue }
            confirmed += 1
            let subject = track.order.rawValue, position = track.position
            // A fact missing because retention deleted it is no violation: count it instead.
            let mayPredate = paymentsMayPredateWindow(track)
            func missing(_ reason: String) {
                if mayPredate { beforeWindow += 1 } else { log.add(subject, reason, at: position) }
            }
            let money = payments.orders[track.order]
            let amount = confirmation.amount
            if amount != track.total {
                log.add(subject, "confirmed for \(amount.formatted) but the order total is \(track.total.formatted)", at: position)
            }
            switch confirmation.payment {
            case .authorized:
                onCredit += 1
                if let reserved = money?.creditReserved {
                    if reserved != amount {
                        log.add(subject, "credit reserved \(reserved.formatted), confirmed for \(amount.formatted)", at: position)
                    }
                } else {
                    missing("confirmed on credit but payment never reserved credit")
                }
            case .paid:
                paid += 1
                if money?.paymentRequested == nil {
                    missing("confirmed as paid but payment never requested a payment")
                } else if let received = money?.paidInFull {
                    if received != amount {
                        log.add(subject, "paid in full with \(received.formatted), confirmed for \(amount.formatted)", at: position)
                    }
                } else {
                    missing("confirmed as paid but payment recorded no payment in full")
                }
            default:
                log.add(subject, "confirmed with payment \(confirmation.payment.rawValue)", at: position)
            }
            guard let completion = track.completion else { continue }
            completed += 1
            if let captured = money?.captured {
                if captured != completion.amount {
                    log.add(subject, "captured \(captured.formatted), completed for \(completion.amount.formatted)", at: position)
                }
            } else if context.isOverdue(since: completion.at) {
                missing("completed \(context.age(of: completion.at)) ago but never captured")
            } else {
                capturePending += 1
            }
        }
        var summary = "\(confirmed) confirmed orders (\(onCredit) on credit, \(paid) paid), \(completed) completed"
        if capturePending > 0 { summary += ", \(capturePending) captures in flight" }
        if log.count > 0 { summary += "; \(log.count) violations" }
        if let note = partialNote([Topics.paymentEvents.name]) {
            summary += "; \(note): \(beforeWindow) missing payment facts of orders placed before the retained window not judged"
        }
        return Check(name: AuditReport.CheckName.confirmedOrdersPaid,
                     title: "every confirmed order is paid or on credit for its total; every completed order is captured",
                     counts: ["confirmed": confirmed, "on-credit": onCredit, "paid": paid, "completed": completed,
                              "captures-in-flight": capturePending, "payments-before-window": beforeWindow],
                     log: log, summary: summary)
    }

    /// Orders that ended without fulfilment (rejected, cancelled, expired) more than the grace
    /// period ago hold nothing: no stock reservation still held, no credit still reserved.
    func endedOrdersReleasedCheck(_ context: ReportContext) -> Check {
        var log = ViolationLog(limit: examplesPerCheck)
        var held: [OrderID: [StockAudit.ReservationTrack]] = [:]
        for track in stock.skus.values {
            for reservation in track.reservations.values where reservation.status == .reserved {
                held[reservation.order, default: []].append(reservation)
            }
        }
        var ended = 0, checked = 0
        for track in ordersInPlacementOrder where track.status.isAbandoned {
            ended += 1
            guard context.isOverdue(since: track.lastEventAt) else { continue }
            checked += 1
            let subject = track.order.rawValue
            for reservation in (held[track.order] ?? []).sorted(by: { $0.id < $1.id }) {
                let units = reservation.allocations.reduce(Int64(0)) { $0 &+ $1.quantity }
                log.add(subject, "\(track.status.rawValue) but reservation \(reservation.id) still holds \(units) of \(reservation.sku)",
                        at: track.position)
            }
            if let money = payments.orders[track.order], let credit = money.creditReserved, !money.released,
               money.captured == nil {
                log.add(subject, "\(track.status.rawValue) but \(credit.formatted) of credit is still reserved", at: track.position)
            }
        }
        let verdict = log.count == 0 ? "nothing left held" : "\(log.count) leaks"
        return Check(name: AuditReport.CheckName.endedOrdersReleased,
                     title: "rejected, cancelled and expired orders hold no stock reservation and no credit",
                     counts: ["ended": ended, "checked": checked],
                     log: log,
                     summary: "\(ended) orders ended unfulfilled (\(checked) past grace): \(verdict)")
    }
}
