import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct OrderOutputTests {
    @Test func eventsAndOutboundCommands_getDistinctDeterministicIndexes_andTheReplyIndexZero() throws {
        var saga = Saga()
        let handled = saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]), id: "cmd-place")
        let output = handled.output
        #expect(output.events.count == 1)
        #expect(output.outbox.map(\.index) == [1, 2])
        for message in output.outbox {
            #expect(message.id == MessageID.derived(from: "cmd-place", message.request.messageType, String(message.index)))
        }
        #expect(Set(output.outbox.map(\.id)).count == 2)
        let event = try #require(output.events.first)
        #expect(event.id == MessageID.derived(from: "cmd-place", "order.placed", "0"))
        #expect(event.key == "BUYER-ACME" && event.causationId == T.id("cmd-place"))
        #expect(event.correlationId == T.correlation)
        let reply = try #require(output.reply)
        #expect(reply.id == MessageID.derived(from: "cmd-place", "order.command-reply", "0"))
        #expect(reply.key == "gw-1" && reply.payload.requestId == "req-1")
        #expect(output.replyTo == T.replyTo)
    }

    @Test func rejection_becomesACommandRejectedEvent_andARejectedReply() throws {
        var saga = Saga()
        let handled = saga.send(T.cancel("O-404"), id: "cmd-cancel")
        let event = try #require(handled.output.events.first)
        guard case let .commandRejected(rejected) = event.payload else { Issue.record("not a rejection"); return }
        #expect(rejected.commandId == T.id("cmd-cancel") && rejected.commandType == "order.cancel")
        #expect(rejected.code == .orderNotFound && rejected.field == "order" && rejected.order == T.id("O-404"))
        #expect(handled.reply?.outcome == .rejected(code: .orderNotFound, message: "buyer BUYER-ACME has no order O-404", field: "order"))
        #expect(saga.state.hasHandled(T.id("cmd-cancel"), buyer: T.buyer))
    }

    @Test func messageWithoutAUsableBuyer_isRejected_withoutAnEvent() {
        var saga = Saga()
        let handled = saga.send(T.reserved("O-1", line: 1, sku: "A"), key: "not a company!")
        #expect(handled.rejection?.message == "message key \"not a company!\" is not a buyer company id")
        #expect(handled.events.isEmpty)
    }

    @Test func outboundRequests_encodeExactlyTheSpecFields() throws {
        let reserve = ReserveStockRequest(reservation: "O-1-L1", order: T.id("O-1"), buyer: T.buyer, sku: T.id("A"),
                                          supplier: T.supplierA, quantity: 3, region: "CN-EAST", replyKey: "BUYER-ACME")
        #expect(String(decoding: try WireFormat.encodeValue(reserve), as: UTF8.self)
            == #"{"buyer":"BUYER-ACME","order":"O-1","quantity":3,"region":"CN-EAST","replyKey":"BUYER-ACME","reservation":"O-1-L1","sku":"A","supplier":"\#(T.supplierA.rawValue)"}"#)
        let release = ReleaseReservationRequest(reservation: "O-1-L1", order: T.id("O-1"), sku: T.id("A"), reason: "r",
                                                replyKey: "BUYER-ACME")
        #expect(String(decoding: try WireFormat.encodeValue(release), as: UTF8.self)
            == #"{"order":"O-1","reason":"r","replyKey":"BUYER-ACME","reservation":"O-1-L1","sku":"A"}"#)
        let commit = CommitReservationRequest(reservation: "O-1-L1", order: T.id("O-1"), sku: T.id("A"), replyKey: "B")
        #expect(String(decoding: try WireFormat.encodeValue(commit), as: UTF8.self)
            == #"{"order":"O-1","replyKey":"B","reservation":"O-1-L1","sku":"A"}"#)
        let authorize = AuthorizePaymentRequest(
            order: T.id("O-1"), payer: T.buyer, amount: T.cny(5), method: .bankTransfer,
            settlement: [.init(subOrder: "O-1-S-SUP-TEA", supplier: T.supplierA, distributor: nil, category: ["Tea"],
                               amount: T.cny(5))], replyKey: "BUYER-ACME")
        #expect(String(decoding: try WireFormat.encodeValue(authorize), as: UTF8.self)
            == #"{"amount":{"amount":5,"currency":"CNY"},"method":"bank-transfer","order":"O-1","payer":"BUYER-ACME","replyKey":"BUYER-ACME","settlement":[{"amount":{"amount":5,"currency":"CNY"},"category":["Tea"],"subOrder":"O-1-S-SUP-TEA","supplier":"SUP-TEA"}]}"#)
        let capture = CapturePaymentRequest(order: T.id("O-1"), payer: T.buyer, replyKey: "BUYER-ACME")
        #expect(String(decoding: try WireFormat.encodeValue(capture), as: UTF8.self)
            == #"{"order":"O-1","payer":"BUYER-ACME","replyKey":"BUYER-ACME"}"#)
        let void = VoidAuthorizationRequest(order: T.id("O-1"), payer: T.buyer, reason: "r", replyKey: "BUYER-ACME")
        #expect(String(decoding: try WireFormat.encodeValue(void), as: UTF8.self)
            == #"{"order":"O-1","payer":"BUYER-ACME","reason":"r","replyKey":"BUYER-ACME"}"#)
        let refund = RefundPaymentRequest(refund: "O-1-R-cancel", order: T.id("O-1"), payer: T.buyer, amount: T.cny(5),
                                          reason: "r", replyKey: "BUYER-ACME")
        #expect(String(decoding: try WireFormat.encodeValue(refund), as: UTF8.self)
            == #"{"amount":{"amount":5,"currency":"CNY"},"order":"O-1","payer":"BUYER-ACME","reason":"r","refund":"O-1-R-cancel","replyKey":"BUYER-ACME"}"#)
    }

    @Test func outbound_namesItsTopicKeyAndWireType() {
        let reserve = Outbound.inventory(.reserveStock(ReserveStockRequest(
            reservation: "O-1-L1", order: T.id("O-1"), buyer: T.buyer, sku: T.id("A"), supplier: T.supplierA, quantity: 1,
            region: nil, replyKey: "B")))
        #expect(reserve.topicName == Topics.inventoryCommands.name)
        #expect(reserve.key == "A" && reserve.messageType == "inventory.reserve-stock")
        let capture = Outbound.payment(.capture(CapturePaymentRequest(order: T.id("O-1"), payer: T.buyer, replyKey: "B")))
        #expect(capture.topicName == Topics.paymentCommands.name)
        #expect(capture.key == "BUYER-ACME" && capture.messageType == "payment.capture")
    }
}
