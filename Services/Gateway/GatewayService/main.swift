// The API gateway process: public HTTP API in front of the platform, replicas of the compacted
// topics in memory. Wiring in GatewayWiring.
import ServiceKit

await ServiceMain.run(service: "gateway", producerPace: .prompt, readExtra: GatewaySettings.read) { context, settings in
    try GatewayWiring.parts(context, settings: settings)
}
