import Contracts

/// Decides inventory commands against the current state. Pure: no clock, no I/O, no globals; the
/// same command and state always give the same decision.
///
/// Rules common to all commands:
/// - a command already handled (by id, for its SKU; or for the partition, for warehouse-level
///   commands) is a `.duplicate`; a repeated `ReserveStock` carries its original reply again;
/// - quantities are bounded by `maximumQuantity`; free-text audit fields are non-blank and at most
///   `maximumTextLength` characters;
/// - in every warehouse 0 <= reserved <= on-hand, so available never goes negative: reserves take
///   only what is available, adjustments may not take on-hand below what is reserved, commits take
///   on-hand and reserved down together;
/// - `low-stock` follows the event whose effect takes available below a safety stock.
/// Stock rules are in `+Stock`, reservation rules in `+Reservations`, warehouse rules in `+Warehouses`.
public struct InventoryDecider: Sendable {
    public static let defaultMaximumQuantity: Int64 = 1_000_000_000
    public static let maximumTextLength = 256
    public static let maximumRegionLength = 64

    /// The largest quantity or |delta| one command may move: a typo guard (an extra few zeros), not
    /// a warehouse capacity.
    public let maximumQuantity: Int64

    public init(maximumQuantity: Int64 = InventoryDecider.defaultMaximumQuantity) {
        self.maximumQuantity = maximumQuantity
    }

    public func decide(_ command: Envelope<InventoryCommand>, state: InventoryState) -> InventoryDecision {
        let id = command.id
        switch command.payload {
        case let .setWarehouseRegion(set):
            if state.hasHandledWarehouseCommand(id) { return .duplicate }
            return decide(set, id: id)
        case let .reserveStock(reserve):
            if state.hasHandled(id, for: reserve.sku) {
                let original = state.reservationResult(of: id, for: reserve.sku)
                return .duplicate(replies: original.map { [InventoryReply(key: replyKey(of: reserve), payload: $0)] } ?? [])
            }
            return decide(reserve, id: id, state: state)
        case let .releaseReservation(release):
            if state.hasHandled(id, for: release.sku) { return .duplicate }
            return decide(release, id: id, stock: state.skus[release.sku])
        case let .commitReservation(commit):
            if state.hasHandled(id, for: commit.sku) { return .duplicate }
            return decide(commit, id: id, stock: state.skus[commit.sku])
        case let .receiveStock(receive):
            if state.hasHandled(id, for: receive.sku) { return .duplicate }
            return settle(decide(receive, id: id, position: position(of: receive.sku, in: state)),
                          id: id, sku: receive.sku, warehouse: receive.warehouse, state: state)
        case let .adjustStock(adjust):
            if state.hasHandled(id, for: adjust.sku) { return .duplicate }
            return settle(decide(adjust, id: id, position: position(of: adjust.sku, in: state)),
                          id: id, sku: adjust.sku, warehouse: adjust.warehouse, state: state)
        case let .setSafetyStock(set):
            if state.hasHandled(id, for: set.sku) { return .duplicate }
            return settle(decide(set, id: id, position: position(of: set.sku, in: state)),
                          id: id, sku: set.sku, warehouse: set.warehouse, state: state)
        }
    }

    // MARK: shared helpers

    func position(of sku: SKU, in state: InventoryState) -> StockPosition {
        state.skus[sku]?.position ?? StockPosition()
    }

    /// An accepted SKU event, followed by a `low-stock` for every safety stock its effect crosses
    /// (SKU-wide first, then warehouses by id). "Crosses" means available was at or above the level
    /// before and is below it after, so a level is reported once per crossing.
    func accept(_ event: InventoryEvent, id: MessageID, sku: SKU, before: StockPosition,
                replies: [InventoryReply] = []) -> InventoryDecision {
        var after = before
        after.apply(event)
        let crossed = after.lowScopes.subtracting(before.lowScopes).sorted { lhs, rhs in
            guard let lhs else { return true }
            guard let rhs else { return false }
            return lhs < rhs
        }
        let warnings = crossed.map { scope in
            InventoryEvent.lowStock(LowStock(
                commandId: id, sku: sku, warehouse: scope,
                available: scope.map(after.available(in:)) ?? after.totalAvailable,
                safetyStock: scope.map { after.warehouseSafetyStock[$0] ?? 0 } ?? after.safetyStock))
        }
        return .accepted([event] + warnings, replies: replies)
    }

    /// A refusal of a SKU command as a `stock-command-rejected` event.
    func reject(_ refusal: Refusal, id: MessageID, sku: SKU, warehouse: WarehouseID?) -> InventoryDecision {
        .rejected(.stockCommandRejected(StockCommandRejected(
            commandId: id, sku: sku, warehouse: warehouse, code: refusal.code, field: refusal.field,
            reason: refusal.reason)))
    }

    private func settle(_ result: Result<InventoryEvent, Refusal>, id: MessageID, sku: SKU, warehouse: WarehouseID?,
                        state: InventoryState) -> InventoryDecision {
        switch result {
        case let .success(event): accept(event, id: id, sku: sku, before: position(of: sku, in: state))
        case let .failure(refusal): reject(refusal, id: id, sku: sku, warehouse: warehouse)
        }
    }

    /// Why a free-text field is unacceptable, or nil.
    func textProblem(_ text: String, limit: Int = InventoryDecider.maximumTextLength) -> String? {
        if text.allSatisfy(\.isWhitespace) { return "must not be blank" }
        if text.count > limit { return "must be at most \(limit) characters, got \(text.count)" }
        return nil
    }
}
