import Testing
import Contracts
import InventoryCore
import Runtime

/// Random interleavings of receive / adjust / reserve / release / commit / safety stock, including
/// repeated commands: after every step, in every warehouse, 0 <= reserved <= on-hand (available is
/// never negative), reserved equals what open reservations hold, and a reserve is granted exactly
/// when enough is available. The event log restores the same state. Seeded, so a failure repeats.
@Suite struct InventoryNoOversellPropertyTests {
    static let warehouses: [WarehouseID] = [Build.shanghai, Build.beijing, Build.guangzhou]
    static let skus: [SKU] = [Build.sku, Build.id("SKU-HOT-1")]

    @Test(arguments: 0..<40)
    func neverOversells_underRandomInterleavings(_ seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        var harness = Harness(state: InventoryState(rememberedCommandsPerSKU: 64))
        harness.handle(Build.region("g-0", Self.warehouses[0], "east"))
        harness.handle(Build.region("g-1", Self.warehouses[1], "north"))
        var sent: [Envelope<InventoryCommand>] = []
        var reservations: [(id: String, order: OrderID, sku: SKU)] = []
        var seen: [String: Int] = [:]

        for step in 0..<500 {
            let sku = Self.skus.randomElement(using: &random)!
            let warehouse = Self.warehouses.randomElement(using: &random)!
            let id = "cmd-\(seed)-\(step)"
            let command: Envelope<InventoryCommand>
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<15:
                command = Build.receive(id, .random(in: 1...20, using: &random), into: warehouse, sku: sku)
            case 15..<30:
                command = Build.adjust(id, [-12, -5, -3, -1, 1, 4].randomElement(using: &random)!, in: warehouse, sku: sku)
            case 30..<65:
                let order: OrderID = Build.id("ORD-\(seed)-\(step)")
                let line = (id: "\(order)-L1", order: order, sku: sku)
                reservations.append(line)
                command = Build.reserve(id, line.id, .random(in: 1...15, using: &random), order: order, sku: sku,
                                        region: ["east", "north", nil].randomElement(using: &random)!)
            case 65..<78 where !reservations.isEmpty:
                let line = reservations.randomElement(using: &random)!
                command = Build.release(id, line.id, order: line.order, sku: line.sku)
            case 78..<90 where !reservations.isEmpty:
                let line = reservations.randomElement(using: &random)!
                command = Build.commit(id, line.id, order: line.order, sku: line.sku)
            case 90..<94:
                command = Build.safetyStock(id, .random(in: 0...20, using: &random),
                                            in: Bool.random(using: &random) ? warehouse : nil, sku: sku)
            default:
                guard let repeated = sent.randomElement(using: &random) else { continue }
                command = repeated
            }
            let before = ReserveCheck(command, harness.state)
            let decision = harness.handle(command)
            sent.append(command)
            try before?.verify(decision)
            for event in decision.events { seen[event.messageType, default: 0] += 1 }
            if decision.outcome == .duplicate { seen["duplicate", default: 0] += 1 }
            checkInvariants(harness.state, step: step, reconcile: step % 10 == 0)
        }
        checkInvariants(harness.state, step: 500, reconcile: true)
        // The run really interleaved everything it claims to (grants, refusals, releases, commits,
        // adjustments refused for reserved units, repeats).
        for kind in ["inventory.stock-reserved", "inventory.reservation-rejected", "inventory.reservation-released",
                     "inventory.reservation-committed", "inventory.stock-command-rejected", "duplicate"] {
            #expect(seen[kind, default: 0] > 0, "seed \(seed) never produced \(kind): \(seen)")
        }
        #expect(InventoryState(rememberedCommandsPerSKU: 64).applying(harness.published) == harness.state)
        let checkpoint = try WireFormat.decodeValue(InventoryState.self, from: StreamingJSONEncoder().encode(harness.state))
        #expect(checkpoint == harness.state)
    }

    /// Collects violations and expects none, so 20,000 steps cost one expectation each. With
    /// `reconcile`, also checks reserved against the open reservations (a sort of every open
    /// reservation: every 10th step keeps the test fast).
    private func checkInvariants(_ state: InventoryState, step: Int, reconcile: Bool) {
        var violations: [String] = []
        for sku in Self.skus {
            var heldBy: [WarehouseID: Int64] = [:]
            for allocation in (reconcile ? state.openReservations(of: sku) : []).lazy.flatMap(\.allocations) {
                heldBy[allocation.warehouse, default: 0] += allocation.quantity
            }
            var total: Int64 = 0
            for warehouse in Self.warehouses {
                let onHand = state.onHand(of: sku, in: warehouse) ?? 0
                let reserved = state.reserved(of: sku, in: warehouse)
                let held = heldBy[warehouse] ?? 0
                let available = state.available(of: sku, in: warehouse)
                if onHand < 0 { violations.append("\(sku)@\(warehouse): on hand \(onHand) < 0") }
                if reserved < 0 || reserved > onHand {
                    violations.append("\(sku)@\(warehouse): reserved \(reserved) outside 0...\(onHand)")
                }
                if available < 0 { violations.append("\(sku)@\(warehouse): available \(available) < 0") }
                if reconcile, reserved != held {
                    violations.append("\(sku)@\(warehouse): reserved \(reserved) but open reservations hold \(held)")
                }
                total += available
            }
            if state.available(of: sku) != total {
                violations.append("\(sku): total available \(state.available(of: sku)) != \(total)")
            }
        }
        #expect(violations.isEmpty, "step \(step): \(violations)")
    }
}

/// What a new, valid reserve must do, captured before it is decided (without copying the state):
/// it is granted exactly when the SKU has enough available, and then takes no more from a
/// warehouse than it had.
private struct ReserveCheck {
    let reserve: ReserveStock
    let available: Int64
    let availableByWarehouse: [WarehouseID: Int64]

    init?(_ command: Envelope<InventoryCommand>, _ state: InventoryState) {
        guard case let .reserveStock(reserve) = command.payload, !state.hasHandled(command.id, for: reserve.sku),
              state.reservation(reserve.reservation, of: reserve.sku) == nil else { return nil }
        self.reserve = reserve
        available = state.available(of: reserve.sku)
        availableByWarehouse = Dictionary(uniqueKeysWithValues: InventoryNoOversellPropertyTests.warehouses.map {
            ($0, state.available(of: reserve.sku, in: $0))
        })
    }

    func verify(_ decision: InventoryDecision) throws {
        if let allocations = decision.reserved {
            #expect(reserve.quantity <= available)
            #expect(allocations.reduce(0) { $0 + $1.quantity } == reserve.quantity)
            #expect(allocations.allSatisfy { $0.quantity > 0 && $0.quantity <= availableByWarehouse[$0.warehouse] ?? 0 })
        } else {
            let rejection = try #require(decision.reservationRejection)
            #expect(rejection.available == available)
            if rejection.code == .insufficientStock { #expect(reserve.quantity > available) }
        }
    }
}
