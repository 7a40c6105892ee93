import Contracts

extension PaymentDecider {
    /// Gives back the credit reserved for cancelled sub-orders of a credit order at once (the sum of
    /// the settlement lines held for them), so the buyer can order again with it while the rest of
    /// the order is still on its way. Sub-orders released before are skipped, so a repeat with a new
    /// id changes nothing. An order already captured or voided holds no credit to give back: the
    /// command changes nothing (completion refunds the cancelled parts; a void released everything).
    func releaseCredit(_ command: ReleaseCredit, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        guard !command.subOrders.isEmpty else {
            throw PaymentRefusal(.invalidField, field: "subOrders", "subOrders must name at least one sub-order")
        }
        guard command.subOrders.count <= limits.maximumSettlementLines else {
            throw PaymentRefusal(.limitExceeded, field: "subOrders",
                                 "subOrders has \(command.subOrders.count) entries, more than \(limits.maximumSettlementLines)")
        }
        guard let account = context.state.account(of: command.payer),
              let authorization = account.authorizations[command.order] else {
            throw PaymentRefusal(.unknownAuthorization, field: "order", "\(command.payer) has no authorization for order \(command.order)")
        }
        switch authorization.status {
        case .captured, .voided:
            return PaymentDecision(events: [])
        case .awaitingPayment, .paid:
            throw PaymentRefusal(.invalidField, field: "order",
                                 "order \(command.order) is paid by \(authorization.method.rawValue), not on credit; "
                                   + "its cancelled parts are refunded when it completes")
        case .creditReserved:
            break
        }
        let releasedBefore = Set(authorization.partRelease?.subOrders ?? [])
        var releasing: [String] = []
        var amount: Int64 = 0
        for (index, subOrder) in command.subOrders.enumerated() where !releasedBefore.contains(subOrder) && !releasing.contains(subOrder) {
            let lines = authorization.settlement.filter { $0.subOrder == subOrder }
            guard !lines.isEmpty else {
                throw PaymentRefusal(.invalidField, field: "subOrders[\(index)]",
                                     "order \(command.order) has no sub-order \(subOrder.prefix(limits.maximumExternalIdLength))")
            }
            releasing.append(subOrder)
            // The settlement lines add up to the authorized amount (checked at authorization), so no part overflows.
            amount += lines.reduce(0) { $0 + $1.amount.minorUnits }
        }
        guard !releasing.isEmpty else { return PaymentDecision(events: []) }
        let released = Money(minorUnits: amount, currency: authorization.amount.currency)
        let stillReserved = Money(minorUnits: authorization.creditHeld.minorUnits - amount, currency: released.currency)
        let available: Money
        do throws(MoneyError) {
            available = try account.availableCredit(in: released.currency, releasing: released)
        } catch {
            throw PaymentRefusal(error)
        }
        return PaymentDecision(events: [(0, .creditPartlyReleased(CreditPartlyReleased(
            commandId: context.commandId, payer: command.payer, order: command.order, subOrders: releasing,
            amount: released, stillReserved: stillReserved,
            reason: lenientText(command.reason, fallback: "sub-orders cancelled"), available: available)))])
    }
}
