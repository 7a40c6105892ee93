import Foundation
import Testing
@testable import Contracts

/// The payment wire format, frozen like the inventory and catalog fixtures: a failure means bytes on
/// Kafka would change, a breaking change for every consumer (order, analytics, ERP following the
/// ledger). Add a field, or publish a new version; do not edit a fixture to make a test pass.
@Suite struct PaymentFixtureTests {
    @Test(arguments: PaymentSamples.commands.map(\.0))
    func encodesPaymentCommand_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(PaymentSamples.commands.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: PaymentCommand.self) == value)
        #expect(value.key == value.payload.partitionKey)
    }

    @Test(arguments: PaymentSamples.events.map(\.0))
    func encodesPaymentEvent_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(PaymentSamples.events.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: PaymentEvent.self) == value)
        #expect(value.key == value.payload.partitionKey)
    }

    @Test(arguments: PaymentSamples.results.map(\.0))
    func encodesPaymentResult_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(PaymentSamples.results.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: PaymentResult.self) == value)
    }

    @Test func everyPaymentMessageType_hasAFixture() throws {
        let types = PaymentCommand.messageTypes + PaymentEvent.messageTypes
        #expect(Set(types).count == types.count)
        #expect(Set(PaymentSamples.commands.map(\.1.type) + PaymentSamples.events.map(\.1.type)) == Set(types))
        for type in types {
            #expect(type.hasPrefix("payment."))
            #expect(try FixtureFiles.names().contains("\(type).v1.json"), "no fixture for \(type)")
        }
        #expect(PaymentResult.messageTypes == ["order.payment-result"])
        #expect(Set(PaymentSamples.results.map { "\($0.1.payload.outcome)".prefix(while: { $0 != "(" }) }).count == 7,
                "one fixture per outcome kind")
    }

    @Test func paymentMethod_andOutcomeKinds_areTheSpecsWireNames() throws {
        #expect(PaymentMethod.allCases.map(\.rawValue) == ["credit", "prepayment", "bank-transfer"])
        let text = String(decoding: try FixtureFiles.bytes("payment.reply.order.payment-result.v1.awaiting-payment.json"),
                          as: UTF8.self)
        #expect(text.contains(#""outcome":{"kind":"awaiting-payment","method":"bank-transfer","reference":"ORD-2026-0001"}"#))
    }

    @Test func unknownOutcomeKind_isADeadLetterReason() throws {
        let fixture = "payment.reply.order.payment-result.v1.voided.json"
        let text = String(decoding: try FixtureFiles.bytes(fixture), as: UTF8.self)
            .replacingOccurrences(of: #""kind":"voided""#, with: #""kind":"teleported""#)
        let error = #expect(throws: WireFormatError.self) { try WireFormat.decode(Array(text.utf8), as: PaymentResult.self) }
        #expect(error?.reason.contains("unknown payment outcome \"teleported\"") == true, "\(String(describing: error))")
    }

    @Test func unknownLedgerAccount_isADeadLetterReason() throws {
        let text = String(decoding: try FixtureFiles.bytes("payment.ledger-posted.v1.json"), as: UTF8.self)
            .replacingOccurrences(of: #""account":"cash""#, with: #""account":"wallet""#)
            .replacingOccurrences(of: #""account":"platform-revenue""#, with: #""account":"wallet""#)
        let error = #expect(throws: WireFormatError.self) { try WireFormat.decode(Array(text.utf8), as: PaymentEvent.self) }
        #expect(error?.reason.contains("unknown ledger account \"wallet\"") == true, "\(String(describing: error))")
    }

    @Test func samplePostingBalances_andSampleSharesAddUp() throws {
        #expect(PaymentSamples.capturePosting.isBalanced)
        for share in PaymentSamples.shares {
            #expect(try Money.sum(share.parts, in: .cny) == share.amount)
        }
    }
}
