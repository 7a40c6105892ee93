import AnalyticsCore
import Contracts
import Foundation
import GatewayCore
import HTTP

/// Dashboards, answered from the gateway's replica of `analytics.snapshots.v1` (reads never wait
/// for the analytics service).
///
/// A company reads its own numbers (a supplier its sales, a buyer its purchasing; one view per
/// role it has numbers in); the platform operator reads the platform's (`company=platform`, the
/// default for operators) or any company's. `role` narrows a snapshot to one view, a section path
/// to one part of every view, and `.csv` (or `format=csv`) exports a section as CSV.
enum AnalyticsRoutes {
    static func install(on api: inout ApiRouter, context: ApiContext) {
        let company = RouteDescriptor.Parameter("company", in: .query, .string,
                                                "whose numbers: the caller's company (default), or for platform operators \"platform\" (their default) or any company id")
        let role = RouteDescriptor.Parameter("role", in: .query, .enumeration(AnalyticsRole.allNames),
                                             "only this role's view (a company that both sells and buys has several)")
        let denied = RouteDescriptor.Response(403, "the numbers belong to another company, or the caller's role may not view analytics")
        let missing = RouteDescriptor.Response(404, "no numbers yet for that company (or no view for that role)")

        api.add(RouteDescriptor("GET", "/v1/analytics", operationId: "getAnalytics",
                                summary: "Dashboards: totals, buckets, top SKUs, breakdowns, dealers, stock, shipping, funnel",
                                tag: "analytics", parameters: [company, role],
                                responses: [.init(200, "the snapshot", .ref("AnalyticsSnapshot")), denied, missing])) { request in
            json(try snapshot(request, context: context))
        }

        let section = RouteDescriptor.Parameter("section", in: .path, .string,
                                                "one of \(AnalyticsCSV.Section.allCases.map(\.rawValue).joined(separator: ", ")); append .csv for CSV")
        let format = RouteDescriptor.Parameter("format", in: .query, .enumeration(["json", "csv"]), "json (default) or csv")
        api.add(RouteDescriptor("GET", "/v1/analytics/{section}", operationId: "getAnalyticsSection",
                                summary: "One section of the dashboards, as JSON or CSV (e.g. /v1/analytics/totals.csv)",
                                tag: "analytics", parameters: [section, company, role, format],
                                responses: [.init(200, "the section of every view (JSON), or the section as CSV (RFC 4180)", .ref("AnalyticsSection")),
                                            .init(200, "", .string, contentType: "text/csv"),
                                            denied, missing])) { request in
            var name = try request.requiredPath("section")
            var csv = false
            if name.hasSuffix(".csv") {
                name.removeLast(".csv".count)
                csv = true
            }
            switch request.query["format"] {
            case nil, "json": break
            case "csv": csv = true
            default: throw ApiError.invalid("format", "format must be json or csv")
            }
            guard let part = AnalyticsCSV.Section(rawValue: name) else {
                throw ApiError.invalid("section", "section must be one of \(AnalyticsCSV.Section.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let snapshot = try snapshot(request, context: context)
            return csv ? csvResponse(snapshot, part) : json(AnalyticsSection(snapshot, part))
        }
    }

    /// The snapshot the caller asked for and may read, narrowed to `role` if given.
    static func snapshot(_ request: HTTPRequest, context: ApiContext) throws -> AnalyticsSnapshot {
        let principal = try context.principal(request)
        let scope = try requestedScope(request, principal: principal)
        switch scope {
        case .platform:
            try context.authorize(principal, .viewAnalytics)
            guard principal.isPlatformOperator else {
                throw ApiError.forbidden("platform-wide analytics are for platform operators; a company reads its own with GET /v1/analytics")
            }
        case let .company(company):
            try context.authorize(principal, .viewAnalytics, owner: ResourceOwner(kind: "analytics of company \(company)", owner: company))
        }
        guard let snapshot = context.state.analytics(scope) else {
            if case let .company(company) = scope, context.state.directory.withLock({ $0.company(company) }) == nil {
                throw ApiError.notFound("company \(company)")
            }
            throw ApiError(.notFound, "no-analytics-yet",
                           "no analytics for \(scope.key) yet: numbers appear within seconds of its first order or stock movement")
        }
        guard let text = request.query["role"] else { return snapshot }
        guard let role = AnalyticsRole(rawValue: text) else {
            throw ApiError.invalid("role", "role must be one of \(AnalyticsRole.allNames.joined(separator: ", "))")
        }
        guard let view = snapshot.view(role) else {
            let roles = snapshot.views.map(\.role.rawValue).joined(separator: ", ")
            throw ApiError(.notFound, "no-analytics-yet",
                           "analytics of \(scope.key) have no \(role.rawValue) view (views: \(roles.isEmpty ? "none" : roles))")
        }
        return AnalyticsSnapshot(scope: snapshot.scope, asOf: snapshot.asOf, windows: snapshot.windows, views: [view])
    }

    /// `company` as asked, else the caller's own numbers (the platform's for its operators).
    static func requestedScope(_ request: HTTPRequest, principal: Principal) throws -> AnalyticsScope {
        guard let text = request.query["company"], !text.isEmpty else {
            return principal.isPlatformOperator ? .platform : .company(principal.company)
        }
        if text == AnalyticsScope.platformKey { return .platform }
        guard let company = try? CompanyID(text) else { throw ApiError.invalid("company", "company must be a company id or \"platform\"") }
        return .company(company)
    }

    static func csvResponse(_ snapshot: AnalyticsSnapshot, _ section: AnalyticsCSV.Section) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, body: Array(AnalyticsCSV.export(snapshot, section: section).utf8))
        response.headers.replaceOrAdd("Content-Type", "text/csv; charset=utf-8")
        let name = "analytics-\(snapshot.key)-\(section.rawValue).csv".filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        response.headers.replaceOrAdd("Content-Disposition", "attachment; filename=\"\(name)\"")
        return response
    }
}

extension AnalyticsRole {
    static var allNames: [String] { allCases.map(\.rawValue) }
}
