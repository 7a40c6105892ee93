import Contracts

/// What the order service reads and under which consumer group: pure data, so the wiring and the
/// tests agree on it. The order saga reads its commands and the replies of inventory and payment.
public enum OrderSubscriptions {
    public static let group = "order"
    public static let topics: [AnyTopic] = [Topics.orderCommands.erased, Topics.shipmentInbound.erased]

    /// The relay of carriers' and WMSs' shipment updates (`shipment.inbound.v1`) to the buyer's
    /// order partition has a group of its own: it decides nothing, so it scales separately.
    public static let shipmentRelayGroup = "order-shipment-relay"

    /// Message types this service decides today; any other type that reaches it is dead-lettered
    /// with the reason, never dropped.
    public static let handledMessageTypes = Set(OrderCommand.messageTypes)
}
