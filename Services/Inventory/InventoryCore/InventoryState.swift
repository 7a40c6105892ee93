import Contracts

/// What inventory knows about the SKUs of one partition: on-hand and reserved per warehouse,
/// reservations, safety stock, the regions of warehouses, and the recently handled command ids so a
/// repeated command is recognised. A pure fold of `inventory.events.v1` (`apply`), and `Codable` for
/// local checkpoints.
public struct InventoryState: Sendable, Equatable, Codable {
    /// Default for `rememberedCommandsPerSKU`: covers a crash-replay window of 1,000 commands on one
    /// SKU (several seconds of a flash sale) at ~100 bytes per id, plus the replies of the remembered
    /// reserves (~300 bytes each). The same bound applies to finished reservations kept per SKU.
    /// See `RecentCommandIDs` for why a bound is safe.
    public static let defaultRememberedCommandsPerSKU = 1_000

    public let rememberedCommandsPerSKU: Int
    var skus: [SKU: SKUStock] = [:]
    /// The region each warehouse serves for one supplier, as its `SetWarehouseRegion` set it.
    public internal(set) var supplierWarehouseRegions: [CompanyID: [WarehouseID: String]] = [:]
    /// Regions set before they were kept per supplier (a command without a supplier): they apply to
    /// every supplier that has not set its own for the warehouse.
    public internal(set) var sharedWarehouseRegions: [WarehouseID: String] = [:]
    /// Recently handled warehouse-level commands (they name no SKU).
    var recentWarehouseCommands: RecentCommandIDs

    public init(rememberedCommandsPerSKU: Int = InventoryState.defaultRememberedCommandsPerSKU) {
        precondition(rememberedCommandsPerSKU > 0, "must remember at least one command per SKU")
        self.rememberedCommandsPerSKU = rememberedCommandsPerSKU
        recentWarehouseCommands = RecentCommandIDs(limit: rememberedCommandsPerSKU)
    }

    /// The region `warehouse` serves for the stock of `supplier`: its own setting, else the shared
    /// one. Nil supplier (a reservation from before regions were per supplier): the shared one.
    /// Looked up per warehouse, so a reservation builds no merged map.
    public func warehouseRegion(_ warehouse: WarehouseID, of supplier: CompanyID?) -> String? {
        supplier.flatMap { supplierWarehouseRegions[$0]?[warehouse] } ?? sharedWarehouseRegions[warehouse]
    }

    /// Every region that applies to the stock of `supplier` (see `warehouseRegion`).
    public func warehouseRegions(of supplier: CompanyID?) -> [WarehouseID: String] {
        guard let supplier, let own = supplierWarehouseRegions[supplier] else { return sharedWarehouseRegions }
        return sharedWarehouseRegions.merging(own) { _, supplierOwn in supplierOwn }
    }

    /// On-hand of `sku` in `warehouse`, or nil when that warehouse has never held the SKU.
    public func onHand(of sku: SKU, in warehouse: WarehouseID) -> Int64? {
        skus[sku]?.position.onHand[warehouse]
    }

    /// Units of `sku` held by open reservations in `warehouse`.
    public func reserved(of sku: SKU, in warehouse: WarehouseID) -> Int64 {
        skus[sku]?.position.reserved(in: warehouse) ?? 0
    }

    /// On-hand minus reserved of `sku` in `warehouse`; never negative.
    public func available(of sku: SKU, in warehouse: WarehouseID) -> Int64 {
        skus[sku]?.position.available(in: warehouse) ?? 0
    }

    /// Available units of `sku` across all warehouses.
    public func available(of sku: SKU) -> Int64 { skus[sku]?.position.totalAvailable ?? 0 }

    /// Every warehouse holding a record for `sku`, with its on-hand.
    public func warehouses(of sku: SKU) -> [WarehouseID: Int64] {
        skus[sku]?.position.onHand ?? [:]
    }

    /// The reservation `id` of `sku`, while it is open or among the recently finished ones.
    public func reservation(_ id: String, of sku: SKU) -> Reservation? { skus[sku]?.reservations[id] }

    /// Open (status `reserved`) reservations of `sku`, by id.
    public func openReservations(of sku: SKU) -> [Reservation] {
        guard let reservations = skus[sku]?.reservations else { return [] }
        return reservations.summaries.filter { $0.summary == .reserved }.compactMap { reservations[$0.key] }
            .sorted { $0.id < $1.id }
    }

    /// The safety stock of `sku` in `warehouse`, or SKU-wide when `warehouse` is nil; 0 = none.
    public func safetyStock(of sku: SKU, in warehouse: WarehouseID? = nil) -> Int64 {
        guard let position = skus[sku]?.position else { return 0 }
        guard let warehouse else { return position.safetyStock }
        return position.warehouseSafetyStock[warehouse] ?? 0
    }

    /// The SKUs with any state, sorted.
    public var knownSKUs: [SKU] { skus.keys.sorted() }

    /// True when a command with this id was handled (applied or rejected) for `sku` recently enough
    /// to be remembered.
    public func hasHandled(_ commandId: MessageID, for sku: SKU) -> Bool {
        skus[sku]?.recentCommands.contains(commandId) ?? false
    }

    /// True when a warehouse-level command (one naming no SKU) with this id was handled recently.
    public func hasHandledWarehouseCommand(_ commandId: MessageID) -> Bool {
        recentWarehouseCommands.contains(commandId)
    }

    /// The reply a remembered `ReserveStock` command got, to send again when it is repeated.
    public func reservationResult(of commandId: MessageID, for sku: SKU) -> StockReservationResult? {
        skus[sku]?.reservationResults[commandId]
    }
}
