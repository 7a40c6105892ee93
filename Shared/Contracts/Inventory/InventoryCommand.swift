/// The messages of `inventory.commands.v1` and `inventory.inbound.v1`.
public enum InventoryCommand: MessageFamily, Equatable {
    case receiveStock(ReceiveStock)
    case adjustStock(AdjustStock)
    case reserveStock(ReserveStock)
    case releaseReservation(ReleaseReservation)
    case commitReservation(CommitReservation)
    case setSafetyStock(SetSafetyStock)
    case setWarehouseRegion(SetWarehouseRegion)

    public static let messageTypes = [
        ReceiveStock.messageType, AdjustStock.messageType, ReserveStock.messageType,
        ReleaseReservation.messageType, CommitReservation.messageType, SetSafetyStock.messageType,
        SetWarehouseRegion.messageType,
    ]

    /// The SKU, which is the partition key of every SKU command; nil for a warehouse-level command
    /// (`setWarehouseRegion`), which every partition receives a copy of.
    public var sku: SKU? {
        switch self {
        case let .receiveStock(command): command.sku
        case let .adjustStock(command): command.sku
        case let .reserveStock(command): command.sku
        case let .releaseReservation(command): command.sku
        case let .commitReservation(command): command.sku
        case let .setSafetyStock(command): command.sku
        case .setWarehouseRegion: nil
        }
    }

    /// The warehouse the command names, if it names one (reservations choose their own).
    public var warehouse: WarehouseID? {
        switch self {
        case let .receiveStock(command): command.warehouse
        case let .adjustStock(command): command.warehouse
        case let .setSafetyStock(command): command.warehouse
        case let .setWarehouseRegion(command): command.warehouse
        case .reserveStock, .releaseReservation, .commitReservation: nil
        }
    }

    /// Where the sender waits for the outcome, for the stock commands a supplier sends through the
    /// gateway; nil for the saga's reservation commands, whose answers go to the order service.
    public var replyTo: ReplyAddress? {
        switch self {
        case let .receiveStock(command): command.replyTo
        case let .adjustStock(command): command.replyTo
        case let .setSafetyStock(command): command.replyTo
        case .reserveStock, .releaseReservation, .commitReservation, .setWarehouseRegion: nil
        }
    }

    public var messageType: String { Swift.type(of: body).messageType }

    public var messageVersion: Int { Swift.type(of: body).messageVersion }

    public func encodePayload(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if ReceiveStock.matches(messageType, version) {
            self = .receiveStock(try ReceiveStock(from: decoder))
        } else if AdjustStock.matches(messageType, version) {
            self = .adjustStock(try AdjustStock(from: decoder))
        } else if ReserveStock.matches(messageType, version) {
            self = .reserveStock(try ReserveStock(from: decoder))
        } else if ReleaseReservation.matches(messageType, version) {
            self = .releaseReservation(try ReleaseReservation(from: decoder))
        } else if CommitReservation.matches(messageType, version) {
            self = .commitReservation(try CommitReservation(from: decoder))
        } else if SetSafetyStock.matches(messageType, version) {
            self = .setSafetyStock(try SetSafetyStock(from: decoder))
        } else if SetWarehouseRegion.matches(messageType, version) {
            self = .setWarehouseRegion(try SetWarehouseRegion(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }

    /// The payload of whichever case this is: type, version and encoding come from it.
    private var body: any MessagePayload {
        switch self {
        case let .receiveStock(command): command
        case let .adjustStock(command): command
        case let .reserveStock(command): command
        case let .releaseReservation(command): command
        case let .commitReservation(command): command
        case let .setSafetyStock(command): command
        case let .setWarehouseRegion(command): command
        }
    }
}
