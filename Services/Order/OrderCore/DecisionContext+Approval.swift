import Contracts

extension DecisionContext {
    /// Approves the order's current step. After the last step the order starts reserving stock and
    /// its payment deadline starts.
    func approve(_ command: ApproveOrder) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        let step = try currentStep(of: record, verb: "approved")
        try TextRules.optional(command.comment, field: "comment", maximum: TextRules.noteText)
        try checkRole(command.roles, of: command.approver, for: step, in: record)
        if policy.separationOfDuties {
            if command.approver == record.placedBy {
                throw Refusal(.forbidden, field: "approver", "\(command.approver) placed order \(record.order) and cannot approve it")
            }
            if let earlier = record.approvalDecisions.firstIndex(where: { $0.by == command.approver }) {
                throw Refusal(.forbidden, field: "approver",
                              "\(command.approver) already approved step \(earlier + 1) of order \(record.order); step \(step + 1) (\(record.approvalSteps[step].role)) needs another user")
            }
        }
        let remaining = record.approvalSteps[(step + 1)...].map(\.role)
        let approved = OrderApproved(
            commandId: commandId, order: record.order, buyer: buyer, at: now, approver: command.approver,
            role: record.approvalSteps[step].role, step: step + 1, comment: command.comment,
            remainingRoles: Array(remaining),
            paymentDueBy: remaining.isEmpty ? deadline(after: policy.paymentTimeout) : nil)
        var effects = Effects(events: [.approved(approved)])
        if remaining.isEmpty { effects.outbox = reserveRequests(for: record) }
        return .accept(effects)
    }

    /// Refuses the order at its current step: the order is rejected with the approver's comment.
    func rejectApproval(_ command: RejectOrderApproval) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        let step = try currentStep(of: record, verb: "rejected by an approver")
        try TextRules.require(command.comment, field: "comment", maximum: TextRules.noteText)
        try checkRole(command.roles, of: command.approver, for: step, in: record)
        let role = record.approvalSteps[step].role
        return .accept(Effects(events: [
            .approvalRejected(OrderApprovalRejected(
                commandId: commandId, order: record.order, buyer: buyer, at: now, approver: command.approver,
                role: role, step: step + 1, comment: command.comment)),
            .rejected(OrderRejected(
                commandId: commandId, order: record.order, buyer: buyer, at: now, code: .approvalRejected,
                reason: "approval refused by \(command.approver) (\(role)): \(command.comment)", released: [])),
        ]))
    }

    /// Replaces the buyer's approval rules.
    func setApprovalRules(_ command: SetApprovalRules) throws(Refusal) -> Verdict {
        if command.rules.count > policy.maximumApprovalRules {
            throw Refusal(.limitExceeded, field: "rules",
                          "a buyer has at most \(policy.maximumApprovalRules) approval rules, got \(command.rules.count)")
        }
        var names: Set<String> = []
        for (index, rule) in command.rules.enumerated() {
            let field = "rules[\(index)]"
            try TextRules.require(rule.name, field: "\(field).name", maximum: TextRules.shortText)
            if !names.insert(rule.name).inserted {
                throw .invalid("\(field).name", "another rule is already called \"\(rule.name)\"")
            }
            if rule.roles.isEmpty { throw .invalid("\(field).roles", "a rule needs at least one approver role") }
            for (roleIndex, role) in rule.roles.enumerated() {
                guard let known = Role(rawValue: role) else {
                    throw .invalid("\(field).roles[\(roleIndex)]",
                                   "\"\(role)\" is not a role; expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard Role.orderApprovers.contains(known) else {
                    throw .invalid("\(field).roles[\(roleIndex)]",
                                   "role \(role) cannot approve orders; expected one of \(Role.orderApprovers.map(\.rawValue).joined(separator: ", "))")
                }
                if rule.roles[..<roleIndex].contains(role) {
                    throw .invalid("\(field).roles[\(roleIndex)]", "role \(role) is listed twice")
                }
            }
            if let minimum = rule.minimumTotal, minimum.isNegative {
                throw .invalid("\(field).minimumTotal", "minimum total must not be negative, got \(minimum)")
            }
            if let category = rule.category {
                if category.isEmpty { throw .invalid("\(field).category", "category must name at least one level") }
                try TextRules.category(category, field: "\(field).category")
            }
        }
        return .accept(Effects(
            events: [.approvalRulesSet(OrderApprovalRulesSet(commandId: commandId, buyer: buyer, at: now, rules: command.rules))],
            replyOutcome: .approvalRules(command.rules)))
    }

    /// The 0-based step waiting for a decision, or a rejection saying why there is none.
    private func currentStep(of record: OrderRecord, verb: String) throws(Refusal) -> Int {
        if let step = record.currentApprovalStep { return step }
        if record.approvalSteps.isEmpty {
            throw .state("order \(record.order) needs no approval; it cannot be \(verb)")
        }
        throw .state("order \(record.order) is \(record.status.phrase); it can no longer be \(verb)")
    }

    private func checkRole(_ roles: [String], of user: UserID, for step: Int, in record: OrderRecord) throws(Refusal) {
        let role = record.approvalSteps[step].role
        guard roles.contains(role) else {
            let held = roles.isEmpty ? "no role" : roles.joined(separator: ", ")
            throw Refusal(.forbidden, field: "roles",
                          "step \(step + 1) of order \(record.order) needs a user with role \(role); \(user) has \(held)")
        }
    }
}
