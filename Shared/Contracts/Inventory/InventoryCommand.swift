/// The messages of `inventory.commands.v1` and `inventory.inbound.v1`.
public enum InventoryCommand: MessageFamily, Equatable {
    case receiveStock(ReceiveStock)
    case adjustStock(AdjustStock)

    public static let messageTypes = [ReceiveStock.messageType, AdjustStock.messageType]

    /// The partition key: every inventory command is keyed by its SKU.
    public var sku: SKU {
        switch self {
        case let .receiveStock(command): command.sku
        case let .adjustStock(command): command.sku
        }
    }

    public var warehouse: WarehouseID {
        switch self {
        case let .receiveStock(command): command.warehouse
        case let .adjustStock(command): command.warehouse
        }
    }

    public var messageType: String {
        switch self {
        case .receiveStock: ReceiveStock.messageType
        case .adjustStock: AdjustStock.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .receiveStock: ReceiveStock.messageVersion
        case .adjustStock: AdjustStock.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .receiveStock(command): try command.encode(to: encoder)
        case let .adjustStock(command): try command.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if ReceiveStock.matches(messageType, version) {
            self = .receiveStock(try ReceiveStock(from: decoder))
        } else if AdjustStock.matches(messageType, version) {
            self = .adjustStock(try AdjustStock(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
