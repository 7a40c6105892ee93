/// The supplier's answer to a return (`order.decide-return`).
public enum ReturnDecision: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    case approve = "approve"
    case reject = "reject"
}
