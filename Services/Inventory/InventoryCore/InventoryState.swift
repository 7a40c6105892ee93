import Contracts

/// What inventory knows: on-hand per SKU per warehouse, and the recently handled command ids per
/// SKU so a repeated command is recognised. A pure fold of `inventory.events.v1` (`apply`), and
/// `Codable` for local checkpoints.
public struct InventoryState: Sendable, Equatable, Codable {
    /// Default for `rememberedCommandsPerSKU`: covers a crash-replay window of 1,000 commands on one
    /// SKU (several seconds of a flash sale) at ~100 bytes per id, i.e. at most ~100 KB for a SKU
    /// that has seen that many commands. See `RecentCommandIDs` for why a bound is safe.
    public static let defaultRememberedCommandsPerSKU = 1_000

    public let rememberedCommandsPerSKU: Int
    var skus: [SKU: SKUStock] = [:]

    public init(rememberedCommandsPerSKU: Int = InventoryState.defaultRememberedCommandsPerSKU) {
        precondition(rememberedCommandsPerSKU > 0, "must remember at least one command per SKU")
        self.rememberedCommandsPerSKU = rememberedCommandsPerSKU
    }

    /// On-hand of `sku` in `warehouse`, or nil when that warehouse has never held the SKU.
    public func onHand(of sku: SKU, in warehouse: WarehouseID) -> Int64? {
        skus[sku]?.onHand[warehouse]
    }

    /// Every warehouse holding a record for `sku`, with its on-hand.
    public func warehouses(of sku: SKU) -> [WarehouseID: Int64] {
        skus[sku]?.onHand ?? [:]
    }

    /// The SKUs with any state, sorted.
    public var knownSKUs: [SKU] { skus.keys.sorted() }

    /// True when a command with this id was handled (applied or rejected) for `sku` recently enough
    /// to be remembered.
    public func hasHandled(_ commandId: MessageID, for sku: SKU) -> Bool {
        skus[sku]?.recentCommands.contains(commandId) ?? false
    }
}

/// One SKU's stock and its recently handled commands.
struct SKUStock: Sendable, Equatable, Codable {
    var onHand: [WarehouseID: Int64] = [:]
    var recentCommands: RecentCommandIDs
}
