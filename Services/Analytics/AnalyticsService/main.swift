// The analytics service process: configuration, Kafka and the admin port come from ServiceMain;
// what it consumes and decides is wired in AnalyticsWiring.
import ServiceKit

await ServiceMain.run(service: "analytics") { context in try AnalyticsWiring.parts(context) }
