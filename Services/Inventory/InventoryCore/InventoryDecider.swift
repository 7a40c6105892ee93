import Contracts

/// Decides stock commands against the current state. Pure: no clock, no I/O, no globals; the same
/// command and state always give the same decision.
///
/// Rules:
/// - a command already handled for its SKU is a `.duplicate`;
/// - `quantity` is 1...maximumQuantity; `delta` is non-zero and at most maximumQuantity either way;
/// - `reference` and `reason` are non-blank and at most `maximumTextLength` characters;
/// - receiving into an unknown warehouse creates it; adjusting an unknown warehouse is refused;
/// - an adjustment may not take on-hand below zero.
public struct InventoryDecider: Sendable {
    public static let defaultMaximumQuantity: Int64 = 1_000_000_000
    public static let maximumTextLength = 256

    /// The largest quantity or |delta| one command may move: a typo guard (an extra few zeros), not
    /// a warehouse capacity.
    public let maximumQuantity: Int64

    public init(maximumQuantity: Int64 = InventoryDecider.defaultMaximumQuantity) {
        self.maximumQuantity = maximumQuantity
    }

    public func decide(_ command: Envelope<InventoryCommand>, state: InventoryState) -> InventoryDecision {
        let payload = command.payload
        if state.hasHandled(command.id, for: payload.sku) { return .duplicate }
        let result: Result<InventoryEvent, Refusal> = switch payload {
        case let .receiveStock(receive): decide(receive, id: command.id, state: state)
        case let .adjustStock(adjust): decide(adjust, id: command.id, state: state)
        }
        switch result {
        case let .success(event):
            return .accepted([event])
        case let .failure(refusal):
            return .rejected(StockCommandRejected(commandId: command.id, sku: payload.sku,
                                                  warehouse: payload.warehouse, code: refusal.code,
                                                  field: refusal.field, reason: refusal.reason))
        }
    }

    private func decide(_ command: ReceiveStock, id: MessageID, state: InventoryState) -> Result<InventoryEvent, Refusal> {
        guard (1...maximumQuantity).contains(command.quantity) else {
            return .failure(Refusal(.invalidQuantity, field: "quantity",
                                    "quantity must be between 1 and \(maximumQuantity), got \(command.quantity)"))
        }
        if let problem = textProblem(command.reference) {
            return .failure(Refusal(.invalidField, field: "reference", "reference \(problem)"))
        }
        let current = state.onHand(of: command.sku, in: command.warehouse) ?? 0
        let (onHand, overflow) = current.addingReportingOverflow(command.quantity)
        if overflow {
            return .failure(Refusal(.quantityOverflow, field: "quantity",
                                    "receiving \(command.quantity) onto \(current) exceeds the largest countable stock"))
        }
        return .success(.stockReceived(StockReceived(
            commandId: id, sku: command.sku, warehouse: command.warehouse, quantity: command.quantity,
            reference: command.reference, onHand: onHand)))
    }

    private func decide(_ command: AdjustStock, id: MessageID, state: InventoryState) -> Result<InventoryEvent, Refusal> {
        guard command.delta != 0, (-maximumQuantity...maximumQuantity).contains(command.delta) else {
            return .failure(Refusal(.invalidQuantity, field: "delta",
                                    "delta must be non-zero and between -\(maximumQuantity) and \(maximumQuantity), got \(command.delta)"))
        }
        if let problem = textProblem(command.reason) {
            return .failure(Refusal(.invalidField, field: "reason", "reason \(problem)"))
        }
        guard let current = state.onHand(of: command.sku, in: command.warehouse) else {
            return .failure(Refusal(.unknownWarehouse, field: "warehouse",
                                    "warehouse \(command.warehouse) holds no stock of \(command.sku); receive stock there first"))
        }
        let (onHand, overflow) = current.addingReportingOverflow(command.delta)
        if overflow {
            return .failure(Refusal(.quantityOverflow, field: "delta",
                                    "adjusting \(current) by \(command.delta) exceeds the largest countable stock"))
        }
        guard onHand >= 0 else {
            return .failure(Refusal(.insufficientStock, field: "delta",
                                    "delta \(command.delta) would leave on-hand at \(onHand) in warehouse \(command.warehouse) (on hand \(current))"))
        }
        return .success(.stockAdjusted(StockAdjusted(
            commandId: id, sku: command.sku, warehouse: command.warehouse, delta: command.delta,
            reason: command.reason, onHand: onHand)))
    }

    /// Why a free-text audit field is unacceptable, or nil.
    private func textProblem(_ text: String) -> String? {
        if text.allSatisfy(\.isWhitespace) { return "must not be blank" }
        if text.count > Self.maximumTextLength {
            return "must be at most \(Self.maximumTextLength) characters, got \(text.count)"
        }
        return nil
    }
}

/// A rejection before it is tied to a command.
private struct Refusal: Error {
    let code: RejectionCode
    let field: String?
    let reason: String

    init(_ code: RejectionCode, field: String?, _ reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }
}
