import Contracts
import Foundation

/// A value that can be kept `Packed`.
public protocol Packable: Codable, Sendable {
    /// Preset deflate dictionary: JSON shaped like a typical value (key names in sorted order,
    /// recurring words), which roughly halves what a value of a few KB packs to. Changing it
    /// changes every packed value's bytes; checkpoints packed with another one are refused (see
    /// `Packed.init(from:)`) and the state is rebuilt from its topic.
    static var packingDictionary: [UInt8] { get }
}

extension Packable {
    public static var packingDictionary: [UInt8] { [] }
}

/// A value kept as deflated JSON: for state that is large in number, rarely read and never on the
/// hot path (an order waiting for shipment, a delivered one inside its return window), typically
/// a sixth of the memory the value takes as Swift structs, strings and arrays.
///
/// A plain value: compare what `unpacked` returns, never `bytes`. JSON in the wire configuration
/// (sorted keys, which the dictionary relies on; dates in milliseconds), as events carry it.
public struct Packed<Value: Packable>: Sendable {
    /// The deflated JSON.
    public let bytes: [UInt8]
    /// The JSON's length (a packed value is state of one key: far below 4 GiB).
    let jsonSize: UInt32

    public init(_ value: Value) throws {
        let json = try WireFormat.encodeValue(value)
        bytes = try Deflate.compress(json, dictionary: Value.packingDictionary)
        jsonSize = UInt32(json.count)
    }

    /// The value. Throws only for bytes that were not made by `init` (a damaged checkpoint).
    public func unpacked() throws -> Value {
        let json = try Deflate.decompress(bytes, originalSize: Int(jsonSize), dictionary: Value.packingDictionary)
        return try WireFormat.decodeValue(Value.self, from: json)
    }

    /// The value, for state packed by this process or read from its own checkpoint (whose JSON
    /// and dictionary checksum matched): failing here is a bug or a damaged file, never a missing
    /// value, so the service stops and says how to recover.
    public func unpackedOrStop() -> Value {
        do {
            return try unpacked()
        } catch {
            preconditionFailure("a packed \(Value.self) does not unpack (\(error)); if a checkpoint was damaged, "
                                + "delete the service's state directory and it is rebuilt from the topic")
        }
    }
}

/// In a checkpoint: `{"jsonSize", "deflated" (base64), "dictionary" (its Adler-32)}`.
extension Packed: Codable {
    private enum CodingKeys: String, CodingKey { case jsonSize, deflated, dictionary }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let dictionary = try container.decode(UInt32.self, forKey: .dictionary)
        guard dictionary == Deflate.checksum(Value.packingDictionary) else {
            throw DecodingError.dataCorruptedError(forKey: .dictionary, in: container, debugDescription:
                "packed with another preset dictionary (checksum \(dictionary)): written by another version")
        }
        jsonSize = try container.decode(UInt32.self, forKey: .jsonSize)
        bytes = Array(try container.decode(Data.self, forKey: .deflated))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jsonSize, forKey: .jsonSize)
        try container.encode(Data(bytes), forKey: .deflated)
        try container.encode(Deflate.checksum(Value.packingDictionary), forKey: .dictionary)
    }
}
