/// The outcome a payment provider reports in its (signature-checked) webhook.
public enum ProviderPaymentStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    case succeeded = "succeeded"
    case failed = "failed"
}
