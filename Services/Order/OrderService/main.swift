// The order service process: configuration, Kafka and the admin port come from ServiceMain;
// what it consumes and decides is wired in OrderWiring.
import ServiceKit

await ServiceMain.run(service: "order") { context in try OrderWiring.parts(context) }
