// The payment service process: configuration, Kafka and the admin port come from ServiceMain;
// what it consumes and decides is wired in PaymentWiring.
import ServiceKit

await ServiceMain.run(service: "payment", readExtra: PaymentSettings.read) { context, settings in
    try PaymentWiring.parts(context, settings: settings)
}
