import Contracts

/// One role of one company (or the platform): the unit the fold keeps numbers for. A snapshot puts
/// together the keys of one company (see `AnalyticsScope`).
enum ScopeKey: Sendable, Hashable, Codable {
    case platform
    case buyer(CompanyID)
    case supplier(CompanyID)
    case distributor(CompanyID)

    var role: AnalyticsRole {
        switch self {
        case .platform: .platform
        case .buyer: .buyer
        case .supplier: .supplier
        case .distributor: .distributor
        }
    }

    var scope: AnalyticsScope {
        switch self {
        case .platform: .platform
        case let .buyer(company), let .supplier(company), let .distributor(company): .company(company)
        }
    }

    /// The keys a company's snapshot is made of, in role order.
    static func keys(of scope: AnalyticsScope) -> [ScopeKey] {
        switch scope {
        case .platform: [.platform]
        case let .company(company): [.buyer(company), .supplier(company), .distributor(company)]
        }
    }

    /// Whether `line` counts in this key: a supplier counts its own lines, a distributor the lines
    /// sold from its shops, the buyer and the platform every line of the order.
    func counts(_ line: LineFact) -> Bool {
        switch self {
        case .platform, .buyer: true
        case let .supplier(company): line.supplier == company
        case let .distributor(company): line.distributor == company
        }
    }
}
