import Contracts
import PaymentCore
import Runtime
import ServiceKit

/// Connects PaymentCore to Kafka.
enum PaymentWiring {
    static func parts(_ context: ServiceContext) throws -> [any Service] {
        [try context.consumeRaw(PaymentSubscriptions.topics, group: PaymentSubscriptions.group,
                                handled: PaymentSubscriptions.handledMessageTypes)]
    }
}
