import Contracts

/// Comparing inventory's own figures with what the stream adds up to, and the no-oversell rule.
///
/// A figure whose starting value is unknown (a partial partition) is not compared the first time
/// it is reported: that report seeds it (starting value = reported - movements read so far).
/// Every later report of it is compared, so a movement lost or applied twice inside the window is
/// still caught.
extension StockAudit {
    mutating func compareOnHand(_ track: inout SKUTrack, _ sku: SKU, _ warehouse: WarehouseID, reported: Int64,
                                _ position: RecordPosition?) {
        guard var stock = track.warehouses[warehouse] else { return }
        guard let computed = stock.onHand else {
            stock.onHandBefore = reported &- stock.movedOnHand
            track.warehouses[warehouse] = stock
            return
        }
        guard computed != reported else { return }
        violations.add("\(sku)@\(warehouse)", "inventory reports on hand \(reported), the stream adds up to \(computed)",
                       at: position)
    }

    mutating func compareTotalOnHand(_ track: inout SKUTrack, _ sku: SKU, reported: Int64, _ position: RecordPosition?) {
        guard let computed = track.totalOnHand else {
            track.onHandBefore = reported &- track.movedOnHand
            return
        }
        guard computed != reported else { return }
        violations.add(sku.rawValue, "commit reports on hand \(reported), the stream adds up to \(computed)", at: position)
    }

    mutating func compareAvailable(_ track: inout SKUTrack, _ sku: SKU, reported: Int64, _ position: RecordPosition?) {
        guard let computed = track.totalAvailable else {
            track.availableBefore = reported &- track.movedAvailable
            return
        }
        guard computed != reported else { return }
        violations.add(sku.rawValue, "inventory reports \(reported) available, the stream adds up to \(computed)",
                       at: position)
    }

    /// Per warehouse touched: on hand not below zero, reserved not below zero, held <= on hand.
    /// In a partial window a warehouse's on hand is known only once inventory reported it, and
    /// `held` counts only reservations made in the window (more may be held from before it), so a
    /// violation found is real; the SKU's seeded total available catches the rest.
    mutating func check(_ track: SKUTrack, _ sku: SKU, _ warehouses: [WarehouseID], _ position: RecordPosition?) {
        let before = violations.count
        for warehouse in Set(warehouses) {
            guard let stock = track.warehouses[warehouse] else { continue }
            let subject = "\(sku)@\(warehouse)"
            let figures = Self.figures(stock, partial: track.partial)
            if let onHand = stock.onHand, onHand < 0 {
                violations.add(subject, "on hand below zero (\(onHand)): \(figures)", at: position)
            } else if stock.held < 0 {
                violations.add(subject, "reserved below zero: \(figures)", at: position)
            } else if let onHand = stock.onHand, onHand &- stock.held < 0 {
                violations.add(subject, "oversold: reserved + sold exceeds stock by \(stock.held &- onHand) (\(figures))",
                               at: position)
            }
        }
        guard track.partial, violations.count == before, let available = track.totalAvailable, available < 0 else { return }
        violations.add(sku.rawValue, "oversold: available across warehouses is \(available) (seeded from inventory's figures at the window start)",
                       at: position)
    }

    private static func figures(_ stock: WarehouseStock, partial: Bool) -> String {
        let moved = "stock \(stock.received &+ stock.adjusted), sold \(stock.committed), reserved \(stock.held)"
        guard partial else { return moved }
        let before = stock.onHandBefore.map { "on hand \($0) before the window" } ?? "on hand before the window unknown"
        return "\(before); in the window \(moved)"
    }
}
