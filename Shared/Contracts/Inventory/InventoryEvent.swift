/// The messages of `inventory.events.v1`: everything that happened to stock, including refusals.
public enum InventoryEvent: MessageFamily, Equatable {
    case stockReceived(StockReceived)
    case stockAdjusted(StockAdjusted)
    case stockCommandRejected(StockCommandRejected)

    public static let messageTypes = [
        StockReceived.messageType, StockAdjusted.messageType, StockCommandRejected.messageType,
    ]

    /// The partition key: every inventory event is keyed by its SKU.
    public var sku: SKU {
        switch self {
        case let .stockReceived(event): event.sku
        case let .stockAdjusted(event): event.sku
        case let .stockCommandRejected(event): event.sku
        }
    }

    /// The command that produced this event.
    public var commandId: MessageID {
        switch self {
        case let .stockReceived(event): event.commandId
        case let .stockAdjusted(event): event.commandId
        case let .stockCommandRejected(event): event.commandId
        }
    }

    public var messageType: String {
        switch self {
        case .stockReceived: StockReceived.messageType
        case .stockAdjusted: StockAdjusted.messageType
        case .stockCommandRejected: StockCommandRejected.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .stockReceived: StockReceived.messageVersion
        case .stockAdjusted: StockAdjusted.messageVersion
        case .stockCommandRejected: StockCommandRejected.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .stockReceived(event): try event.encode(to: encoder)
        case let .stockAdjusted(event): try event.encode(to: encoder)
        case let .stockCommandRejected(event): try event.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if StockReceived.matches(messageType, version) {
            self = .stockReceived(try StockReceived(from: decoder))
        } else if StockAdjusted.matches(messageType, version) {
            self = .stockAdjusted(try StockAdjusted(from: decoder))
        } else if StockCommandRejected.matches(messageType, version) {
            self = .stockCommandRejected(try StockCommandRejected(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
