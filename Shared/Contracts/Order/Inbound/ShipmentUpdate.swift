import Foundation

/// Inbound record (carrier or WMS -> `shipment.inbound.v1`, key = the buyer company): a sub-order
/// left the warehouse with a carrier and tracking number, or the carrier delivered it. The order
/// service checks it and relays it to the buyer's order partition as `order.ship` or
/// `order.confirm-delivery`; a record it cannot use goes to `shipment.inbound.v1.dlq` with the reason.
///
/// The envelope id is the sender's id of the update: sending the same record again changes nothing.
public struct ShipmentUpdate: MessagePayload, Hashable {
    public static let messageType = "shipment.update"
    public static let messageVersion = 1

    public enum Status: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
        case shipped = "shipped"
        case delivered = "delivered"
    }

    public let order: OrderID
    public let buyer: CompanyID
    public let subOrder: String
    /// The supplier whose sub-order it is (only it may ship it).
    public let supplier: CompanyID
    public let status: Status
    /// Required when shipped, e.g. "SF Express"; at most 100 characters.
    public let carrier: String?
    /// Required when shipped; at most 100 characters.
    public let trackingNumber: String?

    public init(order: OrderID, buyer: CompanyID, subOrder: String, supplier: CompanyID, status: Status,
                carrier: String? = nil, trackingNumber: String? = nil) {
        self.order = order
        self.buyer = buyer
        self.subOrder = subOrder
        self.supplier = supplier
        self.status = status
        self.carrier = carrier
        self.trackingNumber = trackingNumber
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", subOrder = "subOrder", supplier = "supplier", status = "status"
        case carrier = "carrier", trackingNumber = "trackingNumber"
    }
}

extension ShipmentUpdate: SingleMessageFamily {}
