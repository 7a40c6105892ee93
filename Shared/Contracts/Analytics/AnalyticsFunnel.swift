/// How many orders of a view reached each stage of the order saga, all time. Each order counts
/// at most once per stage; the stages are cumulative (a completed order also counts as placed,
/// approved, confirmed and, once its money arrived or was captured, paid).
public struct AnalyticsFunnel: Codable, Sendable, Hashable {
    public let placed: Int64
    /// Fully approved, or placed without needing approval.
    public let approved: Int64
    /// Stock reserved and money secured (credit authorized or paid).
    public let confirmed: Int64
    /// The buyer's money arrived before confirmation (prepayment, bank transfer), or payment was
    /// captured (credit orders are charged at completion).
    public let paid: Int64
    /// Every sub-order delivered.
    public let completed: Int64
    /// Ended without fulfilment, by how.
    public let rejected: Int64
    public let cancelled: Int64
    public let expired: Int64

    public init(placed: Int64, approved: Int64, confirmed: Int64, paid: Int64, completed: Int64, rejected: Int64,
                cancelled: Int64, expired: Int64) {
        self.placed = placed
        self.approved = approved
        self.confirmed = confirmed
        self.paid = paid
        self.completed = completed
        self.rejected = rejected
        self.cancelled = cancelled
        self.expired = expired
    }

    public static let zero = AnalyticsFunnel(placed: 0, approved: 0, confirmed: 0, paid: 0, completed: 0,
                                             rejected: 0, cancelled: 0, expired: 0)

    private enum CodingKeys: String, CodingKey {
        case placed = "placed", approved = "approved", confirmed = "confirmed", paid = "paid"
        case completed = "completed", rejected = "rejected", cancelled = "cancelled", expired = "expired"
    }
}
