import Contracts

/// A command the order saga sends to another service, with the partition key it must be produced
/// with: inventory requests go to `inventory.commands.v1` keyed by SKU, payment requests to
/// `payment.commands.v1` keyed by payer (= buyer) company.
public enum Outbound: Sendable, Equatable {
    case inventory(InventoryRequest)
    case payment(PaymentRequest)

    /// The Kafka key: the SKU for inventory, the payer company id for payment.
    public var key: String {
        switch self {
        case let .inventory(request): request.sku.rawValue
        case let .payment(request): request.payer.rawValue
        }
    }

    /// The topic to produce to.
    public var topicName: String {
        switch self {
        case .inventory: Topics.inventoryCommands.name
        case .payment: Topics.paymentCommands.name
        }
    }

    /// The wire type the service maps the request to, e.g. "inventory.reserve-stock".
    public var messageType: String {
        switch self {
        case let .inventory(request): request.messageType
        case let .payment(request): request.messageType
        }
    }

    /// The envelope id when it derives from the business fact rather than from the deciding command:
    /// a return's `receive-stock` is named by its reference ("RMA <order>/<returnId>"), SKU and
    /// warehouse, so whatever command approved the return, inventory sees one id per put-back.
    /// (A return's refund needs no such id: payment issues a refund id once per order.) Nil for
    /// every other request, whose id derives from the command, the type and the output index.
    public var derivedId: MessageID? {
        switch self {
        case let .inventory(.receiveStock(request)):
            .derived(from: request.reference, ReceiveStockRequest.messageType, request.sku.rawValue, request.warehouse.rawValue)
        case .inventory, .payment:
            nil
        }
    }
}
