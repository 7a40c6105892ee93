import Contracts

/// A payer's credit line (账期): how much it may owe at once, and how long it has to pay.
public struct CreditLine: Sendable, Hashable, Codable {
    public let limit: Money
    public let termDays: Int
    /// The company extending the credit; only it or the platform may change the line.
    public let grantedBy: CompanyID

    public init(limit: Money, termDays: Int, grantedBy: CompanyID) {
        self.limit = limit
        self.termDays = termDays
        self.grantedBy = grantedBy
    }
}
