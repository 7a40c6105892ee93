/// Prices are the platform's: the gateway prices every order line from its catalog replica. A
/// client that sends a price (an ERP exporting its own, a tampered request) would otherwise have it
/// ignored silently and might believe it applied, so such a body is refused, naming the field.
enum PriceFieldGuard {
    static let names = ["unitPrice", "price", "total", "lineTotal", "amount", "discount", "totals"]

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Throws a decoding error at the first price field of the object being decoded.
    static func refusePrices(in decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for name in names where container.contains(Key(stringValue: name)) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath + [Key(stringValue: name)],
                debugDescription: "prices are set by the platform from its price lists; do not send \(name)"))
        }
    }
}
