/// A qualification document submitted with an onboarding application (business licence, food
/// safety permit, ...). Only a reference is stored: the file lives in document storage.
public struct DocumentReference: Codable, Sendable, Hashable {
    /// What the document is, e.g. "business-license" (1...32 of `a-z 0-9 -`).
    public let kind: String
    /// Where it is, e.g. "s3://tradeflow-docs/co-17/license.pdf" (1...256 characters).
    public let ref: String

    public init(kind: String, ref: String) {
        self.kind = kind
        self.ref = ref
    }

    private enum CodingKeys: String, CodingKey {
        case kind = "kind", ref = "ref"
    }
}
