// The notification service process: turns order, payment and inventory events into inbox
// notifications, signed webhooks and email. Wiring in NotificationWiring.
import ServiceKit

await ServiceMain.run(service: "notification", readExtra: NotificationServiceSettings.read) { context, settings in
    try NotificationWiring.parts(context, settings: settings)
}
