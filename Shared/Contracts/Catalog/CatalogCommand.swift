/// The messages of `catalog.commands.v1`.
///
/// Keyed by the company that owns what the command changes (`ownerCompany`): the supplier for
/// products, imports and price lists, the distributor for shops. One partition then serialises all
/// writes to one company's catalog, and an import (many products) has a single writer.
public enum CatalogCommand: MessageFamily, Equatable {
    case upsertProduct(UpsertProduct)
    case setProductStatus(SetProductStatus)
    case importProducts(ImportProducts)
    case upsertPriceList(UpsertPriceList)
    case listInShop(ListInShop)
    case unlistFromShop(UnlistFromShop)

    public static let messageTypes = [
        UpsertProduct.messageType, SetProductStatus.messageType, ImportProducts.messageType,
        UpsertPriceList.messageType, ListInShop.messageType, UnlistFromShop.messageType,
    ]

    public var actor: CatalogActor {
        switch self {
        case let .upsertProduct(command): command.actor
        case let .setProductStatus(command): command.actor
        case let .importProducts(command): command.actor
        case let .upsertPriceList(command): command.actor
        case let .listInShop(command): command.actor
        case let .unlistFromShop(command): command.actor
        }
    }

    /// The company whose catalog data the command changes.
    public var ownerCompany: CompanyID {
        switch self {
        case let .upsertProduct(command): command.supplier
        case let .setProductStatus(command): command.supplier
        case let .importProducts(command): command.supplier
        case let .upsertPriceList(command): command.owner
        case let .listInShop(command): command.distributor
        case let .unlistFromShop(command): command.distributor
        }
    }

    /// The Kafka key to produce the command with: the owner company id.
    public var partitionKey: String { ownerCompany.rawValue }

    public var replyTo: ReplyAddress? {
        switch self {
        case let .upsertProduct(command): command.replyTo
        case let .setProductStatus(command): command.replyTo
        case let .importProducts(command): command.replyTo
        case let .upsertPriceList(command): command.replyTo
        case let .listInShop(command): command.replyTo
        case let .unlistFromShop(command): command.replyTo
        }
    }

    public var messageType: String {
        switch self {
        case .upsertProduct: UpsertProduct.messageType
        case .setProductStatus: SetProductStatus.messageType
        case .importProducts: ImportProducts.messageType
        case .upsertPriceList: UpsertPriceList.messageType
        case .listInShop: ListInShop.messageType
        case .unlistFromShop: UnlistFromShop.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .upsertProduct: UpsertProduct.messageVersion
        case .setProductStatus: SetProductStatus.messageVersion
        case .importProducts: ImportProducts.messageVersion
        case .upsertPriceList: UpsertPriceList.messageVersion
        case .listInShop: ListInShop.messageVersion
        case .unlistFromShop: UnlistFromShop.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .upsertProduct(command): try command.encode(to: encoder)
        case let .setProductStatus(command): try command.encode(to: encoder)
        case let .importProducts(command): try command.encode(to: encoder)
        case let .upsertPriceList(command): try command.encode(to: encoder)
        case let .listInShop(command): try command.encode(to: encoder)
        case let .unlistFromShop(command): try command.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if UpsertProduct.matches(messageType, version) {
            self = .upsertProduct(try UpsertProduct(from: decoder))
        } else if SetProductStatus.matches(messageType, version) {
            self = .setProductStatus(try SetProductStatus(from: decoder))
        } else if ImportProducts.matches(messageType, version) {
            self = .importProducts(try ImportProducts(from: decoder))
        } else if UpsertPriceList.matches(messageType, version) {
            self = .upsertPriceList(try UpsertPriceList(from: decoder))
        } else if ListInShop.matches(messageType, version) {
            self = .listInShop(try ListInShop(from: decoder))
        } else if UnlistFromShop.matches(messageType, version) {
            self = .unlistFromShop(try UnlistFromShop(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
