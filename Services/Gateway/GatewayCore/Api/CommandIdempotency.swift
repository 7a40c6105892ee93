import Contracts

/// The `Idempotency-Key` of a request that changes something the service already holds: approve,
/// reject, cancel, ship or confirm delivery of an order; receive or adjust stock. The client's name
/// for one intended action.
///
/// Why: a 504 or a dropped connection leaves a client not knowing whether its command was applied.
/// Without a key a retry is a new command: the order service refuses a second shipment as "already
/// shipped" (a warehouse system retrying after a timeout sees an error for a shipment that
/// happened), and inventory counts a second receipt as more goods. With a key the command's id is
/// derived from it, and the service recognises the retry as the command it has handled (the
/// order service's `ProcessedCommands`, inventory's `RecentCommandIDs`): the order service answers
/// as it did the first time (the order as it is now, or the first refusal), inventory skips it.
/// What a retry's body says differently is not applied.
///
/// The id also names who sends it (company and user or API key), the action and what it acts on
/// (order and sub-order, or SKU), so one key reused for another action, target or person is another
/// command, never a wrong answer: an approver and then finance approving the same order under keys
/// an ERP made the same way are two approvals.
public enum CommandIdempotency {
    public static let header = "Idempotency-Key"
    /// The same bound as placing an order takes.
    public static let maximumBytes = 128

    /// Why `key` cannot be used (for a 400 naming the header), or nil when it can.
    public static func problem(with key: String) -> String? {
        key.isEmpty || key.utf8.count > maximumBytes ? "must be 1...\(maximumBytes) characters" : nil
    }

    /// The id of the command `user` of `company` sends as `action` on `target` (an order and its
    /// sub-order, a SKU) under `key`.
    public static func commandID(key: String, company: CompanyID, user: UserID, action: String, target: [String]) -> MessageID {
        MessageID.derived(from: "gateway-idempotency-key", parts: [company.rawValue, user.rawValue, action, key] + target)
    }
}
