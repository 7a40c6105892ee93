/// The messages of `inventory.events.v1`: everything that happened to stock, including refusals.
public enum InventoryEvent: MessageFamily, Equatable {
    case stockReceived(StockReceived)
    case stockAdjusted(StockAdjusted)
    case stockCommandRejected(StockCommandRejected)
    case stockReserved(StockReserved)
    case reservationReleased(ReservationReleased)
    case reservationCommitted(ReservationCommitted)
    case reservationRejected(ReservationRejected)
    case lowStock(LowStock)
    case safetyStockSet(SafetyStockSet)
    case warehouseRegionSet(WarehouseRegionSet)
    case warehouseCommandRejected(WarehouseCommandRejected)

    public static let messageTypes = [
        StockReceived.messageType, StockAdjusted.messageType, StockCommandRejected.messageType,
        StockReserved.messageType, ReservationReleased.messageType, ReservationCommitted.messageType,
        ReservationRejected.messageType, LowStock.messageType, SafetyStockSet.messageType,
        WarehouseRegionSet.messageType, WarehouseCommandRejected.messageType,
    ]

    /// The SKU, which is the partition key of every SKU event; nil for the warehouse-level events
    /// (`warehouseRegionSet`, `warehouseCommandRejected`), which are keyed like their command.
    public var sku: SKU? {
        switch self {
        case let .stockReceived(event): event.sku
        case let .stockAdjusted(event): event.sku
        case let .stockCommandRejected(event): event.sku
        case let .stockReserved(event): event.sku
        case let .reservationReleased(event): event.sku
        case let .reservationCommitted(event): event.sku
        case let .reservationRejected(event): event.sku
        case let .lowStock(event): event.sku
        case let .safetyStockSet(event): event.sku
        case .warehouseRegionSet, .warehouseCommandRejected: nil
        }
    }

    /// The command that produced this event.
    public var commandId: MessageID {
        switch self {
        case let .stockReceived(event): event.commandId
        case let .stockAdjusted(event): event.commandId
        case let .stockCommandRejected(event): event.commandId
        case let .stockReserved(event): event.commandId
        case let .reservationReleased(event): event.commandId
        case let .reservationCommitted(event): event.commandId
        case let .reservationRejected(event): event.commandId
        case let .lowStock(event): event.commandId
        case let .safetyStockSet(event): event.commandId
        case let .warehouseRegionSet(event): event.commandId
        case let .warehouseCommandRejected(event): event.commandId
        }
    }

    public var messageType: String { Swift.type(of: body).messageType }

    public var messageVersion: Int { Swift.type(of: body).messageVersion }

    public func encodePayload(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if StockReceived.matches(messageType, version) {
            self = .stockReceived(try StockReceived(from: decoder))
        } else if StockAdjusted.matches(messageType, version) {
            self = .stockAdjusted(try StockAdjusted(from: decoder))
        } else if StockCommandRejected.matches(messageType, version) {
            self = .stockCommandRejected(try StockCommandRejected(from: decoder))
        } else if StockReserved.matches(messageType, version) {
            self = .stockReserved(try StockReserved(from: decoder))
        } else if ReservationReleased.matches(messageType, version) {
            self = .reservationReleased(try ReservationReleased(from: decoder))
        } else if ReservationCommitted.matches(messageType, version) {
            self = .reservationCommitted(try ReservationCommitted(from: decoder))
        } else if ReservationRejected.matches(messageType, version) {
            self = .reservationRejected(try ReservationRejected(from: decoder))
        } else if LowStock.matches(messageType, version) {
            self = .lowStock(try LowStock(from: decoder))
        } else if SafetyStockSet.matches(messageType, version) {
            self = .safetyStockSet(try SafetyStockSet(from: decoder))
        } else if WarehouseRegionSet.matches(messageType, version) {
            self = .warehouseRegionSet(try WarehouseRegionSet(from: decoder))
        } else if WarehouseCommandRejected.matches(messageType, version) {
            self = .warehouseCommandRejected(try WarehouseCommandRejected(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }

    /// The payload of whichever case this is: type, version and encoding come from it.
    private var body: any MessagePayload {
        switch self {
        case let .stockReceived(event): event
        case let .stockAdjusted(event): event
        case let .stockCommandRejected(event): event
        case let .stockReserved(event): event
        case let .reservationReleased(event): event
        case let .reservationCommitted(event): event
        case let .reservationRejected(event): event
        case let .lowStock(event): event
        case let .safetyStockSet(event): event
        case let .warehouseRegionSet(event): event
        case let .warehouseCommandRejected(event): event
        }
    }
}
