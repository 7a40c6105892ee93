import Foundation

extension OrderSummary {
    /// One return (RMA) of the order and how far it got.
    public struct ReturnView: Codable, Sendable, Hashable {
        public let returnId: String
        public let status: ReturnStatus
        /// Who decides it: the supplier of every line.
        public let supplier: CompanyID
        /// Each line with its reason and value.
        public let lines: [OrderReturnLine]
        public let requestedBy: UserID
        public let requestedAt: Date
        /// The supplier's user who approved or rejected it, and when.
        public let decidedBy: UserID?
        public let decidedAt: Date?
        /// The supplier's comment (always present on a rejection).
        public let comment: String?
        /// The value of the lines at the order's unit prices: what is (or was) refunded.
        public let amount: Money
        /// Payment's refund id, once approved with something to refund.
        public let refund: String?
        /// Credit note (credit terms) or refund, once approved.
        public let settlement: ReturnSettlement?
        public let refundedAt: Date?
        /// Why payment refused the refund (`refund-failed`).
        public let failure: String?
        /// Where the units went back into stock, once approved.
        public let restock: [ReturnRestock]

        public init(returnId: String, status: ReturnStatus, supplier: CompanyID, lines: [OrderReturnLine],
                    requestedBy: UserID, requestedAt: Date, decidedBy: UserID?, decidedAt: Date?, comment: String?,
                    amount: Money, refund: String?, settlement: ReturnSettlement?, refundedAt: Date?,
                    failure: String?, restock: [ReturnRestock]) {
            self.returnId = returnId
            self.status = status
            self.supplier = supplier
            self.lines = lines
            self.requestedBy = requestedBy
            self.requestedAt = WireTimestamp.roundedToMilliseconds(requestedAt)
            self.decidedBy = decidedBy
            self.decidedAt = decidedAt.map(WireTimestamp.roundedToMilliseconds)
            self.comment = comment
            self.amount = amount
            self.refund = refund
            self.settlement = settlement
            self.refundedAt = refundedAt.map(WireTimestamp.roundedToMilliseconds)
            self.failure = failure
            self.restock = restock
        }

        private enum CodingKeys: String, CodingKey {
            case returnId = "returnId", status = "status", supplier = "supplier", lines = "lines"
            case requestedBy = "requestedBy", requestedAt = "requestedAt", decidedBy = "decidedBy"
            case decidedAt = "decidedAt", comment = "comment", amount = "amount", refund = "refund"
            case settlement = "settlement", refundedAt = "refundedAt", failure = "failure"
            case restock = "restock"
        }
    }
}
