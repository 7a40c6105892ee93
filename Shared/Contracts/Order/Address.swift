/// Where an order (every sub-order of it) is delivered.
public struct Address: Codable, Sendable, Hashable {
    /// The recipient, a person or a receiving dock, e.g. "李伟 / Dock 3".
    public let name: String
    public let phone: String
    /// A region code, e.g. "CN-EAST"; inventory may use it to pick a warehouse.
    public let region: String
    public let city: String
    public let street: String
    public let postcode: String?

    public init(name: String, phone: String, region: String, city: String, street: String, postcode: String? = nil) {
        self.name = name
        self.phone = phone
        self.region = region
        self.city = city
        self.street = street
        self.postcode = postcode
    }

    private enum CodingKeys: String, CodingKey {
        case name = "name", phone = "phone", region = "region", city = "city", street = "street"
        case postcode = "postcode"
    }
}
