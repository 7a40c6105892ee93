import Contracts
import InventoryCore
import Testing

/// What a supplier waiting at the gateway hears about a stock command: applied with the stock
/// after it, refused with the field and reason, or a retry of one handled before.
@Suite struct StockCommandAnswerTests {
    let address = ReplyAddress(instance: "gw-1", partition: 2, requestId: "req-1")

    func asking(_ commandId: String, _ payload: InventoryCommand) -> Envelope<InventoryCommand> {
        let withAddress: InventoryCommand = switch payload {
        case let .receiveStock(receive):
            .receiveStock(ReceiveStock(sku: receive.sku, warehouse: receive.warehouse, quantity: receive.quantity,
                                       reference: receive.reference, replyTo: address))
        case let .adjustStock(adjust):
            .adjustStock(AdjustStock(sku: adjust.sku, warehouse: adjust.warehouse, delta: adjust.delta, reason: adjust.reason,
                                     replyTo: address))
        case let .setSafetyStock(set):
            .setSafetyStock(SetSafetyStock(sku: set.sku, warehouse: set.warehouse, quantity: set.quantity, replyTo: address))
        default: payload
        }
        return Build.command(commandId, withAddress)
    }

    func answer(_ harness: inout Harness, _ command: Envelope<InventoryCommand>) -> StockCommandReply? {
        let decision = harness.handle(command)
        let answer = StockCommandAnswer.reply(to: command, decision: decision, after: harness.state)
        #expect(answer == nil || answer?.address == address)
        return answer?.reply
    }

    @Test func anAppliedCommand_isAnsweredWithTheStockAfterIt() {
        var harness = Harness()
        harness.stock([(Build.beijing, 4)])
        let received = answer(&harness, asking("cmd-1", Build.receive("x", 10).payload))
        #expect(received == StockCommandReply(requestId: "req-1", commandId: Build.id("cmd-1"), sku: Build.sku,
                                              warehouse: Build.shanghai, outcome: .recorded, onHand: 10, available: 14))
        let adjusted = answer(&harness, asking("cmd-2", Build.adjust("x", -3).payload))
        #expect(adjusted?.outcome == .recorded && adjusted?.onHand == 7 && adjusted?.available == 11)
        let safety = answer(&harness, asking("cmd-3", Build.safetyStock("x", 5).payload))
        #expect(safety?.outcome == .recorded && safety?.warehouse == nil && safety?.onHand == nil && safety?.available == 11)
    }

    @Test func aRefusedCommand_isAnsweredWithTheFieldAndReason_andChangesNothing() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        let refused = answer(&harness, asking("cmd-1", Build.adjust("x", -7).payload))
        #expect(refused?.outcome == .rejected)
        #expect(refused?.code == .insufficientStock && refused?.field == "delta")
        #expect(refused?.reason?.contains("on hand 5") == true, "\(refused?.reason ?? "")")
        #expect(refused?.onHand == nil && refused?.available == nil)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 5)
        let unknown = answer(&harness, asking("cmd-2", Build.adjust("x", -1, in: Build.guangzhou).payload))
        #expect(unknown?.code == .unknownWarehouse && unknown?.field == "warehouse")
    }

    @Test func aRetry_isAnsweredAsADuplicate() {
        var harness = Harness()
        #expect(answer(&harness, asking("cmd-1", Build.receive("x", 10).payload))?.outcome == .recorded)
        #expect(answer(&harness, asking("cmd-1", Build.receive("x", 10).payload))?.outcome == .duplicate)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 10)
    }

    @Test func commandsWithoutAnAddress_getNoAnswer() {
        var harness = Harness()
        #expect(answer(&harness, Build.receive("cmd-1", 10)) == nil, "an ERP's receipt through the inbound topic")
        #expect(answer(&harness, Build.reserve("cmd-2", "ORD-1-L1", 2)) == nil, "the saga's answers go to the order service")
    }
}
