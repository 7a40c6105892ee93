import Contracts
import OrderCore
import Runtime
import ServiceKit

/// Connects OrderCore to Kafka.
enum OrderWiring {
    static func parts(_ context: ServiceContext) throws -> [any Service] {
        [try context.consumeRaw(OrderSubscriptions.topics, group: OrderSubscriptions.group,
                                handled: OrderSubscriptions.handledMessageTypes)]
    }
}
