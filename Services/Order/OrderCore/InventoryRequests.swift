import Contracts

/// What the order saga asks of inventory: exactly the inventory command messages (the order core
/// decides them; the service sends each as its `InventoryCommand` case).
public typealias ReserveStockRequest = ReserveStock
public typealias ReleaseReservationRequest = ReleaseReservation
public typealias CommitReservationRequest = CommitReservation
public typealias ReceiveStockRequest = ReceiveStock

public enum InventoryRequest: Sendable, Equatable {
    case reserveStock(ReserveStockRequest)
    case releaseReservation(ReleaseReservationRequest)
    case commitReservation(CommitReservationRequest)
    /// Units of an approved return going back into the warehouse they were allocated from.
    case receiveStock(ReceiveStockRequest)

    public var sku: SKU {
        switch self {
        case let .reserveStock(request): request.sku
        case let .releaseReservation(request): request.sku
        case let .commitReservation(request): request.sku
        case let .receiveStock(request): request.sku
        }
    }

    /// The reservation (= order line) the request is about; nil for a return's `receive-stock`,
    /// which names the return in its `reference` instead.
    public var reservation: String? {
        switch self {
        case let .reserveStock(request): request.reservation
        case let .releaseReservation(request): request.reservation
        case let .commitReservation(request): request.reservation
        case .receiveStock: nil
        }
    }

    /// The wire type of the `InventoryCommand` case this maps to.
    public var messageType: String {
        switch self {
        case .reserveStock: ReserveStockRequest.messageType
        case .releaseReservation: ReleaseReservationRequest.messageType
        case .commitReservation: CommitReservationRequest.messageType
        case .receiveStock: ReceiveStockRequest.messageType
        }
    }
}
