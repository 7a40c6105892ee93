// The analytics service process: folds the order, inventory and payment events into dashboards and
// publishes them as snapshots. Wiring in AnalyticsWiring, settings in AnalyticsSettings.
import ServiceKit

await ServiceMain.run(service: "analytics", readExtra: AnalyticsSettings.read) { context, settings in
    try await AnalyticsWiring.parts(context, settings: settings)
}
