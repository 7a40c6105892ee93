// The catalog service process: configuration, Kafka and the admin port come from ServiceMain;
// what it consumes and decides is wired in CatalogWiring.
import ServiceKit

await ServiceMain.run(service: "catalog") { context in try CatalogWiring.parts(context) }
