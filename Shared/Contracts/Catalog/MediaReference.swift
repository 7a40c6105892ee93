/// An image or document of a product (photo, datasheet, certificate), by reference: the bytes live
/// in an object store or CDN, never on Kafka.
public struct MediaReference: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
        case image = "image"
        case document = "document"
    }

    public let kind: Kind
    /// A URL or object-store reference, 1...2048 characters.
    public let url: String
    public let title: String?

    public init(kind: Kind, url: String, title: String? = nil) {
        self.kind = kind
        self.url = url
        self.title = title
    }

    private enum CodingKeys: String, CodingKey {
        case kind = "kind", url = "url", title = "title"
    }
}
