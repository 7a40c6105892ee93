import Foundation
@testable import Contracts

/// Builds the AsyncAPI 3.0 document of the public topics (`Shared/Contracts/asyncapi.json`) from
/// the topic registry and the golden fixtures. The fixtures are the real encoder's bytes (their
/// own tests check that byte for byte), so every example in the document is what a subscriber
/// really reads; each message's payload schema is inferred from its examples.
enum AsyncAPIDocument {
    /// A public channel: a topic outside systems read (`receive`) or write (`send`).
    struct Channel {
        let id: String
        let topic: AnyTopic
        let action: String
        let messageTypes: [String]
        let summary: String
    }

    static let channels: [Channel] = [
        Channel(id: "orderEvents", topic: Topics.orderEvents.erased, action: "receive", messageTypes: OrderEvent.messageTypes,
                summary: "Follow every order: placed, approved, stock reserved, confirmed, shipped, delivered, completed, returned, "
                    + "or rejected / cancelled / expired with a reason. Keyed by buyer company: one buyer's events are in order."),
        Channel(id: "inventoryEvents", topic: Topics.inventoryEvents.erased, action: "receive", messageTypes: InventoryEvent.messageTypes,
                summary: "Stock movements per SKU (received, adjusted, reserved, released, committed) and low-stock alerts."),
        Channel(id: "paymentEvents", topic: Topics.paymentEvents.erased, action: "receive", messageTypes: PaymentEvent.messageTypes,
                summary: "Credit reservations, payments received and reconciled, captures, refunds, invoices, split settlements "
                    + "and double-entry ledger postings, keyed by payer company."),
        Channel(id: "catalogEvents", topic: Topics.catalogEvents.erased, action: "receive", messageTypes: CatalogEvent.messageTypes,
                summary: "Products with their SKUs, listings and price lists; compacted, latest state per product."),
        Channel(id: "inventoryInbound", topic: Topics.inventoryInbound.erased, action: "send",
                messageTypes: [ReceiveStock.messageType, AdjustStock.messageType, SetSafetyStock.messageType, SetWarehouseRegion.messageType],
                summary: "ERP / WMS push stock: receipts, counted corrections, safety stock, warehouse regions. Key: the SKU "
                    + "(or any key for a warehouse region). Broken records go to inventory.inbound.v1.dlq with the reason."),
        Channel(id: "shipmentInbound", topic: Topics.shipmentInbound.erased, action: "send", messageTypes: [ShipmentUpdate.messageType],
                summary: "Carriers / WMS push shipment tracking: shipped (carrier + tracking number) or delivered. Key: the buyer "
                    + "company. Broken records go to shipment.inbound.v1.dlq with the field and reason in headers."),
    ]

    typealias Example = (name: String, envelope: [String: JSONValue])

    /// The fixtures of messages (`<type>.v<version>[.variant].json`), grouped by message type.
    static func examples(fixtures: [(name: String, bytes: [UInt8])]) throws -> [String: [Example]] {
        var byType: [String: [Example]] = [:]
        for fixture in fixtures {
            guard case let .object(envelope) = try WireFormat.decodeValue(JSONValue.self, from: fixture.bytes),
                  case let .string(type)? = envelope["type"], case let .integer(version)? = envelope["version"],
                  fixture.name.hasPrefix("\(type).v\(version).") else { continue }  // named for what it holds
            byType[type, default: []].append((fixture.name, envelope))
        }
        return byType
    }

    static func build(fixtures: [(name: String, bytes: [UInt8])]) throws -> JSONValue {
        let examples = try examples(fixtures: fixtures)
        var channelMembers: [String: JSONValue] = [:]
        var operations: [String: JSONValue] = [:]
        var messages: [String: JSONValue] = [:]
        for channel in channels {
            var references: [String: JSONValue] = [:]
            for type in channel.messageTypes {
                let id = messageId(type)
                references[id] = .object(["$ref": .string("#/components/messages/\(id)")])
                messages[id] = message(type, examples: examples[type] ?? [], key: channel.topic.keyedBy)
            }
            var configuration: [String: JSONValue] = ["cleanup.policy": .array([.string(channel.topic.cleanup.rawValue)])]
            configuration["retention.ms"] = .integer(channel.topic.retention.milliseconds)
            channelMembers[channel.id] = .object([
                "address": .string(channel.topic.name),
                "description": .string(channel.topic.summary),
                "messages": .object(references),
                "bindings": .object(["kafka": .object(["partitions": .integer(Int64(channel.topic.partitions)),
                                                       "topicConfiguration": .object(configuration)])]),
            ])
            let operationId = channel.action + channel.id.prefix(1).uppercased() + channel.id.dropFirst()
            operations[operationId] = .object([
                "action": .string(channel.action),
                "channel": .object(["$ref": .string("#/channels/\(channel.id)")]),
                "summary": .string(channel.summary),
                "messages": .array(channel.messageTypes.map { .object(["$ref": .string("#/channels/\(channel.id)/messages/\(messageId($0))")]) }),
            ])
        }
        return .object([
            "asyncapi": .string("3.0.0"),
            "info": .object([
                "title": .string("Tradeflow public topics"),
                "version": .string("1.0.0"),
                "description": .string(
                    "What outside systems (ERP, WMS, CRM, BI) read from and write to Tradeflow's Kafka. Every record value is a "
                    + "JSON envelope: id (unique, derived from its cause: de-duplicate by it), type and version (ignore types you do "
                    + "not know), occurredAt (UTC, milliseconds), causationId and correlationId (follow one request through every "
                    + "service), tenant, key (the Kafka key), payload. Money is {\"amount\": <integer minor units>, \"currency\": "
                    + "\"CNY\"}. Adding a field is compatible; renaming or retyping one means a new topic version (.v2). Generated "
                    + "from the topic registry and the golden fixtures by Tests/ContractsTests/AsyncAPITests.swift."),
            ]),
            "defaultContentType": .string("application/json"),
            "servers": .object([
                "dev": .object(["host": .string("127.0.0.1:<port in .tradeflow/kafka.bootstrap>"), "protocol": .string("kafka"),
                                "description": .string("./tradeflow dev: librdkafka's mock cluster, plaintext, no auth")]),
                "compose": .object(["host": .string("localhost:9092"), "protocol": .string("kafka"),
                                    "description": .string("docker compose up: Apache Kafka 3.8 (KRaft)")]),
            ]),
            "channels": .object(channelMembers),
            "operations": .object(operations),
            "components": .object(["messages": .object(messages)]),
        ])
    }

    static func messageId(_ type: String) -> String {
        type.split(whereSeparator: { $0 == "." || $0 == "-" }).enumerated()
            .map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
            .joined()
    }

    static func message(_ type: String, examples: [Example], key: PartitionKey) -> JSONValue {
        let optional = examples.reduce(into: Set<String>()) { paths, example in
            paths.formUnion(optionalPaths(in: .object(example.envelope)))
        }
        return .object([
            "name": .string(type),
            "title": .string(type),
            "contentType": .string("application/json"),
            "payload": schema(of: examples.map { .object($0.envelope) }, optional: optional),
            "examples": .array(examples.sorted { $0.name < $1.name }.map { .object(["name": .string($0.name), "payload": .object($0.envelope)]) }),
            "bindings": .object(["kafka": .object(["key": .object(["type": .string("string"), "description": .string(key.summary)])])]),
        ])
    }

    /// The paths ("payload.deliveryAddress.postcode", "payload.lines[].distributor") whose removal
    /// the real decoder accepts: optional fields, found by asking the decoder, not by guessing.
    static func optionalPaths(in envelope: JSONValue) -> Set<String> {
        var found: Set<String> = []
        func decodes(_ candidate: JSONValue) -> Bool {
            guard let bytes = try? WireFormat.encodeValue(candidate) else { return false }
            return (try? WireFormat.decode(bytes, as: AnyPublicMessage.self)) != nil
        }
        /// Visits every object member below `value`, rebuilding the envelope without it via `rebuild`.
        func visit(_ value: JSONValue, path: String, rebuild: (JSONValue) -> JSONValue) {
            switch value {
            case let .object(members):
                for (key, member) in members {
                    let memberPath = path.isEmpty ? key : "\(path).\(key)"
                    var without = members
                    without[key] = nil
                    if path.hasPrefix("payload"), decodes(rebuild(.object(without))) { found.insert(memberPath) }
                    visit(member, path: memberPath) { replacement in
                        var copy = members
                        copy[key] = replacement
                        return rebuild(.object(copy))
                    }
                }
            case let .array(items):
                guard let first = items.first else { return }
                visit(first, path: "\(path)[]") { replacement in rebuild(.array([replacement] + items.dropFirst())) }
            default:
                return
            }
        }
        visit(envelope, path: "") { $0 }
        return found
    }

    /// A JSON Schema covering every example: a property is required when every example has it and
    /// the decoder refuses the message without it.
    static func schema(of values: [JSONValue], optional: Set<String>, path: String = "") -> JSONValue {
        let present = values.filter { $0 != .null }
        func typed(_ type: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
            let name: JSONValue = present.count < values.count ? .array([.string(type), .string("null")]) : .string(type)
            return .object(extra.merging(["type": name]) { $1 })
        }
        if present.isEmpty { return .object(["type": .string("null")]) }
        let objects = present.compactMap { value -> [String: JSONValue]? in if case let .object(members) = value { members } else { nil } }
        if objects.count == present.count {
            let keys = Set(objects.flatMap(\.keys))
            var properties: [String: JSONValue] = [:]
            func memberPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
            for key in keys { properties[key] = schema(of: objects.map { $0[key] ?? .null }, optional: optional, path: memberPath(key)) }
            let required = keys.filter { key in
                !optional.contains(memberPath(key)) && objects.allSatisfy { ($0[key] ?? .null) != .null }
            }.sorted().map(JSONValue.string)
            return typed("object", ["properties": .object(properties), "required": .array(required)])
        }
        let arrays = present.compactMap { value -> [JSONValue]? in if case let .array(items) = value { items } else { nil } }
        if arrays.count == present.count {
            let items = arrays.flatMap { $0 }
            return items.isEmpty ? typed("array") : typed("array", ["items": schema(of: items, optional: optional, path: "\(path)[]")])
        }
        if present.allSatisfy({ if case .string = $0 { true } else { false } }) { return typed("string") }
        if present.allSatisfy({ if case .integer = $0 { true } else { false } }) { return typed("integer") }
        if present.allSatisfy({ if case .bool = $0 { true } else { false } }) { return typed("boolean") }
        if present.allSatisfy({ switch $0 { case .integer, .number: true; default: false } }) { return typed("number") }
        return .object([:])  // mixed kinds: any value
    }

    /// Deterministic bytes: sorted keys, pretty, slashes unescaped, final newline.
    static func encode(_ document: JSONValue) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(document)) + [UInt8(ascii: "\n")]
    }
}

/// Any message of a public channel, for asking the real decoders whether a message is valid.
struct AnyPublicMessage: MessageFamily {
    static let families: [any MessageFamily.Type] = [OrderEvent.self, InventoryEvent.self, InventoryCommand.self, PaymentEvent.self,
                                                     CatalogEvent.self, ShipmentUpdate.self]
    static var messageTypes: [String] { families.flatMap { $0.messageTypes } }
    let messageType: String
    let messageVersion: Int

    init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        for family in Self.families where family.messageTypes.contains(messageType) {
            _ = try family.init(messageType: messageType, version: version, payloadFrom: decoder)
            self.messageType = messageType
            messageVersion = version
            return
        }
        throw ContractError.unknownMessageType(messageType, version)
    }

    func encodePayload(to encoder: any Encoder) throws {}
}
