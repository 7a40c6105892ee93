import Contracts

/// The inventory side of the audit, folded from `inventory.events.v1` in each SKU's partition
/// order (a SKU's events are all in one partition, so the sequence per SKU is the real one).
///
/// Per SKU and warehouse: stock = received + adjustments, sold = committed, reserved = open
/// reservations. After every event: reserved >= 0, on hand (stock - sold) >= 0 and
/// reserved <= on hand, i.e. reserved + sold <= stock and available never below zero.
/// The on-hand and available figures inventory wrote into its events are compared with the
/// figures the stream adds up to: a difference means a movement was lost or applied twice.
struct StockAudit: Sendable {
    struct WarehouseStock: Sendable {
        var received: Int64 = 0
        var adjusted: Int64 = 0
        var committed: Int64 = 0
        var reserved: Int64 = 0
        var onHand: Int64 { received &+ adjusted &- committed }
        var available: Int64 { onHand &- reserved }
    }

    struct ReservationTrack: Sendable {
        enum Status: String, Sendable { case reserved, released, committed }
        let id: String
        let order: OrderID
        let sku: SKU
        let allocations: [Allocation]
        let reservedBy: MessageID
        var status: Status
    }

    struct SKUTrack: Sendable {
        var warehouses: [WarehouseID: WarehouseStock] = [:]
        /// Commands already decided for this SKU (the first event of each decision).
        var commands: Set<MessageID> = []
        var reservations: [String: ReservationTrack] = [:]

        var totalOnHand: Int64 { warehouses.values.reduce(0) { $0 &+ $1.onHand } }
        var totalAvailable: Int64 { warehouses.values.reduce(0) { $0 &+ $1.available } }
    }

    private(set) var skus: [SKU: SKUTrack] = [:]
    private(set) var events = 0
    private(set) var violations: ViolationLog

    init(examples: Int) {
        violations = ViolationLog(limit: examples)
    }

    mutating func observe(_ event: InventoryEvent, at position: RecordPosition?, duplicates: inout ViolationLog) {
        events += 1
        guard let sku = event.sku else { return }
        if case .lowStock = event { return } // follows its decision's event, same command: changes nothing
        var track = skus.removeValue(forKey: sku) ?? SKUTrack()
        defer { skus[sku] = track }
        // Every decision writes exactly one state event first (then maybe `low-stock`), so a second
        // one for the same command means the command was decided twice: a movement applied twice.
        guard track.commands.insert(event.commandId).inserted else {
            duplicates.add(sku.rawValue, "command \(event.commandId) decided twice (again as \(event.messageType))",
                           at: position)
            return
        }
        switch event {
        case let .stockReceived(received):
            track.warehouses[received.warehouse, default: WarehouseStock()].received &+= received.quantity
            compareOnHand(track, sku, received.warehouse, reported: received.onHand, position)
            check(track, sku, [received.warehouse], position)
        case let .stockAdjusted(adjusted):
            track.warehouses[adjusted.warehouse, default: WarehouseStock()].adjusted &+= adjusted.delta
            compareOnHand(track, sku, adjusted.warehouse, reported: adjusted.onHand, position)
            check(track, sku, [adjusted.warehouse], position)
        case let .stockReserved(reserved):
            if let existing = track.reservations[reserved.reservation] {
                duplicates.add(reserved.reservation,
                               "reservation reserved twice on \(sku) (first by command \(existing.reservedBy), \(existing.status.rawValue))",
                               at: position)
                return
            }
            track.reservations[reserved.reservation] = ReservationTrack(
                id: reserved.reservation, order: reserved.order, sku: sku, allocations: reserved.allocations, reservedBy: reserved.commandId,
                status: .reserved)
            move(&track, reserved.allocations, reserved: 1, committed: 0)
            compareAvailable(track, sku, reported: reserved.available, position)
            check(track, sku, reserved.allocations.map(\.warehouse), position)
        case let .reservationReleased(released):
            guard finish(&track, released.reservation, as: .released, position, duplicates: &duplicates) else { return }
            move(&track, released.allocations, reserved: -1, committed: 0)
            compareAvailable(track, sku, reported: released.available, position)
            check(track, sku, released.allocations.map(\.warehouse), position)
        case let .reservationCommitted(committed):
            guard finish(&track, committed.reservation, as: .committed, position, duplicates: &duplicates) else { return }
            move(&track, committed.allocations, reserved: -1, committed: 1)
            if track.totalOnHand != committed.onHand {
                violations.add(sku.rawValue, "commit reports on hand \(committed.onHand), the stream adds up to \(track.totalOnHand)",
                               at: position)
            }
            compareAvailable(track, sku, reported: committed.available, position)
            check(track, sku, committed.allocations.map(\.warehouse), position)
        case .stockCommandRejected, .reservationRejected, .lowStock, .safetyStockSet, .warehouseRegionSet,
             .warehouseCommandRejected:
            break
        }
    }

    /// Marks a reservation released or committed; false (and a duplicate) when it was not held.
    private func finish(_ track: inout SKUTrack, _ id: String, as status: ReservationTrack.Status,
                        _ position: RecordPosition?, duplicates: inout ViolationLog) -> Bool {
        guard var reservation = track.reservations[id] else {
            duplicates.add(id, "\(status.rawValue) but never reserved", at: position)
            return false
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
        for allocation in allocations {
            track.warehouses[allocation.warehouse, default: WarehouseStock()].reserved &+= reserved &* allocation.quantity
            track.warehouses[allocation.warehouse, default: WarehouseStock()].committed &+= committed &* allocation.quantity
        }
    }

    private mutating func check(_ track: SKUTrack, _ sku: SKU, _ warehouses: [WarehouseID],
                                _ position: RecordPosition?) {
        for warehouse in Set(warehouses) {
            guard let stock = track.warehouses[warehouse] else { continue }
            let subject = "\(sku)@\(warehouse)"
            let figures = "stock \(stock.received &+ stock.adjusted), sold \(stock.committed), reserved \(stock.reserved)"
            if stock.onHand < 0 {
                violations.add(subject, "on hand below zero (\(stock.onHand)): \(figures)", at: position)
            } else if stock.reserved < 0 {
                violations.add(subject, "reserved below zero: \(figures)", at: position)
            } else if stock.available < 0 {
                violations.add(subject, "oversold: reserved + sold exceeds stock by \(-stock.available) (\(figures))",
                               at: position)
            }
        }
    }

    private mutating func compareOnHand(_ track: SKUTrack, _ sku: SKU, _ warehouse: WarehouseID, reported: Int64,
                                        _ position: RecordPosition?) {
        let computed = track.warehouses[warehouse]?.onHand ?? 0
        guard computed != reported else { return }
        violations.add("\(sku)@\(warehouse)", "inventory reports on hand \(reported), the stream adds up to \(computed)",
                       at: position)
    }

    private mutating func compareAvailable(_ track: SKUTrack, _ sku: SKU, reported: Int64, _ position: RecordPosition?) {
        guard track.totalAvailable != reported else { return }
        violations.add(sku.rawValue, "inventory reports \(reported) available, the stream adds up to \(track.totalAvailable)",
                       at: position)
    }
}
