/// The supplier's answer to a return (`order.decide-return`).
public enum ReturnDecision: String, Codable, Sendable, Hashable, CaseIterable {
    case approve = "approve"
    case reject = "reject"
}
