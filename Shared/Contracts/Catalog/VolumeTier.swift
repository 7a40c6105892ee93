/// One step of a volume price (阶梯价): from `minimumQuantity` units on, each unit costs `unitPrice`.
public struct VolumeTier: Codable, Sendable, Hashable {
    public let minimumQuantity: Int64
    public let unitPrice: Money

    public init(minimumQuantity: Int64, unitPrice: Money) {
        self.minimumQuantity = minimumQuantity
        self.unitPrice = unitPrice
    }

    private enum CodingKeys: String, CodingKey {
        case minimumQuantity = "minimumQuantity", unitPrice = "unitPrice"
    }
}
