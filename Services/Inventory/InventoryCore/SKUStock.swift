import Contracts
import Packing

/// One SKU's stock, reservations and recently handled commands. Memory per SKU is bounded by the
/// number of open reservations plus `limit` finished ones and `limit` remembered commands.
struct SKUStock: Sendable, Equatable, Codable {
    var position = StockPosition()
    /// Open reservations, and finished ones until `finishedReservations` forgets them; packed (see
    /// `Reservation+Packing`).
    var reservations = PackedTable<String, Reservation>()
    /// Released or committed reservation ids, oldest forgotten first (and then dropped from `reservations`).
    var finishedReservations: RecentKeys<String>
    var recentCommands: RecentCommandIDs
    /// The reply each remembered `ReserveStock` got, so a repeated command re-sends the same reply;
    /// dropped when its command id is forgotten.
    var reservationResults: [MessageID: StockReservationResult] = [:]

    init(limit: Int) {
        finishedReservations = RecentKeys(limit: limit)
        recentCommands = RecentCommandIDs(limit: limit)
    }

    /// Applies one event of this SKU. Every decision has exactly one event that changes state (the
    /// first); a `low-stock` that follows it changes nothing. So an event whose command was already
    /// handled is skipped whole: applying an event twice leaves the state as applying it once
    /// (DESIGN principle 3), even for the events that carry changes rather than results. Reservation
    /// events are further checked against the reservation's status.
    mutating func apply(_ event: InventoryEvent) {
        guard !recentCommands.contains(event.commandId) else { return }
        switch event {
        case let .stockReserved(reserved):
            guard !reservations.contains(reserved.reservation) else { break }
            reservations[reserved.reservation] = Reservation(
                id: reserved.reservation, order: reserved.order, sku: reserved.sku, allocations: reserved.allocations,
                status: .reserved, reservedBy: reserved.commandId)
            position.apply(event)
            reservationResults[reserved.commandId] = StockReservationResult(
                reservation: reserved.reservation, order: reserved.order, sku: reserved.sku,
                outcome: .reserved(allocations: reserved.allocations))
        case let .reservationRejected(rejected):
            reservationResults[rejected.commandId] = StockReservationResult(
                reservation: rejected.reservation, order: rejected.order, sku: rejected.sku,
                outcome: .rejected(code: rejected.code, available: rejected.available, reason: rejected.reason))
        case let .reservationReleased(released):
            finish(released.reservation, as: .released, event)
        case let .reservationCommitted(committed):
            finish(committed.reservation, as: .committed, event)
        default:
            position.apply(event)
        }
        if let forgotten = recentCommands.insert(event.commandId) {
            reservationResults.removeValue(forKey: forgotten)
        }
    }

    private mutating func finish(_ id: String, as status: Reservation.Status, _ event: InventoryEvent) {
        guard var reservation = reservations[id], reservation.status == .reserved else { return }
        reservation.status = status
        reservations[id] = reservation
        position.apply(event)
        if let forgotten = finishedReservations.insert(id) {
            reservations[forgotten] = nil
        }
    }
}
