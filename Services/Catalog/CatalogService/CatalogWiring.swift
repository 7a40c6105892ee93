import Contracts
import CatalogCore
import Runtime
import ServiceKit

/// Connects CatalogCore to Kafka.
enum CatalogWiring {
    static func parts(_ context: ServiceContext) throws -> [any Service] {
        [try context.consumeRaw(CatalogSubscriptions.topics, group: CatalogSubscriptions.group,
                                handled: CatalogSubscriptions.handledMessageTypes)]
    }
}
