import AnalyticsCore
import Contracts
import Foundation

/// One section of a snapshot's views (`GET /v1/analytics/{section}`): the snapshot's header and,
/// per view, its role and that one part. Only the chosen part is set, and nil fields are left out.
struct AnalyticsSection: Encodable {
    struct View: Encodable {
        let role: AnalyticsRole
        var totals: AnalyticsTotals?
        var buckets: AnalyticsBuckets?
        var topSkus: AnalyticsTopSKUs?
        var breakdowns: AnalyticsBreakdowns?
        var dealers: AnalyticsDealers?
        var stock: AnalyticsStock?
        var shipping: AnalyticsShipping?
        var funnel: AnalyticsFunnel?
    }

    let scope: AnalyticsScope
    let asOf: Date
    let windows: AnalyticsWindows
    let section: String
    let views: [View]

    init(_ snapshot: AnalyticsSnapshot, _ section: AnalyticsCSV.Section) {
        scope = snapshot.scope
        asOf = snapshot.asOf
        windows = snapshot.windows
        self.section = section.rawValue
        views = snapshot.views.map { source in
            var view = View(role: source.role)
            switch section {
            case .totals: view.totals = source.totals
            case .buckets: view.buckets = source.buckets
            case .topSkus: view.topSkus = source.topSkus
            case .breakdowns: view.breakdowns = source.breakdowns
            case .dealers: view.dealers = source.dealers
            case .stock: view.stock = source.stock
            case .shipping: view.shipping = source.shipping
            case .funnel: view.funnel = source.funnel
            }
            return view
        }
    }
}
