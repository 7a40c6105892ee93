import Foundation
import Testing
@testable import Contracts

/// The wire format of `notification.commands.v1`, `notification.events.v1` and the notification
/// reply, frozen like the other fixtures: a failure means bytes on Kafka would change. Add a field
/// or publish a new `.vN`; do not edit a fixture to make a test pass.
@Suite struct NotificationFixtureTests {
    @Test(arguments: NotificationSamples.commands.map(\.0))
    func encodesNotificationCommand_byteForByteAsFixture_andDecodesBack(_ fixture: String) throws {
        let value = try #require(NotificationSamples.commands.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: NotificationCommand.self) == value)
        #expect(value.key == value.payload.key)
    }

    @Test(arguments: NotificationSamples.events.map(\.0))
    func encodesNotificationEvent_byteForByteAsFixture_andDecodesBack(_ fixture: String) throws {
        let value = try #require(NotificationSamples.events.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: NotificationEvent.self) == value)
        #expect(value.key == value.payload.key)
    }

    @Test(arguments: NotificationSamples.replies.map(\.0))
    func encodesNotificationReply_byteForByteAsFixture_andDecodesBack(_ fixture: String) throws {
        let value = try #require(NotificationSamples.replies.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: NotificationReply.self) == value)
    }

    @Test func everyNotificationMessageType_hasAFixture() throws {
        let types = NotificationCommand.messageTypes + NotificationEvent.messageTypes + NotificationReply.messageTypes
        let covered = NotificationSamples.commands.map(\.1.type) + NotificationSamples.events.map(\.1.type)
            + NotificationSamples.replies.map(\.1.type)
        #expect(Set(covered) == Set(types))
        #expect(Set(types).count == types.count)
        for type in types {
            #expect(type.hasPrefix("notification."))
            #expect(try FixtureFiles.names().contains("\(type).v1.json"), "no fixture for \(type)")
        }
        for kind in ["webhooks", "webhook", "preferences", "done", "rejected"] {
            #expect(try FixtureFiles.names().contains("notification.command-reply.v1.\(kind).json"), "no reply fixture \(kind)")
        }
    }

    /// The derivation of notification and delivery ids is part of the contract (a change would
    /// make a relayed event look new after an upgrade).
    @Test func derivedIds_areFrozen() {
        #expect(NotificationSamples.notification.rawValue == MessageID.derived(
            from: "evt-order-0031", "notification", "BUYER-ACME", "order.confirmed").rawValue)
        #expect(NotificationSamples.delivery.rawValue == MessageID.derived(
            from: NotificationSamples.notification.rawValue, "delivery", "webhook", "wh-erp").rawValue)
    }

    @Test func topics_areTyped() {
        #expect(Topics.notificationCommands.name == "notification.commands.v1")
        #expect(Topics.named("notification.commands.v1")?.keyedBy == .companyId)
        #expect(Topics.named("notification.commands.v1.dlq") == Topics.notificationCommands.dlq)
        #expect(Topics.notificationCommands.erased.configs == ["cleanup.policy": "delete", "retention.ms": "604800000"])
    }

    @Test func unknownReplyKind_isADeadLetterReason() throws {
        let text = String(decoding: try FixtureFiles.bytes("notification.command-reply.v1.done.json"), as: UTF8.self)
            .replacingOccurrences(of: #""kind":"done""#, with: #""kind":"teleported""#)
        let error = #expect(throws: WireFormatError.self) { try WireFormat.decode(Array(text.utf8), as: NotificationReply.self) }
        #expect(error?.reason.contains("unknown reply outcome \"teleported\"") == true, "\(String(describing: error))")
    }
}
