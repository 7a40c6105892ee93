import Contracts

/// What the payment service reads and under which consumer group: pure data, so the wiring and the
/// tests agree on it. Authorizations, captures and refunds arrive on payment.commands.v1.
public enum PaymentSubscriptions {
    public static let group = "payment"
    public static let topics: [AnyTopic] = [Topics.paymentCommands.erased]

    /// Message types this service decides today; any other type that reaches it is dead-lettered
    /// with the reason, never dropped.
    public static let handledMessageTypes = Set(PaymentCommand.messageTypes)
}
