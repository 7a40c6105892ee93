import Foundation

extension OrderSummary {
    /// One order line with its price, the rule behind the price, and its stock reservation.
    public struct Line: Codable, Sendable, Hashable {
        public let line: String
        public let sku: SKU
        public let product: ProductID
        public let supplier: CompanyID
        public let distributor: CompanyID?
        public let category: [String]
        public let quantity: Int64
        public let unitPrice: Money
        public let lineTotal: Money
        public let rule: AppliedRule
        public let subOrder: String
        public let reservation: LineReservationStatus
        /// Where the reserved units are, once reserved.
        public let allocations: [Allocation]

        public init(_ line: OrderLine, reservation: LineReservationStatus, allocations: [Allocation]) {
            self.line = line.line
            self.sku = line.sku
            self.product = line.product
            self.supplier = line.supplier
            self.distributor = line.distributor
            self.category = line.category
            self.quantity = line.quantity
            self.unitPrice = line.unitPrice
            self.lineTotal = line.lineTotal
            self.rule = line.rule
            self.subOrder = line.subOrder
            self.reservation = reservation
            self.allocations = allocations
        }

        private enum CodingKeys: String, CodingKey {
            case line = "line", sku = "sku", product = "product", supplier = "supplier", distributor = "distributor"
            case category = "category", quantity = "quantity", unitPrice = "unitPrice", lineTotal = "lineTotal"
            case rule = "rule", subOrder = "subOrder", reservation = "reservation", allocations = "allocations"
        }
    }

    /// One supplier's sub-order and how far its fulfilment got.
    public struct SubOrderView: Codable, Sendable, Hashable {
        public let subOrder: String
        public let supplier: CompanyID
        public let lines: [String]
        public let totals: OrderTotals
        public let status: SubOrderStatus
        public let shipment: Shipment?
        public let deliveredAt: Date?
        /// Who cancelled it on its own, why and when; nil otherwise (also when the whole order ended).
        public let cancellation: Cancellation?

        public init(subOrder: String, supplier: CompanyID, lines: [String], totals: OrderTotals,
                    status: SubOrderStatus, shipment: Shipment?, deliveredAt: Date?, cancellation: Cancellation? = nil) {
            self.subOrder = subOrder
            self.supplier = supplier
            self.lines = lines
            self.totals = totals
            self.status = status
            self.shipment = shipment
            self.deliveredAt = deliveredAt.map(WireTimestamp.roundedToMilliseconds)
            self.cancellation = cancellation
        }

        private enum CodingKeys: String, CodingKey {
            case subOrder = "subOrder", supplier = "supplier", lines = "lines", totals = "totals"
            case status = "status", shipment = "shipment", deliveredAt = "deliveredAt", cancellation = "cancellation"
        }
    }

    /// A sub-order cancelled on its own, before it shipped.
    public struct Cancellation: Codable, Sendable, Hashable {
        /// The company that cancelled it: its supplier or the buyer.
        public let by: CompanyID
        public let user: UserID
        public let reason: String
        public let at: Date

        public init(by: CompanyID, user: UserID, reason: String, at: Date) {
            self.by = by
            self.user = user
            self.reason = reason
            self.at = WireTimestamp.roundedToMilliseconds(at)
        }

        private enum CodingKeys: String, CodingKey {
            case by = "by", user = "user", reason = "reason", at = "at"
        }
    }

    public struct Shipment: Codable, Sendable, Hashable {
        public let carrier: String
        public let trackingNumber: String
        public let shippedAt: Date

        public init(carrier: String, trackingNumber: String, shippedAt: Date) {
            self.carrier = carrier
            self.trackingNumber = trackingNumber
            self.shippedAt = WireTimestamp.roundedToMilliseconds(shippedAt)
        }

        private enum CodingKeys: String, CodingKey {
            case carrier = "carrier", trackingNumber = "trackingNumber", shippedAt = "shippedAt"
        }
    }

    /// One approval step and its decision, if any.
    public struct ApprovalProgress: Codable, Sendable, Hashable {
        public enum Decision: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
            /// Waiting for this step's approver.
            case pending = "pending"
            case approved = "approved"
            case rejected = "rejected"
            /// Never to be decided: an earlier step rejected the order, or it ended before this step.
            case notReached = "not-reached"
        }

        public let role: String
        public let rules: [String]
        public let decision: Decision
        public let by: UserID?
        public let at: Date?
        public let comment: String?

        public init(role: String, rules: [String], decision: Decision, by: UserID?, at: Date?, comment: String?) {
            self.role = role
            self.rules = rules
            self.decision = decision
            self.by = by
            self.at = at.map(WireTimestamp.roundedToMilliseconds)
            self.comment = comment
        }

        private enum CodingKeys: String, CodingKey {
            case role = "role", rules = "rules", decision = "decision", by = "by", at = "at", comment = "comment"
        }
    }

    /// The money side as the order knows it.
    public struct Payment: Codable, Sendable, Hashable {
        public let method: PaymentMethod
        public let status: OrderPaymentStatus
        /// The reference to quote with a bank transfer, once payment gave one.
        public let reference: String?
        public let amount: Money

        public init(method: PaymentMethod, status: OrderPaymentStatus, reference: String?, amount: Money) {
            self.method = method
            self.status = status
            self.reference = reference
            self.amount = amount
        }

        private enum CodingKeys: String, CodingKey {
            case method = "method", status = "status", reference = "reference", amount = "amount"
        }
    }

    /// One step of the order's history: the status after it, and what happened.
    public struct HistoryEntry: Codable, Sendable, Hashable {
        public let at: Date
        public let status: OrderStatus
        public let reason: String

        public init(at: Date, status: OrderStatus, reason: String) {
            self.at = WireTimestamp.roundedToMilliseconds(at)
            self.status = status
            self.reason = reason
        }

        private enum CodingKeys: String, CodingKey {
            case at = "at", status = "status", reason = "reason"
        }
    }
}
