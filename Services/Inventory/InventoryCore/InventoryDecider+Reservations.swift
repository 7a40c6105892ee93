import Contracts

/// The order saga's reservations: reserve, release, commit.
///
/// Reserve (always answered with a `StockReservationResult` to `replyKey`):
/// - all or nothing: a line is never partially reserved. Insufficient stock is rejected with the
///   units available; a SKU no warehouse has ever held is `unknown-sku`;
/// - warehouses are chosen by `AllocationPlanner` (buyer's region, then most available; split only
///   when no warehouse can fill the line alone);
/// - a reservation id is used once per SKU: asking again for a reservation that is held or committed,
///   for the same order and quantity, re-sends its allocations (no events); any other reuse is
///   `reservation-conflict`.
/// Release: unknown or already released -> `.unchanged` (idempotent, no event); committed -> rejected.
/// Commit: unknown or released -> rejected; already committed -> `.unchanged`.
/// Release and commit name the order too; a reservation of another order is `reservation-conflict`.
extension InventoryDecider {
    func decide(_ command: ReserveStock, id: MessageID, state: InventoryState) -> InventoryDecision {
        let stock = state.skus[command.sku]
        let position = stock?.position ?? StockPosition()
        let available = position.totalAvailable
        func refuse(_ code: RejectionCode, field: String?, _ reason: String) -> InventoryDecision {
            let rejection = ReservationRejected(commandId: id, reservation: command.reservation, order: command.order,
                                                sku: command.sku, code: code, field: field, available: available,
                                                reason: reason)
            return .rejected(.reservationRejected(rejection), replies: [reply(to: command, .rejected(
                code: code, available: available, reason: reason))])
        }

        guard (1...maximumQuantity).contains(command.quantity) else {
            return refuse(.invalidQuantity, field: "quantity",
                          "quantity must be between 1 and \(maximumQuantity), got \(command.quantity)")
        }
        if let problem = textProblem(command.reservation) {
            return refuse(.invalidField, field: "reservation", "reservation \(problem)")
        }
        if let problem = textProblem(command.replyKey) {
            return refuse(.invalidField, field: "replyKey", "replyKey \(problem)")
        }
        if let existing = stock?.reservations[command.reservation] {
            if existing.order == command.order, existing.quantity == command.quantity, existing.status != .released {
                return .unchanged(replies: [reply(to: command, .reserved(allocations: existing.allocations))])
            }
            return refuse(.reservationConflict, field: "reservation",
                          "reservation \(command.reservation) already exists (\(existing.status.rawValue), order \(existing.order), \(existing.quantity) units); it cannot be reserved again for order \(command.order) with \(command.quantity) units")
        }
        guard !position.onHand.isEmpty else {
            return refuse(.unknownSKU, field: "sku", "\(command.sku) is not stocked in any warehouse")
        }
        guard let allocations = AllocationPlanner.plan(
            quantity: command.quantity, available: position.availableByWarehouse,
            region: { state.warehouseRegion($0, of: command.supplier) }, buyerRegion: command.region)
        else {
            return refuse(.insufficientStock, field: "quantity",
                          "requested \(command.quantity) of \(command.sku) but only \(available) available")
        }
        let event = InventoryEvent.stockReserved(StockReserved(
            commandId: id, reservation: command.reservation, order: command.order, sku: command.sku,
            allocations: allocations, available: available - command.quantity))
        return accept(event, id: id, sku: command.sku, before: position,
                      replies: [reply(to: command, .reserved(allocations: allocations))])
    }

    func decide(_ command: ReleaseReservation, id: MessageID, stock: SKUStock?) -> InventoryDecision {
        guard let stock, let reservation = stock.reservations[command.reservation] else { return .unchanged() }
        if let conflict = orderConflict(reservation, command.order, id: id, verb: "release") { return conflict }
        switch reservation.status {
        case .released:
            return .unchanged()
        case .committed:
            return reject(Refusal(.reservationCommitted, field: "reservation",
                                  "reservation \(reservation.id) was committed: its goods have left stock and cannot be released"),
                          id: id, sku: reservation.sku, warehouse: nil)
        case .reserved:
            let available = StockPosition.saturatingSum([stock.position.totalAvailable, reservation.quantity])
            return accept(.reservationReleased(ReservationReleased(
                commandId: id, reservation: reservation.id, order: reservation.order, sku: reservation.sku,
                allocations: reservation.allocations, reason: command.reason, available: available)),
                          id: id, sku: reservation.sku, before: stock.position)
        }
    }

    func decide(_ command: CommitReservation, id: MessageID, stock: SKUStock?) -> InventoryDecision {
        guard let stock, let reservation = stock.reservations[command.reservation] else {
            return reject(Refusal(.unknownReservation, field: "reservation",
                                  "\(command.sku) holds no reservation \(command.reservation)"),
                          id: id, sku: command.sku, warehouse: nil)
        }
        if let conflict = orderConflict(reservation, command.order, id: id, verb: "commit") { return conflict }
        switch reservation.status {
        case .committed:
            return .unchanged()
        case .released:
            return reject(Refusal(.reservationReleased, field: "reservation",
                                  "reservation \(reservation.id) was released: its units are no longer held"),
                          id: id, sku: reservation.sku, warehouse: nil)
        case .reserved:
            return accept(.reservationCommitted(ReservationCommitted(
                commandId: id, reservation: reservation.id, order: reservation.order, sku: reservation.sku,
                allocations: reservation.allocations, onHand: stock.position.totalOnHand - reservation.quantity,
                available: stock.position.totalAvailable)),
                          id: id, sku: reservation.sku, before: stock.position)
        }
    }

    /// The reply key of a reserve: `replyKey`, or the buyer when `replyKey` is blank (so even the
    /// refusal of a malformed command reaches the buyer's order partition).
    func replyKey(of command: ReserveStock) -> String {
        command.replyKey.allSatisfy(\.isWhitespace) ? command.buyer.rawValue : command.replyKey
    }

    private func reply(to command: ReserveStock, _ outcome: StockReservationResult.Outcome) -> InventoryReply {
        InventoryReply(key: replyKey(of: command), payload: StockReservationResult(
            reservation: command.reservation, order: command.order, sku: command.sku, outcome: outcome))
    }

    private func orderConflict(_ reservation: Reservation, _ order: OrderID, id: MessageID,
                               verb: String) -> InventoryDecision? {
        guard reservation.order != order else { return nil }
        return reject(Refusal(.reservationConflict, field: "order",
                              "reservation \(reservation.id) belongs to order \(reservation.order), not \(order); cannot \(verb) it"),
                      id: id, sku: reservation.sku, warehouse: nil)
    }
}
