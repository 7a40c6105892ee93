import Foundation
import Testing
@testable import Contracts

/// The order-saga messages of inventory, frozen. The command and event fixtures are also covered by
/// `GoldenFixtureTests` (they are part of `Samples.commands`/`events`); this suite adds the reply,
/// which belongs to the order family, and the shape rules of the new payloads.
@Suite struct SagaFixtureTests {
    @Test(arguments: SagaSamples.replies.map(\.0))
    func encodesStockReservationResult_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(SagaSamples.replies.first { $0.0 == fixture }?.1)
        let expected = try FixtureFiles.bytes(fixture)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), expected, fixture)
        #expect(try WireFormat.decode(expected, as: ReservationReplyFamily.self) == value)
        #expect(try WireFormat.decodeHeader(expected) == value.header)
    }

    @Test func replyType_isInTheOrderDomain() {
        #expect(StockReservationResult.messageType == "order.stock-reservation-result")
        #expect(StockReservationResult.messageVersion == 1)
        #expect(!InventoryCommand.messageTypes.contains(StockReservationResult.messageType))
        #expect(!InventoryEvent.messageTypes.contains(StockReservationResult.messageType))
    }

    @Test func everyInventoryMessageType_isUniqueAndInTheInventoryDomain() {
        let types = InventoryCommand.messageTypes + InventoryEvent.messageTypes
        #expect(Set(types).count == types.count)
        #expect(types.allSatisfy { $0.hasPrefix("inventory.") })
    }

    /// SKU messages are keyed by SKU (DESIGN principle 2); warehouse-level ones carry no SKU.
    @Test func sagaSamples_areKeyedBySKU_exceptWarehouseLevelMessages() {
        for (name, envelope) in SagaSamples.commands {
            #expect(envelope.key == (envelope.payload.sku?.rawValue ?? "WH-SH-01"), "\(name)")
        }
        for (name, envelope) in SagaSamples.events {
            if let sku = envelope.payload.sku { #expect(envelope.key == sku.rawValue, "\(name)") }
        }
    }

    @Test func reservationOutcome_withUnknownKind_isADeadLetterNamingIt() throws {
        let bytes = Array(#"{"causationId":null,"correlationId":"c","id":"m","key":"k","occurredAt":"2026-11-22T04:00:00.000Z","payload":{"order":"O","outcome":{"kind":"maybe"},"reservation":"O-L1","sku":"S"},"tenant":"t","type":"order.stock-reservation-result","version":1}"#.utf8)
        #expect {
            _ = try WireFormat.decode(bytes, as: ReservationReplyFamily.self)
        } throws: { error in
            "\(error)".contains("unknown reservation outcome \"maybe\"")
        }
    }

    @Test func allocation_encodesAsWarehouseAndQuantity() throws {
        let bytes = try WireFormat.encodeValue(WarehouseAllocation(warehouse: SagaSamples.beijing, quantity: 4))
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"quantity":4,"warehouse":"WH-BJ-01"}"#)
    }
}
