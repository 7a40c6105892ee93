import Contracts

// What the order saga asks of inventory. These mirror, field for field and key for key, the
// `inventory.*` commands of SAGA-SPEC, which the inventory engineer is adding to `InventoryCommand`
// concurrently; the order service maps each 1:1 onto its wire case (`messageType` names it). The
// JSON of each value is exactly the wire payload, so until the typed cases land the service can
// publish them as `RawFamily` payloads.

/// `inventory.reserve-stock` on `inventory.commands.v1`, key = SKU.
public struct ReserveStockRequest: Codable, Sendable, Hashable {
    public static let messageType = "inventory.reserve-stock"

    /// The order line id, which is the reservation id.
    public let reservation: String
    public let order: OrderID
    public let buyer: CompanyID
    public let sku: SKU
    public let quantity: Int64
    /// The delivery region, so inventory can prefer a nearby warehouse.
    public let region: String?
    /// The buyer company id: the reply goes to `order.commands.v1` under this key.
    public let replyKey: String

    public init(reservation: String, order: OrderID, buyer: CompanyID, sku: SKU, quantity: Int64, region: String?,
                replyKey: String) {
        self.reservation = reservation
        self.order = order
        self.buyer = buyer
        self.sku = sku
        self.quantity = quantity
        self.region = region
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case reservation = "reservation", order = "order", buyer = "buyer", sku = "sku", quantity = "quantity"
        case region = "region", replyKey = "replyKey"
    }
}

/// `inventory.release-reservation` on `inventory.commands.v1`, key = SKU.
public struct ReleaseReservationRequest: Codable, Sendable, Hashable {
    public static let messageType = "inventory.release-reservation"

    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    public let reason: String
    public let replyKey: String

    public init(reservation: String, order: OrderID, sku: SKU, reason: String, replyKey: String) {
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.reason = reason
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case reservation = "reservation", order = "order", sku = "sku", reason = "reason", replyKey = "replyKey"
    }
}

/// `inventory.commit-reservation` on `inventory.commands.v1`, key = SKU: the reserved units leave
/// on-hand.
public struct CommitReservationRequest: Codable, Sendable, Hashable {
    public static let messageType = "inventory.commit-reservation"

    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    public let replyKey: String

    public init(reservation: String, order: OrderID, sku: SKU, replyKey: String) {
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case reservation = "reservation", order = "order", sku = "sku", replyKey = "replyKey"
    }
}

/// One of the inventory requests, keyed by its SKU.
public enum InventoryRequest: Sendable, Hashable {
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
