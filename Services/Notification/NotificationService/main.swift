// The notification service process: configuration, Kafka and the admin port come from ServiceMain;
// what it consumes and decides is wired in NotificationWiring.
import ServiceKit

await ServiceMain.run(service: "notification") { context in try NotificationWiring.parts(context) }
