/// The messages of `identity.events.v1` (compacted, keyed by company id): the latest complete state
/// of each company.
public enum IdentityEvent: MessageFamily, Equatable {
    /// A company applied, was approved, rejected or suspended, or its users, departments, API keys,
    /// tier or region changed. The payload is the whole company.
    case companyChanged(Company)

    public static let messageTypes = [Company.messageType]

    /// The partition key: every identity record is keyed by its company id.
    public var companyId: CompanyID {
        switch self {
        case let .companyChanged(company): company.id
        }
    }

    public var messageType: String {
        switch self {
        case .companyChanged: Company.messageType
        }
    }

    public var messageVersion: Int {
        switch self {
        case .companyChanged: Company.messageVersion
        }
    }

    public func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case let .companyChanged(company): try company.encode(to: encoder)
        }
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        if Company.matches(messageType, version) {
            self = .companyChanged(try Company(from: decoder))
        } else {
            throw ContractError.unknownMessageType(messageType, version)
        }
    }
}
