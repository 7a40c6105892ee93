import Contracts

/// What the order saga asks of inventory: exactly the inventory command messages (the order core
/// decides them; the service sends each as its `InventoryCommand` case).
public typealias ReserveStockRequest = ReserveStock
public typealias ReleaseReservationRequest = ReleaseReservation
public typealias CommitReservationRequest = CommitReservation

public enum InventoryRequest: Sendable, Equatable {
    case reserveStock(ReserveStockRequest)
    case releaseReservation(ReleaseReservationRequest)
    case commitReservation(CommitReservationRequest)

    public var sku: SKU {
        switch self {
        case let .reserveStock(request): request.sku
        case let .releaseReservation(request): request.sku
        case let .commitReservation(request): request.sku
        }
    }

    public var reservation: String {
        switch self {
        case let .reserveStock(request): request.reservation
        case let .releaseReservation(request): request.reservation
        case let .commitReservation(request): request.reservation
        }
    }

    /// The wire type of the `InventoryCommand` case this maps to.
    public var messageType: String {
        switch self {
        case .reserveStock: ReserveStockRequest.messageType
        case .releaseReservation: ReleaseReservationRequest.messageType
        case .commitReservation: CommitReservationRequest.messageType
        }
    }
}
