import Contracts
import Foundation

/// Money that arrived from a payer, and how it was reconciled (对账).
public struct ReceivedPayment: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        case bankTransfer = "bank-transfer"
        case provider = "provider"
    }

    /// The command that recorded it.
    public let commandId: MessageID
    public let source: Source
    /// The bank transaction id or the provider payment id.
    public let externalId: String
    public let reference: String
    public let amount: Money
    public let match: PaymentMatch
    public let order: OrderID?
    public let appliedTo: PaymentTarget?
    public let applied: Money
    public let excess: Money
    public let recordedAt: Date

    public init(commandId: MessageID, source: Source, externalId: String, reference: String, amount: Money,
                match: PaymentMatch, order: OrderID?, appliedTo: PaymentTarget?, applied: Money, excess: Money,
                recordedAt: Date) {
        self.commandId = commandId
        self.source = source
        self.externalId = externalId
        self.reference = reference
        self.amount = amount
        self.match = match
        self.order = order
        self.appliedTo = appliedTo
        self.applied = applied
        self.excess = excess
        self.recordedAt = recordedAt
    }

    /// Unique per payer: a second payment with the same key is a duplicate.
    public var key: String { Self.key(source, externalId) }

    static func key(_ source: Source, _ externalId: String) -> String { "\(source.rawValue):\(externalId)" }
}
