/// The answer to a catalog command that carried a `replyTo` address, produced to the asking
/// gateway instance's partition of the replies topic with key `replyTo.instance`.
///
/// It is both a payload and its own single-message family, so it travels as
/// `Envelope<CatalogReply>` until a gateway-wide reply family takes it in as a case
/// (which changes no wire byte).
public struct CatalogReply: MessagePayload, Hashable {
    public static let messageType = "catalog.command-reply"
    public static let messageVersion = 1

    /// What became of the command.
    public enum Outcome: Codable, Sendable, Hashable {
        /// Done (or already done): the record under `key` is now at `revision`.
        case accepted(key: String, revision: Int)
        /// Refused; `field` names the command field at fault (e.g. "skus[2].packSize").
        case rejected(code: RejectionCode, message: String, field: String?)
        /// A CSV import ran; the report lists the rows that failed.
        case imported(ImportReport)

        private enum CodingKeys: String, CodingKey {
            case kind = "kind", key = "key", revision = "revision", code = "code", message = "message"
            case field = "field", report = "report"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try container.decode(String.self, forKey: .kind)
            switch kind {
            case "accepted":
                self = .accepted(key: try container.decode(String.self, forKey: .key),
                                 revision: try container.decode(Int.self, forKey: .revision))
            case "rejected":
                self = .rejected(code: try container.decode(RejectionCode.self, forKey: .code),
                                 message: try container.decode(String.self, forKey: .message),
                                 field: try container.decodeIfPresent(String.self, forKey: .field))
            case "imported":
                self = .imported(try container.decode(ImportReport.self, forKey: .report))
            default:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                       debugDescription: "unknown reply outcome \"\(kind)\"")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case let .accepted(key, revision):
                try container.encode("accepted", forKey: .kind)
                try container.encode(key, forKey: .key)
                try container.encode(revision, forKey: .revision)
            case let .rejected(code, message, field):
                try container.encode("rejected", forKey: .kind)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encodeIfPresent(field, forKey: .field)
            case let .imported(report):
                try container.encode("imported", forKey: .kind)
                try container.encode(report, forKey: .report)
            }
        }
    }

    /// The gateway's request id, copied from `replyTo.requestId`.
    public let requestId: String
    /// The command answered.
    public let commandId: MessageID
    public let outcome: Outcome

    public init(requestId: String, commandId: MessageID, outcome: Outcome) {
        self.requestId = requestId
        self.commandId = commandId
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case requestId = "requestId", commandId = "commandId", outcome = "outcome"
    }
}

extension CatalogReply: SingleMessageFamily {}
