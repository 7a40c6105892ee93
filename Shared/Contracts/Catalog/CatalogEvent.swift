/// The messages of `catalog.events.v1` (compacted). Every record except `productsImported` is the
/// complete state of its key, so the latest record per key is all a replica needs.
///
/// Keys: product → the product id; price list → `price-list:<id>`; shop → `shop:<distributor>`;
/// import report → `import:<command id>`. Product ids may not contain ":", so keys never collide.
public enum CatalogEvent: MessageFamily, Equatable {
    case productChanged(Product)
    case priceListChanged(PriceList)
    case shopChanged(Shop)
    case productsImported(ImportReport)

    public static let messageTypes = [
        Product.messageType, PriceList.messageType, Shop.messageType, ImportReport.messageType,
    ]

    /// The Kafka key of this record.
    public var key: String {
        switch self {
        case let .productChanged(product): product.recordKey
        case let .priceListChanged(priceList): priceList.recordKey
        case let .shopChanged(shop): shop.recordKey
        case let .productsImported(report): report.recordKey
        }
    }

    public var messageType: String {
        switch self {
        case .productChanged: Product.messageType
        case .priceListChanged: PriceList.messageType
        case .shopChanged: Shop.messageType
        case .productsImported: ImportReport.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .productChanged: Product.messageVersion
        case .priceListChanged: PriceList.messageVersion
        case .shopChanged: Shop.messageVersion
        case .productsImported: ImportReport.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .productChanged(product): try product.encode(to: encoder)
        case let .priceListChanged(priceList): try priceList.encode(to: encoder)
        case let .shopChanged(shop): try shop.encode(to: encoder)
        case let .productsImported(report): try report.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if Product.matches(messageType, version) {
            self = .productChanged(try Product(from: decoder))
        } else if PriceList.matches(messageType, version) {
            self = .priceListChanged(try PriceList(from: decoder))
        } else if Shop.matches(messageType, version) {
            self = .shopChanged(try Shop(from: decoder))
        } else if ImportReport.matches(messageType, version) {
            self = .productsImported(try ImportReport(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
