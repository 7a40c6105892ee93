import Foundation

/// Every message on every topic travels in an envelope: who it is (id), what it is (type, version),
/// when it happened, what caused it, which conversation it belongs to, and its partition key.
///
/// Wire (keys exactly): `id, type, version, occurredAt, causationId, correlationId, tenant, key,
/// payload`. `type` and `version` are read from the payload, so they can never disagree with it.
public struct Envelope<Payload: MessageFamily>: Sendable {
    /// Unique per message; repeated deliveries of the same message carry the same id.
    public let id: MessageID
    /// When the fact happened or the command was issued, rounded to whole milliseconds
    /// (the precision of the wire, so a decoded envelope equals the one that was encoded).
    public let occurredAt: Date
    /// The message that caused this one; `nil` for a root command (e.g. from an HTTP request).
    public let causationId: MessageID?
    /// Shared by every message of one business conversation (an order saga, a stock receipt).
    public let correlationId: CorrelationID
    /// The tenant, e.g. "tradeflow". Carried so a shared cluster can host several deployments.
    public let tenant: String
    /// The partition key the message was produced with (see `Topic.keyedBy`); "" for unkeyed topics.
    public let key: String
    public let payload: Payload

    public init(id: MessageID, occurredAt: Date, causationId: MessageID?, correlationId: CorrelationID,
                tenant: String, key: String, payload: Payload) {
        self.id = id
        self.occurredAt = WireTimestamp.roundedToMilliseconds(occurredAt)
        self.causationId = causationId
        self.correlationId = correlationId
        self.tenant = tenant
        self.key = key
        self.payload = payload
    }

    /// Wire name of the payload, e.g. "inventory.stock-received".
    public var type: String { payload.messageType }
    public var version: Int { payload.messageVersion }

    /// Everything but the payload: what a consumer logs and routes by.
    public var header: EnvelopeHeader {
        EnvelopeHeader(id: id, type: type, version: version, occurredAt: occurredAt, causationId: causationId,
                       correlationId: correlationId, tenant: tenant, key: key)
    }

    /// The envelope of a message caused by this one, with a deterministic id, so that handling this
    /// message again yields byte-identical output (DESIGN principle 3).
    ///
    /// The id is `MessageID.derived(from: id, payload.messageType, String(index))`: `index` numbers
    /// the outputs of one handling (0, 1, ...); including the type keeps, say, an event and a reply
    /// that are both output 0 apart. Correlation and tenant carry over; causation is this message.
    public func causing<Next: MessageFamily>(_ payload: Next, index: Int, key: String,
                                             occurredAt: Date) -> Envelope<Next> {
        Envelope<Next>(id: .derived(from: id.rawValue, payload.messageType, String(index)),
                       occurredAt: occurredAt, causationId: id, correlationId: correlationId,
                       tenant: tenant, key: key, payload: payload)
    }
}

extension Envelope: Equatable where Payload: Equatable {}
