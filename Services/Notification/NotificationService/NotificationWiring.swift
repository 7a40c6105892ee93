import Contracts
import NotificationCore
import Runtime
import ServiceKit

/// Connects NotificationCore to Kafka.
enum NotificationWiring {
    static func parts(_ context: ServiceContext) throws -> [any Service] {
        [try context.consumeRaw(NotificationSubscriptions.topics, group: NotificationSubscriptions.group,
                                handled: NotificationSubscriptions.handledMessageTypes)]
    }
}
