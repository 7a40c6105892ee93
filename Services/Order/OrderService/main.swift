// The order service process: the single writer of each buyer company's orders and the
// orchestrator of the order saga. Wiring in OrderWiring.
import ServiceKit

await ServiceMain.run(service: "order", producerPace: .prompt, readExtra: OrderSettings.read) { context, settings in
    try OrderWiring.parts(context, settings: settings)
}
