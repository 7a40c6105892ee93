import Contracts

/// The answer to a supplier's stock command that asked for one (`replyTo`): what the decision did,
/// read from its events and from the state after them. Pure; the service produces it to the
/// asking gateway instance after the events are on `inventory.events.v1`.
public enum StockCommandAnswer {
    /// Nil for a command that asked for no answer (the saga's, an ERP's through the inbound topic).
    public static func reply(to command: Envelope<InventoryCommand>, decision: InventoryDecision,
                             after state: InventoryState) -> (address: ReplyAddress, reply: StockCommandReply)? {
        guard let address = command.payload.replyTo, let sku = command.payload.sku else { return nil }
        let warehouse = command.payload.warehouse
        func answer(_ outcome: StockCommandReply.Outcome, code: RejectionCode? = nil, field: String? = nil,
                    reason: String? = nil) -> (ReplyAddress, StockCommandReply) {
            let recorded = outcome == .recorded
            return (address, StockCommandReply(
                requestId: address.requestId, commandId: command.id, sku: sku, warehouse: warehouse, outcome: outcome,
                onHand: recorded ? warehouse.flatMap { state.onHand(of: sku, in: $0) } : nil,
                available: recorded ? state.available(of: sku) : nil, code: code, field: field, reason: reason))
        }
        switch decision.outcome {
        case .accepted:
            return answer(.recorded)
        case .rejected:
            for case let .stockCommandRejected(rejected) in decision.events {
                return answer(.rejected, code: rejected.code, field: rejected.field, reason: rejected.reason)
            }
            return answer(.rejected, reason: "refused")
        case .duplicate, .unchanged:
            return answer(.duplicate)
        }
    }
}
