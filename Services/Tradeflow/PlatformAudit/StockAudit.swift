import Contracts

/// The inventory side of the audit, folded from `inventory.events.v1` in each SKU's partition
/// order (a SKU's events are all in one partition, so the sequence per SKU is the real one).
///
/// Per SKU and warehouse: stock = received + adjustments, sold = committed, reserved = open
/// reservations. After every event: reserved >= 0, on hand (stock - sold) >= 0 and
/// reserved <= on hand, i.e. reserved + sold <= stock and available never below zero.
/// The on-hand and available figures inventory wrote into its events are compared with the
/// figures the stream adds up to: a difference means a movement was lost or applied twice.
///
/// A SKU whose partition is partial (retention deleted its beginning) starts from unknown
/// balances: each one is seeded from the first figure inventory reports for it, and from then on
/// the window's movements must add up to every later figure (see `StockAudit+Figures.swift`).
struct StockAudit: Sendable {
    struct WarehouseStock: Sendable {
        var received: Int64 = 0
        var adjusted: Int64 = 0
        var committed: Int64 = 0
        /// Reserved minus released and committed, over what was read: below zero in a partial
        /// window when reservations made before it are given back.
        var reserved: Int64 = 0
        /// On hand before the first movement read: 0 for a complete history; for a partial one nil
        /// until inventory reports this warehouse's on hand (receipts and adjustments do).
        var onHandBefore: Int64?
        /// Units of reservations made before the window that were released or committed in it.
        var reservedBefore: Int64 = 0

        /// On hand, when known: what was there before plus the movements read.
        var onHand: Int64? { onHandBefore.map { $0 &+ movedOnHand } }
        var movedOnHand: Int64 { received &+ adjusted &- committed }
        /// Units held by reservations made in the window (or in the whole history); a partial
        /// window may hold more that were made before it, so this is a lower bound there.
        var held: Int64 { reserved &+ reservedBefore }
    }

    struct ReservationTrack: Sendable {
        enum Status: String, Sendable { case reserved, released, committed }
        let id: String
        let order: OrderID
        let sku: SKU
        let allocations: [Allocation]
        /// The command that reserved it; nil when it was reserved before the retained window.
        let reservedBy: MessageID?
        var status: Status
    }

    struct SKUTrack: Sendable {
        /// The SKU's partition was partial when its first event was read.
        let partial: Bool
        var warehouses: [WarehouseID: WarehouseStock] = [:]
        /// Commands already decided for this SKU (the first event of each decision).
        var commands: Set<MessageID> = []
        var reservations: [String: ReservationTrack] = [:]
        /// Available across warehouses before the first movement read (0 for a complete history;
        /// seeded from the first available figure inventory reports in a partial one).
        var availableBefore: Int64?
        /// On hand across warehouses before the first movement read (seeded like `availableBefore`).
        var onHandBefore: Int64?

        init(partial: Bool) {
            self.partial = partial
            if !partial {
                availableBefore = 0
                onHandBefore = 0
            }
        }

        /// A warehouse not seen before: empty in a complete history, unknown in a partial one.
        var newWarehouse: WarehouseStock { WarehouseStock(onHandBefore: partial ? nil : 0) }
        var movedOnHand: Int64 { warehouses.values.reduce(0) { $0 &+ $1.movedOnHand } }
        var movedAvailable: Int64 { warehouses.values.reduce(0) { $0 &+ $1.movedOnHand &- $1.reserved } }
        var totalOnHand: Int64? { onHandBefore.map { $0 &+ movedOnHand } }
        var totalAvailable: Int64? { availableBefore.map { $0 &+ movedAvailable } }
    }

    private(set) var skus: [SKU: SKUTrack] = [:]
    private(set) var events = 0
    /// Releases and commits of reservations made before a partial partition's window.
    private(set) var reservationsBeforeWindow = 0
    var violations: ViolationLog

    init(examples: Int) {
        violations = ViolationLog(limit: examples)
    }

    /// Folds one event; `partial` says whether its partition's history before it was deleted.
    mutating func observe(_ event: InventoryEvent, at position: RecordPosition?, partial: Bool,
                          duplicates: inout ViolationLog) {
        events += 1
        guard let sku = event.sku else { return }
        if case .lowStock = event { return } // follows its decision's event, same command: changes nothing
        var track = skus.removeValue(forKey: sku) ?? SKUTrack(partial: partial)
        defer { skus[sku] = track }
        // Every decision writes exactly one state event first (then maybe `low-stock`), so a second
        // one for the same command means the command was decided twice: a movement applied twice.
        guard track.commands.insert(event.commandId).inserted else {
            duplicates.add(sku.rawValue, "command \(event.commandId) decided twice (again as \(event.messageType))",
                           at: position)
            return
        }
        let fresh = track.newWarehouse
        switch event {
        case let .stockReceived(received):
            track.warehouses[received.warehouse, default: fresh].received &+= received.quantity
            compareOnHand(&track, sku, received.warehouse, reported: received.onHand, position)
            check(track, sku, [received.warehouse], position)
        case let .stockAdjusted(adjusted):
            track.warehouses[adjusted.warehouse, default: fresh].adjusted &+= adjusted.delta
            compareOnHand(&track, sku, adjusted.warehouse, reported: adjusted.onHand, position)
            check(track, sku, [adjusted.warehouse], position)
        case let .stockReserved(reserved):
            if let existing = track.reservations[reserved.reservation] {
                let first = existing.reservedBy.map { "first by command \($0)" } ?? "first before the retained window"
                duplicates.add(reserved.reservation,
                               "reservation reserved twice on \(sku) (\(first), \(existing.status.rawValue))",
                               at: position)
                return
            }
            track.reservations[reserved.reservation] = ReservationTrack(
                id: reserved.reservation, order: reserved.order, sku: sku, allocations: reserved.allocations, reservedBy: reserved.commandId,
                status: .reserved)
            move(&track, reserved.allocations, reserved: 1, committed: 0)
            compareAvailable(&track, sku, reported: reserved.available, position)
            check(track, sku, reserved.allocations.map(\.warehouse), position)
        case let .reservationReleased(released):
            guard finish(&track, sku, released.reservation, released.order, released.allocations, as: .released, position,
                         duplicates: &duplicates) else { return }
            move(&track, released.allocations, reserved: -1, committed: 0)
            compareAvailable(&track, sku, reported: released.available, position)
            check(track, sku, released.allocations.map(\.warehouse), position)
        case let .reservationCommitted(committed):
            guard finish(&track, sku, committed.reservation, committed.order, committed.allocations, as: .committed, position,
                         duplicates: &duplicates) else { return }
            move(&track, committed.allocations, reserved: -1, committed: 1)
            compareTotalOnHand(&track, sku, reported: committed.onHand, position)
            compareAvailable(&track, sku, reported: committed.available, position)
            check(track, sku, committed.allocations.map(\.warehouse), position)
        case .stockCommandRejected, .reservationRejected, .lowStock, .safetyStockSet, .warehouseRegionSet,
             .warehouseCommandRejected:
            break
        }
    }

    /// Marks a reservation released or committed; false (and a duplicate) when it was not held.
    /// In a partial window a reservation never seen reserved may have been reserved before the
    /// window began: it is recorded as such (so a second release is still caught) and its units
    /// counted as held from before the window.
    private mutating func finish(_ track: inout SKUTrack, _ sku: SKU, _ id: String, _ order: OrderID,
                                 _ allocations: [Allocation], as status: ReservationTrack.Status,
                                 _ position: RecordPosition?, duplicates: inout ViolationLog) -> Bool {
        guard var reservation = track.reservations[id] else {
            guard track.partial else {
                duplicates.add(id, "\(status.rawValue) but never reserved", at: position)
                return false
            }
            reservationsBeforeWindow += 1
            track.reservations[id] = ReservationTrack(id: id, order: order, sku: sku, allocations: allocations,
                                                      reservedBy: nil, status: status)
            let fresh = track.newWarehouse
            for allocation in allocations {
                track.warehouses[allocation.warehouse, default: fresh].reservedBefore &+= allocation.quantity
            }
            return true
        }
        guard reservation.status == .reserved else {
            duplicates.add(id, "\(status.rawValue) after it was already \(reservation.status.rawValue)", at: position)
            return false
        }
        reservation.status = status
        track.reservations[id] = reservation
        return true
    }

    private func move(_ track: inout SKUTrack, _ allocations: [Allocation], reserved: Int64, committed: Int64) {
        let fresh = track.newWarehouse
        for allocation in allocations {
            track.warehouses[allocation.warehouse, default: fresh].reserved &+= reserved &* allocation.quantity
            track.warehouses[allocation.warehouse, default: fresh].committed &+= committed &* allocation.quantity
        }
    }
}
