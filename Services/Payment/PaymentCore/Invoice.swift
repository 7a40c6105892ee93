import Contracts
import Foundation

/// What a payer owes for a captured credit order. Its reference (and id) is the order id.
public struct Invoice: Sendable, Hashable, Codable {
    public let order: OrderID
    public let amount: Money
    public let issuedAt: Date
    public let dueAt: Date
    public let termDays: Int
    /// Received from the payer so far.
    public internal(set) var paid: Money
    /// Of `paid`: what the payer had sent for the order before it was invoiced, applied at issue.
    /// Optional so that states written before it existed still decode.
    public internal(set) var paidFromBalance: Money?
    /// Taken off by refunds.
    public internal(set) var credited: Money
    /// Set by `invoice-overdue` (the timer's notice); see `isOverdue(at:)` for what freezes credit.
    public internal(set) var markedOverdue = false
    /// The nearest reminder window announced (`invoice-due-soon`), in days before `dueAt`; nil
    /// before the first. Optional so that states written before reminders existed still decode.
    public internal(set) var remindedWithinDays: Int?

    init(order: OrderID, amount: Money, issuedAt: Date, dueAt: Date, termDays: Int, paidFromBalance: Money? = nil) {
        self.order = order
        self.amount = amount
        self.issuedAt = issuedAt
        self.dueAt = dueAt
        self.termDays = termDays
        paid = paidFromBalance ?? .zero(amount.currency)
        self.paidFromBalance = paidFromBalance
        credited = .zero(amount.currency)
    }

    /// amount - paid - credited; never below zero (payments beyond it go to the credit balance).
    public var outstanding: Money {
        Money(minorUnits: max(0, amount.minorUnits - paid.minorUnits - credited.minorUnits), currency: amount.currency)
    }

    public var isSettled: Bool { outstanding.isZero }

    /// The reminder window (one of `days`, in days before `dueAt`) to announce at `now`: the
    /// nearest one reached that is nearer than any announced before; nil when none is, when the
    /// invoice is paid, or once it is due (overdue is announced instead).
    public func reminderWindow(at now: Date, days: [Int]) -> Int? {
        guard !isSettled, !markedOverdue, now < dueAt else { return nil }
        let remaining = dueAt.timeIntervalSince(now)
        return days.filter { remaining <= Double($0) * 86_400 && $0 < (remindedWithinDays ?? .max) }.min()
    }

    /// Unpaid after its due date: marked by the timer, or simply past `dueAt` at `now` (so a
    /// payer cannot slip an authorization in before the timer runs).
    public func isOverdue(at now: Date) -> Bool {
        !isSettled && (markedOverdue || now > dueAt)
    }
}
