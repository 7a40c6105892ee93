import Contracts

/// Users and departments of a company.
extension IdentityDecider {
    func addUser(_ user: NewUser, to company: CompanyDraft, in directory: Directory) throws(IdentityRejection)
        -> CompanyDraft {
        var draft = company
        try appendUser(user, to: &draft, in: directory)
        return draft
    }

    /// Validates and hashes `user` and appends it. `fieldPrefix` "admin" names the fields of an
    /// onboarding application as its body has them ("admin.username", ...).
    func appendUser(_ user: NewUser, to draft: inout CompanyDraft, in directory: Directory,
                    fieldPrefix: String? = nil) throws(IdentityRejection) {
        func field(_ name: String) -> String {
            guard let fieldPrefix else { return name }
            return fieldPrefix + "." + name
        }
        guard draft.users.count < limits.maximumUsers else {
            throw IdentityRejection(.identityLimitReached,
                                    "company \(draft.id) already has the maximum of \(limits.maximumUsers) users")
        }
        let username = try IdentityValidation.username(user.username, field: field("username"))
        if directory.isUsernameTaken(username) || draft.users.contains(where: { $0.username == username }) {
            throw IdentityRejection(.usernameTaken, "username \(username) is already taken", field: field("username"))
        }
        try IdentityValidation.password(user.password, username: username, policy: passwordPolicy,
                                        field: field("password"))
        let displayName = try IdentityValidation.text(user.displayName, field: field("displayName"), maximum: 64)
        try IdentityValidation.roles(user.roles, for: draft.types)
        if let department = user.department, !draft.departments.contains(where: { $0.id == department }) {
            throw IdentityRejection(.departmentNotFound, "company \(draft.id) has no department \(department)",
                                    field: "department")
        }
        let users = draft.users
        let id: UserID = try newIdentifier(prefix: "usr-") { id in users.contains { $0.id == id } }
        let hash = try hashPassword(user.password)
        draft.users.append(CompanyUser(id: id, username: username, displayName: displayName, roles: user.roles,
                                       department: user.department, passwordHash: hash, active: true))
    }

    func setRoles(_ roles: Set<Role>, of user: UserID, in company: CompanyDraft) throws(IdentityRejection)
        -> CompanyDraft {
        try IdentityValidation.roles(roles, for: company.types)
        var draft = company
        let index = try draft.userIndex(user)
        draft.users[index] = draft.users[index].with(roles: roles)
        try requireAdminRemains(before: company, after: draft, field: "roles")
        return draft
    }

    func setActive(_ active: Bool, _ user: UserID, in company: CompanyDraft) throws(IdentityRejection) -> CompanyDraft {
        var draft = company
        let index = try draft.userIndex(user)
        guard draft.users[index].active != active else {
            throw .invalid("user", "user \(user) is already \(active ? "active" : "deactivated")")
        }
        draft.users[index] = draft.users[index].with(active: active)
        try requireAdminRemains(before: company, after: draft, field: "user")
        return draft
    }

    /// A company admin may set anyone's password; a user may change their own by proving the
    /// current one (a stolen token alone must not be enough to take over the account).
    func setPassword(_ newPassword: String, currentPassword: String?, of user: UserID, companyID: CompanyID,
                     by actor: IdentityActor, in directory: Directory) throws(IdentityRejection) -> CompanyDraft {
        let isSelf = if case let .principal(principal) = actor {
            principal.company == companyID && principal.subject == .user(user)
        } else {
            false
        }
        var draft: CompanyDraft
        if isSelf {
            guard let company = directory.company(companyID) else {
                throw IdentityRejection(.companyNotFound, "no company \(companyID)", field: "company")
            }
            draft = CompanyDraft(company)
        } else {
            draft = try self.company(companyID, .manageUsers, actor, directory)
        }
        let index = try draft.userIndex(user)
        if isSelf {
            guard let currentPassword, passwordHasher.verify(currentPassword, against: draft.users[index].passwordHash) else {
                throw IdentityRejection(.accessDenied, "the current password is wrong", field: "currentPassword")
            }
        }
        try IdentityValidation.password(newPassword, username: draft.users[index].username, policy: passwordPolicy,
                                        field: "newPassword")
        draft.users[index] = draft.users[index].with(passwordHash: try hashPassword(newPassword))
        return draft
    }

    func addDepartment(_ name: String, parent: DepartmentID?, to company: CompanyDraft) throws(IdentityRejection)
        -> CompanyDraft {
        let name = try IdentityValidation.text(name, field: "name", maximum: 64)
        guard company.departments.count < limits.maximumDepartments else {
            throw IdentityRejection(.identityLimitReached,
                                    "company \(company.id) already has the maximum of \(limits.maximumDepartments) departments")
        }
        if let parent {
            guard company.departments.contains(where: { $0.id == parent }) else {
                throw IdentityRejection(.departmentNotFound, "company \(company.id) has no department \(parent)",
                                        field: "parent")
            }
            guard depth(of: parent, in: company.departments) < limits.maximumDepartmentDepth else {
                throw .invalid("parent", "departments nest at most \(limits.maximumDepartmentDepth) levels deep")
            }
        }
        let siblingNames = company.departments.filter { $0.parent == parent }.map { $0.name.lowercased() }
        guard !siblingNames.contains(name.lowercased()) else {
            throw IdentityRejection(.departmentExists, "a department named \"\(name)\" already exists there", field: "name")
        }
        let departments = company.departments
        let id: DepartmentID = try newIdentifier(prefix: "dep-") { id in departments.contains { $0.id == id } }
        var draft = company
        draft.departments.append(Department(id: id, name: name, parent: parent))
        return draft
    }

    /// 1 for a top-level department. Parents always exist before their children, so the chain
    /// ends; the bound guards against a corrupt record all the same.
    private func depth(of id: DepartmentID, in departments: [Department]) -> Int {
        var depth = 0
        var current: DepartmentID? = id
        while let next = current, depth <= departments.count {
            depth += 1
            current = departments.first { $0.id == next }?.parent
        }
        return depth
    }

    /// Refuses a change that would leave a company that had an active admin without one (nobody
    /// could manage its users any more).
    private func requireAdminRemains(before: CompanyDraft, after: CompanyDraft, field: String) throws(IdentityRejection) {
        if before.hasActiveAdmin && !after.hasActiveAdmin {
            throw .invalid(field, "company \(after.id) must keep at least one active company admin")
        }
    }
}
