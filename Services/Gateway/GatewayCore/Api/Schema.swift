import Contracts

/// A JSON Schema (the subset OpenAPI 3.1 documents need), written next to the route that uses it.
public indirect enum Schema: Sendable {
    case string(format: String? = nil, description: String? = nil)
    case integer(description: String? = nil, minimum: Int64? = nil)
    case number
    case boolean
    case enumeration([String])
    case array(Schema, maxItems: Int? = nil)
    case object([Property], description: String? = nil)
    /// A map with arbitrary keys (e.g. attributes).
    case map(Schema)
    case reference(String)
    case nullable(Schema)

    public struct Property: Sendable {
        public let name: String
        public let schema: Schema
        public let required: Bool

        public init(_ name: String, _ schema: Schema, required: Bool = true) {
            self.name = name
            self.schema = schema
            self.required = required
        }
    }

    public static var string: Schema { .string() }
    public static var integer: Schema { .integer() }
    public static func ref(_ name: String) -> Schema { .reference(name) }

    /// Every value of a wire enum, so the document cannot fall behind the type.
    public static func values<Value: CaseIterable & RawRepresentable>(of type: Value.Type) -> Schema where Value.RawValue == String {
        .enumeration(Value.allCases.map(\.rawValue))
    }

    /// Money on the wire: integer minor units and an ISO-4217 currency code.
    public static var money: Schema {
        .object([Property("amount", .integer(description: "minor units, e.g. cents or fen")),
                 Property("currency", .string(description: "ISO-4217 code"))])
    }

    public var json: JSONValue {
        switch self {
        case let .string(format, description):
            var members: [String: JSONValue] = ["type": .string("string")]
            if let format { members["format"] = .string(format) }
            if let description { members["description"] = .string(description) }
            return .object(members)
        case let .integer(description, minimum):
            var members: [String: JSONValue] = ["type": .string("integer"), "format": .string("int64")]
            if let description { members["description"] = .string(description) }
            if let minimum { members["minimum"] = .integer(minimum) }
            return .object(members)
        case .number: return .object(["type": .string("number")])
        case .boolean: return .object(["type": .string("boolean")])
        case let .enumeration(values): return .object(["type": .string("string"), "enum": .array(values.map { .string($0) })])
        case let .array(items, maxItems):
            var members: [String: JSONValue] = ["type": .string("array"), "items": items.json]
            if let maxItems { members["maxItems"] = .integer(Int64(maxItems)) }
            return .object(members)
        case let .object(properties, description):
            var members: [String: JSONValue] = [
                "type": .string("object"),
                "properties": .object(Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0.schema.json) })),
            ]
            let required = properties.filter(\.required).map(\.name)
            if !required.isEmpty { members["required"] = .array(required.map { .string($0) }) }
            if let description { members["description"] = .string(description) }
            return .object(members)
        case let .map(values): return .object(["type": .string("object"), "additionalProperties": values.json])
        case let .reference(name): return .object(["$ref": .string("#/components/schemas/\(name)")])
        case let .nullable(schema): return .object(["oneOf": .array([schema.json, .object(["type": .string("null")])])])
        }
    }
}
