import Contracts

extension Refusal {
    /// The command does not fit the order's current status.
    static func state(_ message: String) -> Refusal {
        Refusal(.invalidOrderState, field: nil, message)
    }
}
