/// The messages of `order.commands.v1` (keyed by buyer company): commands and queries from the
/// gateway, the order service's own timer, and the replies of inventory and payment (which land on
/// the buyer's partition through the `replyKey` the order put in its request). So every input of a
/// buyer's orders is decided in sequence by the single writer of that buyer's partition.
/// (`order.list-sub-orders` alone is keyed by a routing key: it asks one partition about every
/// buyer's orders with a supplier's sub-orders.)
public enum OrderCommand: MessageFamily, Equatable {
    case place(PlaceOrder)
    case approve(ApproveOrder)
    case rejectApproval(RejectOrderApproval)
    case cancel(CancelOrder)
    case ship(ShipSubOrder)
    case cancelSubOrder(CancelSubOrder)
    case confirmDelivery(ConfirmDelivery)
    case requestReturn(RequestReturn)
    case decideReturn(DecideReturn)
    case expireDue(ExpireDue)
    case setApprovalRules(SetApprovalRules)
    case stockReservationResult(StockReservationResult)
    case paymentResult(PaymentResult)
    case getOrder(GetOrder)
    case getApprovalRules(GetApprovalRules)
    case listOrders(ListOrders)
    case listSubOrders(ListSubOrders)

    public static let messageTypes = [
        PlaceOrder.messageType, ApproveOrder.messageType, RejectOrderApproval.messageType,
        CancelOrder.messageType, ShipSubOrder.messageType, CancelSubOrder.messageType, ConfirmDelivery.messageType, RequestReturn.messageType,
        DecideReturn.messageType, ExpireDue.messageType,
        SetApprovalRules.messageType, StockReservationResult.messageType, PaymentResult.messageType,
        GetOrder.messageType, GetApprovalRules.messageType, ListOrders.messageType, ListSubOrders.messageType,
    ]

    /// The buyer company named in the payload. `nil` for the replies of inventory and payment,
    /// which name only the order: their key (`replyKey`) is the buyer.
    public var buyer: CompanyID? {
        switch self {
        case let .place(command): command.buyer
        case let .approve(command): command.buyer
        case let .rejectApproval(command): command.buyer
        case let .cancel(command): command.buyer
        case let .ship(command): command.buyer
        case let .cancelSubOrder(command): command.buyer
        case let .confirmDelivery(command): command.buyer
        case let .requestReturn(command): command.buyer
        case let .decideReturn(command): command.buyer
        case let .expireDue(command): command.buyer
        case let .setApprovalRules(command): command.buyer
        case .stockReservationResult, .paymentResult: nil
        case let .getOrder(query): query.buyer
        case let .getApprovalRules(query): query.buyer
        case let .listOrders(query): query.buyer
        case .listSubOrders: nil
        }
    }

    /// The order the message is about, when it is about one.
    public var order: OrderID? {
        switch self {
        case let .place(command): command.order
        case let .approve(command): command.order
        case let .rejectApproval(command): command.order
        case let .cancel(command): command.order
        case let .ship(command): command.order
        case let .cancelSubOrder(command): command.order
        case let .confirmDelivery(command): command.order
        case let .requestReturn(command): command.order
        case let .decideReturn(command): command.order
        case .expireDue, .setApprovalRules, .getApprovalRules, .listOrders, .listSubOrders: nil
        case let .stockReservationResult(result): result.order
        case let .paymentResult(result): result.order
        case let .getOrder(query): query.order
        }
    }

    /// Where the answer goes, if the sender waits for one.
    public var replyTo: ReplyAddress? {
        switch self {
        case let .place(command): command.replyTo
        case let .approve(command): command.replyTo
        case let .rejectApproval(command): command.replyTo
        case let .cancel(command): command.replyTo
        case let .ship(command): command.replyTo
        case let .cancelSubOrder(command): command.replyTo
        case let .confirmDelivery(command): command.replyTo
        case let .requestReturn(command): command.replyTo
        case let .decideReturn(command): command.replyTo
        case let .setApprovalRules(command): command.replyTo
        case .expireDue, .stockReservationResult, .paymentResult: nil
        case let .getOrder(query): query.replyTo
        case let .getApprovalRules(query): query.replyTo
        case let .listOrders(query): query.replyTo
        case let .listSubOrders(query): query.replyTo
        }
    }

    /// Queries change nothing and are never recorded as handled.
    public var isQuery: Bool {
        switch self {
        case .getOrder, .getApprovalRules, .listOrders, .listSubOrders: true
        default: false
        }
    }

    public var messageType: String {
        switch self {
        case .place: PlaceOrder.messageType
        case .approve: ApproveOrder.messageType
        case .rejectApproval: RejectOrderApproval.messageType
        case .cancel: CancelOrder.messageType
        case .ship: ShipSubOrder.messageType
        case .cancelSubOrder: CancelSubOrder.messageType
        case .confirmDelivery: ConfirmDelivery.messageType
        case .requestReturn: RequestReturn.messageType
        case .decideReturn: DecideReturn.messageType
        case .expireDue: ExpireDue.messageType
        case .setApprovalRules: SetApprovalRules.messageType
        case .stockReservationResult: StockReservationResult.messageType
        case .paymentResult: PaymentResult.messageType
        case .getOrder: GetOrder.messageType
        case .getApprovalRules: GetApprovalRules.messageType
        case .listOrders: ListOrders.messageType
        case .listSubOrders: ListSubOrders.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .place: PlaceOrder.messageVersion
        case .approve: ApproveOrder.messageVersion
        case .rejectApproval: RejectOrderApproval.messageVersion
        case .cancel: CancelOrder.messageVersion
        case .ship: ShipSubOrder.messageVersion
        case .cancelSubOrder: CancelSubOrder.messageVersion
        case .confirmDelivery: ConfirmDelivery.messageVersion
        case .requestReturn: RequestReturn.messageVersion
        case .decideReturn: DecideReturn.messageVersion
        case .expireDue: ExpireDue.messageVersion
        case .setApprovalRules: SetApprovalRules.messageVersion
        case .stockReservationResult: StockReservationResult.messageVersion
        case .paymentResult: PaymentResult.messageVersion
        case .getOrder: GetOrder.messageVersion
        case .getApprovalRules: GetApprovalRules.messageVersion
        case .listOrders: ListOrders.messageVersion
        case .listSubOrders: ListSubOrders.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .place(command): try command.encode(to: encoder)
        case let .approve(command): try command.encode(to: encoder)
        case let .rejectApproval(command): try command.encode(to: encoder)
        case let .cancel(command): try command.encode(to: encoder)
        case let .ship(command): try command.encode(to: encoder)
        case let .cancelSubOrder(command): try command.encode(to: encoder)
        case let .confirmDelivery(command): try command.encode(to: encoder)
        case let .requestReturn(command): try command.encode(to: encoder)
        case let .decideReturn(command): try command.encode(to: encoder)
        case let .expireDue(command): try command.encode(to: encoder)
        case let .setApprovalRules(command): try command.encode(to: encoder)
        case let .stockReservationResult(result): try result.encode(to: encoder)
        case let .paymentResult(result): try result.encode(to: encoder)
        case let .getOrder(query): try query.encode(to: encoder)
        case let .getApprovalRules(query): try query.encode(to: encoder)
        case let .listOrders(query): try query.encode(to: encoder)
        case let .listSubOrders(query): try query.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if PlaceOrder.matches(messageType, version) {
            self = .place(try PlaceOrder(from: decoder))
        } else if ApproveOrder.matches(messageType, version) {
            self = .approve(try ApproveOrder(from: decoder))
        } else if RejectOrderApproval.matches(messageType, version) {
            self = .rejectApproval(try RejectOrderApproval(from: decoder))
        } else if CancelOrder.matches(messageType, version) {
            self = .cancel(try CancelOrder(from: decoder))
        } else if ShipSubOrder.matches(messageType, version) {
            self = .ship(try ShipSubOrder(from: decoder))
        } else if CancelSubOrder.matches(messageType, version) {
            self = .cancelSubOrder(try CancelSubOrder(from: decoder))
        } else if ConfirmDelivery.matches(messageType, version) {
            self = .confirmDelivery(try ConfirmDelivery(from: decoder))
        } else if RequestReturn.matches(messageType, version) {
            self = .requestReturn(try RequestReturn(from: decoder))
        } else if DecideReturn.matches(messageType, version) {
            self = .decideReturn(try DecideReturn(from: decoder))
        } else if ExpireDue.matches(messageType, version) {
            self = .expireDue(try ExpireDue(from: decoder))
        } else if SetApprovalRules.matches(messageType, version) {
            self = .setApprovalRules(try SetApprovalRules(from: decoder))
        } else if StockReservationResult.matches(messageType, version) {
            self = .stockReservationResult(try StockReservationResult(from: decoder))
        } else if PaymentResult.matches(messageType, version) {
            self = .paymentResult(try PaymentResult(from: decoder))
        } else if GetOrder.matches(messageType, version) {
            self = .getOrder(try GetOrder(from: decoder))
        } else if GetApprovalRules.matches(messageType, version) {
            self = .getApprovalRules(try GetApprovalRules(from: decoder))
        } else if ListOrders.matches(messageType, version) {
            self = .listOrders(try ListOrders(from: decoder))
        } else if ListSubOrders.matches(messageType, version) {
            self = .listSubOrders(try ListSubOrders(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
