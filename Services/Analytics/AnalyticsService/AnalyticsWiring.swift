import Contracts
import AnalyticsCore
import Runtime
import ServiceKit

/// Connects AnalyticsCore to Kafka.
enum AnalyticsWiring {
    static func parts(_ context: ServiceContext) throws -> [any Service] {
        [try context.consumeRaw(AnalyticsSubscriptions.topics, group: AnalyticsSubscriptions.group,
                                handled: AnalyticsSubscriptions.handledMessageTypes)]
    }
}
