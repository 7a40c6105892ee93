import Foundation

/// The messages of `order.events.v1`, keyed by buyer company: everything that happened to a buyer's
/// orders, in order. The order service folds its state from this topic, and it is public: ERP, WMS
/// and CRM systems follow orders on it (documented for outside subscribers).
///
/// Every event carries the command that caused it (`commandId`), the buyer, the time (`at`) and,
/// except `approval-rules-set`, the order.
public enum OrderEvent: MessageFamily, Equatable {
    case placed(OrderPlaced)
    case approvalRequested(OrderApprovalRequested)
    case approved(OrderApproved)
    case approvalRejected(OrderApprovalRejected)
    case lineReserved(OrderLineReserved)
    case lineReservationFailed(OrderLineReservationFailed)
    case stockReserved(OrderStockReserved)
    case awaitingPayment(OrderAwaitingPayment)
    case confirmed(OrderConfirmed)
    case rejected(OrderRejected)
    case cancelled(OrderCancelled)
    case expired(OrderExpired)
    case subOrderShipped(OrderSubOrderShipped)
    case subOrderCancelled(OrderSubOrderCancelled)
    case subOrderDelivered(OrderSubOrderDelivered)
    case completed(OrderCompleted)
    case reservationReleased(OrderReservationReleased)
    case paymentRecorded(OrderPaymentRecorded)
    case returnRequested(OrderReturnRequested)
    case returnApproved(OrderReturnApproved)
    case returnRejected(OrderReturnRejected)
    case returnRefunded(OrderReturnRefunded)
    case returnRefundFailed(OrderReturnRefundFailed)
    case approvalRulesSet(OrderApprovalRulesSet)
    case commandRejected(OrderCommandRejected)

    public static let messageTypes = [
        OrderPlaced.messageType, OrderApprovalRequested.messageType, OrderApproved.messageType,
        OrderApprovalRejected.messageType, OrderLineReserved.messageType, OrderLineReservationFailed.messageType,
        OrderStockReserved.messageType, OrderAwaitingPayment.messageType, OrderConfirmed.messageType,
        OrderRejected.messageType, OrderCancelled.messageType, OrderExpired.messageType,
        OrderSubOrderShipped.messageType, OrderSubOrderCancelled.messageType, OrderSubOrderDelivered.messageType,
        OrderCompleted.messageType,
        OrderReservationReleased.messageType, OrderPaymentRecorded.messageType, OrderApprovalRulesSet.messageType,
        OrderCommandRejected.messageType, OrderReturnRequested.messageType, OrderReturnApproved.messageType,
        OrderReturnRejected.messageType, OrderReturnRefunded.messageType, OrderReturnRefundFailed.messageType,
    ]

    /// The command this event came from.
    public var commandId: MessageID {
        switch self {
        case let .placed(event): event.commandId
        case let .approvalRequested(event): event.commandId
        case let .approved(event): event.commandId
        case let .approvalRejected(event): event.commandId
        case let .lineReserved(event): event.commandId
        case let .lineReservationFailed(event): event.commandId
        case let .stockReserved(event): event.commandId
        case let .awaitingPayment(event): event.commandId
        case let .confirmed(event): event.commandId
        case let .rejected(event): event.commandId
        case let .cancelled(event): event.commandId
        case let .expired(event): event.commandId
        case let .subOrderShipped(event): event.commandId
        case let .subOrderCancelled(event): event.commandId
        case let .subOrderDelivered(event): event.commandId
        case let .completed(event): event.commandId
        case let .reservationReleased(event): event.commandId
        case let .paymentRecorded(event): event.commandId
        case let .returnRequested(event): event.commandId
        case let .returnApproved(event): event.commandId
        case let .returnRejected(event): event.commandId
        case let .returnRefunded(event): event.commandId
        case let .returnRefundFailed(event): event.commandId
        case let .approvalRulesSet(event): event.commandId
        case let .commandRejected(event): event.commandId
        }
    }

    /// The buyer company: the partition key of every order event.
    public var buyer: CompanyID {
        switch self {
        case let .placed(event): event.buyer
        case let .approvalRequested(event): event.buyer
        case let .approved(event): event.buyer
        case let .approvalRejected(event): event.buyer
        case let .lineReserved(event): event.buyer
        case let .lineReservationFailed(event): event.buyer
        case let .stockReserved(event): event.buyer
        case let .awaitingPayment(event): event.buyer
        case let .confirmed(event): event.buyer
        case let .rejected(event): event.buyer
        case let .cancelled(event): event.buyer
        case let .expired(event): event.buyer
        case let .subOrderShipped(event): event.buyer
        case let .subOrderCancelled(event): event.buyer
        case let .subOrderDelivered(event): event.buyer
        case let .completed(event): event.buyer
        case let .reservationReleased(event): event.buyer
        case let .paymentRecorded(event): event.buyer
        case let .returnRequested(event): event.buyer
        case let .returnApproved(event): event.buyer
        case let .returnRejected(event): event.buyer
        case let .returnRefunded(event): event.buyer
        case let .returnRefundFailed(event): event.buyer
        case let .approvalRulesSet(event): event.buyer
        case let .commandRejected(event): event.buyer
        }
    }

    /// When it happened (the order service's clock).
    public var at: Date {
        switch self {
        case let .placed(event): event.at
        case let .approvalRequested(event): event.at
        case let .approved(event): event.at
        case let .approvalRejected(event): event.at
        case let .lineReserved(event): event.at
        case let .lineReservationFailed(event): event.at
        case let .stockReserved(event): event.at
        case let .awaitingPayment(event): event.at
        case let .confirmed(event): event.at
        case let .rejected(event): event.at
        case let .cancelled(event): event.at
        case let .expired(event): event.at
        case let .subOrderShipped(event): event.at
        case let .subOrderCancelled(event): event.at
        case let .subOrderDelivered(event): event.at
        case let .completed(event): event.at
        case let .reservationReleased(event): event.at
        case let .paymentRecorded(event): event.at
        case let .returnRequested(event): event.at
        case let .returnApproved(event): event.at
        case let .returnRejected(event): event.at
        case let .returnRefunded(event): event.at
        case let .returnRefundFailed(event): event.at
        case let .approvalRulesSet(event): event.at
        case let .commandRejected(event): event.at
        }
    }

    /// The order, for every event but `approval-rules-set`.
    public var order: OrderID? {
        switch self {
        case let .placed(event): event.order
        case let .approvalRequested(event): event.order
        case let .approved(event): event.order
        case let .approvalRejected(event): event.order
        case let .lineReserved(event): event.order
        case let .lineReservationFailed(event): event.order
        case let .stockReserved(event): event.order
        case let .awaitingPayment(event): event.order
        case let .confirmed(event): event.order
        case let .rejected(event): event.order
        case let .cancelled(event): event.order
        case let .expired(event): event.order
        case let .subOrderShipped(event): event.order
        case let .subOrderCancelled(event): event.order
        case let .subOrderDelivered(event): event.order
        case let .completed(event): event.order
        case let .reservationReleased(event): event.order
        case let .paymentRecorded(event): event.order
        case let .returnRequested(event): event.order
        case let .returnApproved(event): event.order
        case let .returnRejected(event): event.order
        case let .returnRefunded(event): event.order
        case let .returnRefundFailed(event): event.order
        case .approvalRulesSet: nil
        case let .commandRejected(event): event.order
        }
    }

    /// The Kafka key: the buyer company id.
    public var key: String { buyer.rawValue }

    public var messageType: String {
        switch self {
        case .placed: OrderPlaced.messageType
        case .approvalRequested: OrderApprovalRequested.messageType
        case .approved: OrderApproved.messageType
        case .approvalRejected: OrderApprovalRejected.messageType
        case .lineReserved: OrderLineReserved.messageType
        case .lineReservationFailed: OrderLineReservationFailed.messageType
        case .stockReserved: OrderStockReserved.messageType
        case .awaitingPayment: OrderAwaitingPayment.messageType
        case .confirmed: OrderConfirmed.messageType
        case .rejected: OrderRejected.messageType
        case .cancelled: OrderCancelled.messageType
        case .expired: OrderExpired.messageType
        case .subOrderShipped: OrderSubOrderShipped.messageType
        case .subOrderCancelled: OrderSubOrderCancelled.messageType
        case .subOrderDelivered: OrderSubOrderDelivered.messageType
        case .completed: OrderCompleted.messageType
        case .reservationReleased: OrderReservationReleased.messageType
        case .paymentRecorded: OrderPaymentRecorded.messageType
        case .returnRequested: OrderReturnRequested.messageType
        case .returnApproved: OrderReturnApproved.messageType
        case .returnRejected: OrderReturnRejected.messageType
        case .returnRefunded: OrderReturnRefunded.messageType
        case .returnRefundFailed: OrderReturnRefundFailed.messageType
        case .approvalRulesSet: OrderApprovalRulesSet.messageType
        case .commandRejected: OrderCommandRejected.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .placed: OrderPlaced.messageVersion
        case .approvalRequested: OrderApprovalRequested.messageVersion
        case .approved: OrderApproved.messageVersion
        case .approvalRejected: OrderApprovalRejected.messageVersion
        case .lineReserved: OrderLineReserved.messageVersion
        case .lineReservationFailed: OrderLineReservationFailed.messageVersion
        case .stockReserved: OrderStockReserved.messageVersion
        case .awaitingPayment: OrderAwaitingPayment.messageVersion
        case .confirmed: OrderConfirmed.messageVersion
        case .rejected: OrderRejected.messageVersion
        case .cancelled: OrderCancelled.messageVersion
        case .expired: OrderExpired.messageVersion
        case .subOrderShipped: OrderSubOrderShipped.messageVersion
        case .subOrderCancelled: OrderSubOrderCancelled.messageVersion
        case .subOrderDelivered: OrderSubOrderDelivered.messageVersion
        case .completed: OrderCompleted.messageVersion
        case .reservationReleased: OrderReservationReleased.messageVersion
        case .paymentRecorded: OrderPaymentRecorded.messageVersion
        case .returnRequested: OrderReturnRequested.messageVersion
        case .returnApproved: OrderReturnApproved.messageVersion
        case .returnRejected: OrderReturnRejected.messageVersion
        case .returnRefunded: OrderReturnRefunded.messageVersion
        case .returnRefundFailed: OrderReturnRefundFailed.messageVersion
        case .approvalRulesSet: OrderApprovalRulesSet.messageVersion
        case .commandRejected: OrderCommandRejected.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .placed(event): try event.encode(to: encoder)
        case let .approvalRequested(event): try event.encode(to: encoder)
        case let .approved(event): try event.encode(to: encoder)
        case let .approvalRejected(event): try event.encode(to: encoder)
        case let .lineReserved(event): try event.encode(to: encoder)
        case let .lineReservationFailed(event): try event.encode(to: encoder)
        case let .stockReserved(event): try event.encode(to: encoder)
        case let .awaitingPayment(event): try event.encode(to: encoder)
        case let .confirmed(event): try event.encode(to: encoder)
        case let .rejected(event): try event.encode(to: encoder)
        case let .cancelled(event): try event.encode(to: encoder)
        case let .expired(event): try event.encode(to: encoder)
        case let .subOrderShipped(event): try event.encode(to: encoder)
        case let .subOrderCancelled(event): try event.encode(to: encoder)
        case let .subOrderDelivered(event): try event.encode(to: encoder)
        case let .completed(event): try event.encode(to: encoder)
        case let .reservationReleased(event): try event.encode(to: encoder)
        case let .paymentRecorded(event): try event.encode(to: encoder)
        case let .returnRequested(event): try event.encode(to: encoder)
        case let .returnApproved(event): try event.encode(to: encoder)
        case let .returnRejected(event): try event.encode(to: encoder)
        case let .returnRefunded(event): try event.encode(to: encoder)
        case let .returnRefundFailed(event): try event.encode(to: encoder)
        case let .approvalRulesSet(event): try event.encode(to: encoder)
        case let .commandRejected(event): try event.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if OrderPlaced.matches(messageType, version) {
            self = .placed(try OrderPlaced(from: decoder))
        } else if OrderApprovalRequested.matches(messageType, version) {
            self = .approvalRequested(try OrderApprovalRequested(from: decoder))
        } else if OrderApproved.matches(messageType, version) {
            self = .approved(try OrderApproved(from: decoder))
        } else if OrderApprovalRejected.matches(messageType, version) {
            self = .approvalRejected(try OrderApprovalRejected(from: decoder))
        } else if OrderLineReserved.matches(messageType, version) {
            self = .lineReserved(try OrderLineReserved(from: decoder))
        } else if OrderLineReservationFailed.matches(messageType, version) {
            self = .lineReservationFailed(try OrderLineReservationFailed(from: decoder))
        } else if OrderStockReserved.matches(messageType, version) {
            self = .stockReserved(try OrderStockReserved(from: decoder))
        } else if OrderAwaitingPayment.matches(messageType, version) {
            self = .awaitingPayment(try OrderAwaitingPayment(from: decoder))
        } else if OrderConfirmed.matches(messageType, version) {
            self = .confirmed(try OrderConfirmed(from: decoder))
        } else if OrderRejected.matches(messageType, version) {
            self = .rejected(try OrderRejected(from: decoder))
        } else if OrderCancelled.matches(messageType, version) {
            self = .cancelled(try OrderCancelled(from: decoder))
        } else if OrderExpired.matches(messageType, version) {
            self = .expired(try OrderExpired(from: decoder))
        } else if OrderSubOrderShipped.matches(messageType, version) {
            self = .subOrderShipped(try OrderSubOrderShipped(from: decoder))
        } else if OrderSubOrderCancelled.matches(messageType, version) {
            self = .subOrderCancelled(try OrderSubOrderCancelled(from: decoder))
        } else if OrderSubOrderDelivered.matches(messageType, version) {
            self = .subOrderDelivered(try OrderSubOrderDelivered(from: decoder))
        } else if OrderCompleted.matches(messageType, version) {
            self = .completed(try OrderCompleted(from: decoder))
        } else if OrderReservationReleased.matches(messageType, version) {
            self = .reservationReleased(try OrderReservationReleased(from: decoder))
        } else if OrderPaymentRecorded.matches(messageType, version) {
            self = .paymentRecorded(try OrderPaymentRecorded(from: decoder))
        } else if OrderReturnRequested.matches(messageType, version) {
            self = .returnRequested(try OrderReturnRequested(from: decoder))
        } else if OrderReturnApproved.matches(messageType, version) {
            self = .returnApproved(try OrderReturnApproved(from: decoder))
        } else if OrderReturnRejected.matches(messageType, version) {
            self = .returnRejected(try OrderReturnRejected(from: decoder))
        } else if OrderReturnRefunded.matches(messageType, version) {
            self = .returnRefunded(try OrderReturnRefunded(from: decoder))
        } else if OrderReturnRefundFailed.matches(messageType, version) {
            self = .returnRefundFailed(try OrderReturnRefundFailed(from: decoder))
        } else if OrderApprovalRulesSet.matches(messageType, version) {
            self = .approvalRulesSet(try OrderApprovalRulesSet(from: decoder))
        } else if OrderCommandRejected.matches(messageType, version) {
            self = .commandRejected(try OrderCommandRejected(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
