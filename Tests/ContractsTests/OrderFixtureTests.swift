import Foundation
import Testing
@testable import Contracts

/// The wire format of `order.commands.v1`, `order.events.v1` (public: ERP, WMS and CRM read it) and
/// the order reply, frozen like the inventory fixtures (see `GoldenFixtureTests`). A failure means
/// bytes on Kafka would change: add a field or publish a new `.vN`; do not edit a fixture to make a
/// test pass.
@Suite struct OrderFixtureTests {
    @Test(arguments: OrderSamples.commands.map(\.0))
    func encodesOrderCommand_byteForByteAsFixture_andDecodesBack(_ fixture: String) throws {
        let value = try #require(OrderSamples.commands.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: OrderCommand.self) == value)
    }

    @Test(arguments: OrderSamples.events.map(\.0))
    func encodesOrderEvent_byteForByteAsFixture_andDecodesBack(_ fixture: String) throws {
        let value = try #require(OrderSamples.events.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: OrderEvent.self) == value)
        #expect(value.key == value.payload.buyer.rawValue)
    }

    @Test(arguments: OrderSamples.replies.map(\.0))
    func encodesOrderReply_byteForByteAsFixture_andDecodesBack(_ fixture: String) throws {
        let value = try #require(OrderSamples.replies.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: OrderReply.self) == value)
    }

    @Test func everyOrderMessageType_hasAFixture() throws {
        let types = OrderCommand.messageTypes + OrderEvent.messageTypes + OrderReply.messageTypes
        let covered = OrderSamples.commands.map(\.1.type) + OrderSamples.events.map(\.1.type)
            + OrderSamples.replies.map(\.1.type)
        #expect(Set(covered) == Set(types))
        #expect(Set(types).count == types.count)
        for type in types {
            #expect(type.hasPrefix("order."))
            #expect(try FixtureFiles.names().contains("\(type).v1.json"), "no fixture for \(type)")
        }
    }

    @Test func everyPaymentAndReservationOutcomeKind_hasAFixture() throws {
        let names = try FixtureFiles.names()
        for kind in ["awaiting-payment", "paid", "rejected", "voided", "captured", "refunded"] {
            #expect(names.contains("order.payment-result.v1.\(kind).json"), "no fixture for payment outcome \(kind)")
        }
        #expect(names.contains("order.stock-reservation-result.v1.rejected.json"))
        for kind in ["orders", "sub-orders", "approval-rules", "rejected"] {
            #expect(names.contains("order.command-reply.v1.\(kind).json"), "no fixture for reply outcome \(kind)")
        }
    }

    @Test func unknownOutcomeKind_isADeadLetterReasonNamingTheKind() throws {
        let text = String(decoding: try FixtureFiles.bytes("order.payment-result.v1.json"), as: UTF8.self)
            .replacingOccurrences(of: #""kind":"authorized""#, with: #""kind":"teleported""#)
        let error = #expect(throws: WireFormatError.self) { try WireFormat.decode(Array(text.utf8), as: OrderCommand.self) }
        #expect(error?.reason.contains("unknown payment outcome \"teleported\"") == true, "\(String(describing: error))")
    }

    @Test func unknownPaymentMethod_isRefused_namingTheField() throws {
        let text = String(decoding: try FixtureFiles.bytes("order.place.v1.json"), as: UTF8.self)
            .replacingOccurrences(of: #""paymentMethod":"credit""#, with: #""paymentMethod":"cash""#)
        let error = #expect(throws: WireFormatError.self) { try WireFormat.decode(Array(text.utf8), as: OrderCommand.self) }
        #expect(error?.reason.hasPrefix("invalid value at payload.paymentMethod") == true, "\(String(describing: error))")
    }

    @Test func unknownOrderMessageType_isRefusedWithTypeAndVersion() throws {
        let text = String(decoding: try FixtureFiles.bytes("order.placed.v1.json"), as: UTF8.self)
            .replacingOccurrences(of: #""version":1"#, with: #""version":2"#)
        #expect(throws: WireFormatError.unknownMessageType(type: "order.placed", version: 2)) {
            try WireFormat.decode(Array(text.utf8), as: OrderEvent.self)
        }
    }

    @Test func derivedIds_followTheSagaSpec() {
        let order: OrderID = OrderSamples.order
        #expect(order.lineId(3) == "O-20261122-0001-L3")
        #expect(order.subOrderId(supplier: OrderSamples.teaSupplier) == "O-20261122-0001-S-SUP-HANGZHOU-TEA")
        #expect(order.refundId("cancel") == "O-20261122-0001-R-cancel")
    }

    @Test func payloadDates_areRoundedToTheWiresMilliseconds() throws {
        let expire = ExpireDue(buyer: OrderSamples.buyer, now: Date(timeIntervalSince1970: 1.0004))
        #expect(expire.now == Date(timeIntervalSince1970: 1.0))
        #expect(WireFormat.timestampText(expire.now) == "1970-01-01T00:00:01.000Z")
    }

    private func orderFixtureNames() throws -> [String] {
        try FixtureFiles.names().filter { $0.hasPrefix("order.") }
    }
}
