import Contracts

/// Creating companies and the operator's decisions about them.
extension IdentityDecider {
    func bootstrapPlatformOperator(_ bootstrap: PlatformBootstrap, by actor: IdentityActor,
                                   in directory: Directory) throws(IdentityRejection) -> CompanyDraft {
        guard actor == .system else {
            throw IdentityRejection(.accessDenied, "only the gateway itself can bootstrap the platform operator")
        }
        if let existing = directory.platformOperator {
            throw IdentityRejection(.platformOperatorExists, "the platform operator company \(existing.id) already exists")
        }
        guard directory.company(bootstrap.companyID) == nil else {
            throw .invalid("companyID", "company \(bootstrap.companyID) already exists")
        }
        let name = try IdentityValidation.text(bootstrap.name, field: "name", maximum: 128)
        var draft = CompanyDraft(newCompany: bootstrap.companyID, name: name, types: [.operator], status: .approved,
                                 documents: [], region: nil)
        try appendUser(NewUser(username: bootstrap.adminUsername, password: bootstrap.adminPassword,
                               displayName: bootstrap.adminDisplayName, roles: [.companyAdmin, .operator]),
                       to: &draft, in: directory)
        return draft
    }

    func applyForOnboarding(_ application: OnboardingApplication, by actor: IdentityActor,
                            in directory: Directory) throws(IdentityRejection) -> CompanyDraft {
        let name = try IdentityValidation.text(application.name, field: "name", maximum: 128)
        guard !application.types.isEmpty else {
            throw .invalid("types", "choose at least one of supplier, distributor, buyer")
        }
        guard !application.types.contains(.operator) else {
            throw .invalid("types", "companies cannot apply as platform operator")
        }
        let documents = try IdentityValidation.documents(application.documents, limits: limits)
        let region = try application.region.map { (region) throws(IdentityRejection) in
            try IdentityValidation.slug(region, field: "region", maximum: 64)
        }
        let id: CompanyID = try newIdentifier(prefix: "co-") { directory.company($0) != nil }
        var draft = CompanyDraft(newCompany: id, name: name, types: application.types, status: .pending,
                                 documents: documents, region: region)
        try appendUser(NewUser(username: application.adminUsername, password: application.adminPassword,
                               displayName: application.adminDisplayName, roles: [.companyAdmin]),
                       to: &draft, in: directory, fieldPrefix: "admin")
        return draft
    }

    /// pending or rejected → approved.
    func approve(_ company: CompanyDraft) throws(IdentityRejection) -> CompanyDraft {
        guard company.status == .pending || company.status == .rejected else {
            throw IdentityRejection(.invalidCompanyStatus, "company \(company.id) is \(company.status.rawValue); "
                                    + "only pending or rejected companies can be approved")
        }
        var draft = company
        draft.status = .approved
        draft.statusReason = nil
        return draft
    }

    /// pending → rejected, with a reason the applicant reads.
    func reject(_ company: CompanyDraft, reason: String) throws(IdentityRejection) -> CompanyDraft {
        let reason = try IdentityValidation.reason(reason)
        guard company.status == .pending else {
            throw IdentityRejection(.invalidCompanyStatus, "company \(company.id) is \(company.status.rawValue); "
                                    + "only pending companies can be rejected")
        }
        var draft = company
        draft.status = .rejected
        draft.statusReason = reason
        return draft
    }

    /// approved → suspended, with a reason. The operator's own company cannot be suspended.
    func suspend(_ company: CompanyDraft, reason: String) throws(IdentityRejection) -> CompanyDraft {
        let reason = try IdentityValidation.reason(reason)
        guard !company.types.contains(.operator) else {
            throw IdentityRejection(.invalidCompanyStatus, "the platform operator's company cannot be suspended")
        }
        guard company.status == .approved else {
            throw IdentityRejection(.invalidCompanyStatus, "company \(company.id) is \(company.status.rawValue); "
                                    + "only approved companies can be suspended")
        }
        var draft = company
        draft.status = .suspended
        draft.statusReason = reason
        return draft
    }

    /// suspended → approved.
    func reinstate(_ company: CompanyDraft) throws(IdentityRejection) -> CompanyDraft {
        guard company.status == .suspended else {
            throw IdentityRejection(.invalidCompanyStatus, "company \(company.id) is \(company.status.rawValue); "
                                    + "only suspended companies can be reinstated")
        }
        var draft = company
        draft.status = .approved
        draft.statusReason = nil
        return draft
    }

    func setBuyerTier(_ company: CompanyDraft, _ tier: BuyerTier?) throws(IdentityRejection) -> CompanyDraft {
        guard tier == nil || company.types.contains(.buyer) else {
            throw .invalid("tier", "company \(company.id) is not a buyer; only buyers have a tier")
        }
        var draft = company
        draft.tier = tier
        return draft
    }

    func setRegion(_ company: CompanyDraft, _ region: String?) throws(IdentityRejection) -> CompanyDraft {
        var draft = company
        draft.region = try region.map { (region) throws(IdentityRejection) in
            try IdentityValidation.slug(region, field: "region", maximum: 64)
        }
        return draft
    }
}
