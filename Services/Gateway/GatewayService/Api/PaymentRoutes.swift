import CatalogCore
import Contracts
import Crypto
import Foundation
import GatewayCore
import HTTP
import Kafka

/// Money after the order: a payer's account (credit, invoices, reconciled transfers), settlement
/// statements, the platform's settlement rules, bank statement imports, and the payment
/// provider's signed callback.
enum PaymentRoutes {
    struct BankTransfer: Decodable { let payer: CompanyID; let reference: String; let amount: Money; let bankTransactionId: String }
    struct BankTransfers: Decodable { let transfers: [BankTransfer] }
    struct ProviderNotice: Decodable {
        let payer: CompanyID
        let order: OrderID
        let providerPaymentId: String
        let amount: Money
        let status: ProviderPaymentStatus
        let failureReason: String?
    }
    /// A rule as clients send it: margin and rebate may be left out (0).
    struct RuleRequest: Decodable {
        let supplier: CompanyID?
        let distributor: CompanyID?
        let category: [String]?
        let platformCommissionBasisPoints: Int64
        let distributorMarginBasisPoints: Int64?
        let rebateBasisPoints: Int64?

        var rule: SettlementRule {
            SettlementRule(supplier: supplier, distributor: distributor, category: category,
                           platformCommissionBasisPoints: platformCommissionBasisPoints,
                           distributorMarginBasisPoints: distributorMarginBasisPoints ?? 0, rebateBasisPoints: rebateBasisPoints ?? 0)
        }
    }
    struct RulesRequest: Decodable { let rules: [RuleRequest] }
    struct Recorded: Encodable { let accepted: Int; let status: String }
    struct RulesView: Encodable { let rules: [SettlementRule]; let setBy: CompanyID? }

    /// Transfers per import request; a bank statement of a day fits, a year goes in several requests.
    static let maximumTransfersPerImport = 1_000
    /// Statement periods: at most a year per request.
    static let maximumStatementDays = 366.0
    static let providerSignatureHeader = "Tradeflow-Provider-Signature"

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let companyPath = RouteDescriptor.Parameter("id", in: .path, .string, "the company id")
        api.add(RouteDescriptor("GET", "/v1/companies/{id}/payment-account", operationId: "getPaymentAccount",
                                summary: "A payer's credit line (账期), open invoices and reconciled payments",
                                tag: "payments", parameters: [companyPath],
                                responses: [.init(200, "the account", .ref("PaymentAccount"))])) { request in
            let principal = try context.principal(request)
            let payer = try companyID(request)
            try context.authorize(principal, .viewCredit, owner: ResourceOwner(kind: "payment account", owner: payer))
            guard context.state.directory.withLock({ $0.company(payer) }) != nil else { throw ApiError.notFound("company \(payer)") }
            let reply: PaymentQueryReply = try await context.request(Topics.paymentCommands, service: "payment",
                                                                     correlation: request.correlationId,
                                                                     key: { $0.partitionKey }) { address in
                .getAccount(GetPaymentAccount(payer: payer, replyTo: address))
            }
            guard case let .account(view) = reply.outcome else { throw ApiError(.badGateway, "bad-reply", "payment answered with a statement") }
            return json(view)
        }

        api.add(RouteDescriptor("GET", "/v1/companies/{id}/settlement-statement", operationId: "getSettlementStatement",
                                summary: "Settlement statement (结算单) of a supplier, distributor or the platform for a period",
                                tag: "payments",
                                parameters: [companyPath,
                                             .init("from", in: .query, .string, "start, inclusive: 2026-11-01 or a UTC timestamp; default: start of this month"),
                                             .init("to", in: .query, .string, "end, exclusive; default: now; at most 366 days after from")],
                                responses: [.init(200, "the statement", .ref("SettlementStatement"))])) { request in
            let principal = try context.principal(request)
            let company = try companyID(request)
            try context.authorize(principal, .viewSettlement, owner: ResourceOwner(kind: "settlement statement", owner: company))
            let (from, to) = try period(request, now: Date())
            let directory = context.state.directory.withLock { $0 }
            guard directory.company(company) != nil else { throw ApiError.notFound("company \(company)") }
            let platform = directory.platformOperator?.id == company
            let statement = try await statement(of: company, from: from, to: to, platform: platform,
                                                correlation: request.correlationId, context: context)
            return json(statement)
        }

        api.add(RouteDescriptor("GET", "/v1/settlement-rules", operationId: "getSettlementRules",
                                summary: "The platform's settlement rules (分账规则) in force", tag: "payments",
                                responses: [.init(200, "the rules", .ref("SettlementRulesView"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .viewSettlement, owner: ResourceOwner(kind: "settlement rules", owner: principal.company))
            let current = context.settlementRules.current
            return json(RulesView(rules: current?.rules ?? [], setBy: current?.setBy))
        }

        api.add(RouteDescriptor("PUT", "/v1/settlement-rules", operationId: "setSettlementRules",
                                summary: "Replace the settlement rules (platform finance); applies to orders authorized afterwards",
                                tag: "payments", requestBody: .ref("SettlementRules"),
                                responses: [.init(202, "recorded", .ref("Recorded"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .manageCredit)
            guard principal.roles.contains(.finance) else { throw ApiError.forbidden("settlement rules are set by a platform finance user") }
            let body = try request.body(RulesRequest.self)
            let rules = body.rules.map(\.rule)
            try checkBeforeSending(rules, directory: context.state.directory.withLock { $0 },
                                   categories: context.state.catalogSnapshot().state.categories)
            let command = PaymentCommand.setSettlementRules(SetSettlementRules(rules: rules, by: context.paymentActor(principal)))
            try await send(command, request: request, context: context)
            return json(Recorded(accepted: body.rules.count, status: "recorded"), status: .accepted)
        }

        api.add(RouteDescriptor("POST", "/v1/payments/bank-transfers", operationId: "importBankTransfers",
                                summary: "Import bank statement lines; each is reconciled (对账) by reference and amount (platform finance)",
                                tag: "payments", requestBody: .ref("BankTransfers"),
                                responses: [.init(202, "recorded; see each payer's payment account for the match", .ref("Recorded"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .manageCredit)
            guard principal.roles.contains(.finance) else { throw ApiError.forbidden("bank statements are imported by a platform finance user") }
            let body = try request.body(BankTransfers.self)
            guard !body.transfers.isEmpty, body.transfers.count <= maximumTransfersPerImport else {
                throw ApiError.invalid("transfers", "send 1...\(maximumTransfersPerImport) transfers per request")
            }
            try checkBeforeSending(body.transfers, directory: context.state.directory.withLock { $0 })
            // One command per line. Payment recognises a bank transaction id it has seen and records
            // the line as a `duplicate` match, so a statement imported twice is visible, not doubled.
            let commands = body.transfers.map { transfer in
                PaymentCommand.recordBankTransfer(RecordBankTransfer(payer: transfer.payer, reference: transfer.reference,
                                                                     amount: transfer.amount, bankTransactionId: transfer.bankTransactionId))
            }
            for command in commands { try await send(command, request: request, context: context) }
            return json(Recorded(accepted: commands.count, status: "recorded"), status: .accepted)
        }

        api.add(RouteDescriptor("POST", "/v1/payments/provider-callback", operationId: "providerCallback",
                                summary: "Payment provider webhook: a prepayment succeeded or failed. Signed: header "
                                    + "\(providerSignatureHeader): t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")>",
                                tag: "payments", access: .anonymous,
                                parameters: [.init(providerSignatureHeader, in: .header, .string, required: true)],
                                requestBody: .ref("ProviderCallback"),
                                responses: [.init(202, "recorded", .ref("Recorded")), .init(401, "missing or wrong signature")])) { request in
            try context.rateLimit(key: "payment-provider")
            try verifyProviderSignature(request, secret: context.settings.paymentProviderSecret)
            // Providers add fields to their notices without asking; what is not read is ignored.
            let notice = try request.body(ProviderNotice.self, unknownFields: .ignored)
            guard notice.amount.minorUnits > 0 else { throw ApiError.invalid("amount", "amount must be positive") }
            let paymentId = notice.providerPaymentId.trimmingCharacters(in: .whitespaces)
            guard !paymentId.isEmpty, paymentId.count <= limits.maximumExternalIdLength else {
                throw ApiError.invalid("providerPaymentId", "providerPaymentId must be 1...\(limits.maximumExternalIdLength) characters")
            }
            try checkPayer(notice.payer, field: "payer", directory: context.state.directory.withLock { $0 })
            let command = PaymentCommand.providerCallback(ProviderCallback(
                payer: notice.payer, order: notice.order, providerPaymentId: notice.providerPaymentId, amount: notice.amount,
                status: notice.status, failureReason: notice.failureReason))
            // Providers retry webhooks; the same notice gets the same id, and payment recognises it.
            let id = MessageID.derived(from: "provider-callback", notice.payer.rawValue, notice.providerPaymentId, notice.status.rawValue)
            try await send(command, id: id, request: request, context: context)
            return json(Recorded(accepted: 1, status: "recorded"), status: .accepted)
        }
    }

    // MARK: helpers

    static func companyID(_ request: HTTPRequest) throws -> CompanyID {
        guard let id = try? CompanyID(request.requiredPath("id")) else { throw ApiError.invalid("id", "not a company id") }
        return id
    }

    static func send(_ command: PaymentCommand, id: MessageID = MessageID.random(), request: HTTPRequest,
                     context: ApiContext) async throws {
        let envelope = Envelope(id: id, occurredAt: Date(), causationId: nil, correlationId: request.correlationId,
                                tenant: context.service.settings.tenant, key: command.partitionKey, payload: command)
        try await context.service.publish(envelope, to: Topics.paymentCommands, queueWait: context.settings.requestTimeout)
    }

    static func verifyProviderSignature(_ request: HTTPRequest, secret: String) throws {
        guard !secret.isEmpty else {
            throw ApiError(.serviceUnavailable, "not-configured", "provider callbacks are off: TRADEFLOW_PAYMENT_PROVIDER_SECRET is not set")
        }
        guard let header = request.headers[providerSignatureHeader] else {
            throw ApiError(.unauthorized, "missing-signature", "send \(providerSignatureHeader): t=<unix seconds>,v1=<hex HMAC-SHA256>",
                           field: providerSignatureHeader)
        }
        do {
            try WebhookSignature.verify(header: header, body: request.body, secret: secret, now: Int64(Date().timeIntervalSince1970))
        } catch {
            throw ApiError(.unauthorized, "invalid-signature", error.description, field: providerSignatureHeader)
        }
    }

    /// [from, to) from the query: a day (2026-11-01) or a UTC timestamp; default this month so far.
    static func period(_ request: HTTPRequest, now: Date) throws -> (Date, Date) {
        func parse(_ name: String) throws -> Date? {
            guard let text = request.query[name], !text.isEmpty else { return nil }
            let day = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            let stamp = ISO8601DateFormatter()
            stamp.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let plain = ISO8601DateFormatter()
            guard let date = (text.count == 10 ? day.date(from: text) : stamp.date(from: text) ?? plain.date(from: text)) else {
                throw ApiError.invalid(name, "\(name) must be a day like 2026-11-01 or a UTC timestamp like 2026-11-01T00:00:00Z")
            }
            // The formatter rolls a day that does not exist over (2026-02-30 becomes March 2nd).
            let calendarDay = String(text.prefix(10))
            guard day.date(from: calendarDay).map(day.string(from:)) == calendarDay else {
                throw ApiError.invalid(name, "\(name): \(calendarDay) is not a day of the calendar")
            }
            return date
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let monthStart = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
        let from = try parse("from") ?? monthStart
        let to = try parse("to") ?? now.addingTimeInterval(1)
        guard from < to else { throw ApiError.invalid("to", "to must be after from") }
        guard to.timeIntervalSince(from) <= maximumStatementDays * 86_400 else {
            throw ApiError.invalid("to", "a statement covers at most \(Int(maximumStatementDays)) days")
        }
        return (from, to)
    }

    /// What payment would refuse after the 202, refused now with the field: the rule's own problems
    /// (shares, category), a repeated selector. Also rules that could never match, because a rule
    /// set replaces every rule and rates are fixed when an order is authorized, so a typo would
    /// settle every order until it is noticed: a supplier or distributor the platform does not know
    /// or that does not supply or distribute, a category the catalog lacks, and an empty list (no
    /// commission or margin for anyone: say so with a catch-all rule of 0 basis points).
    static func checkBeforeSending(_ rules: [SettlementRule], directory: Directory, categories: CategoryTree) throws {
        guard !rules.isEmpty else {
            throw ApiError.invalid("rules", "send at least one rule; to keep no commission or margin at all, "
                                   + "send one rule without supplier, distributor or category and 0 basis points")
        }
        for (index, rule) in rules.enumerated() {
            if let problem = rule.problem(limits: limits) {
                throw ApiError.invalid(problem.field.map { "rules[\(index)].\($0)" } ?? "rules[\(index)]", problem.message)
            }
            for (field, company, type) in [("supplier", rule.supplier, CompanyType.supplier),
                                           ("distributor", rule.distributor, CompanyType.distributor)] {
                guard let company else { continue }
                guard let known = directory.company(company) else {
                    throw ApiError.invalid("rules[\(index)].\(field)", "rules[\(index)].\(field): no company \(company) on the platform")
                }
                guard known.types.contains(type) else {
                    throw ApiError.invalid("rules[\(index)].\(field)",
                                           "rules[\(index)].\(field): \(company) is not a \(type.rawValue); the rule would never apply")
                }
            }
            if let category = rule.category, !category.isEmpty, categories.node(at: category) == nil {
                throw ApiError.invalid("rules[\(index)].category", "the catalog has no category "
                                       + "\(category.joined(separator: " > ")); see GET /v1/categories")
            }
        }
        if let (index, earlier) = SettlementRule.repeatedSelector(in: rules) {
            throw ApiError.invalid("rules[\(index)]", "rules[\(index)] has the same selector (\(rules[index].selectorDescription)) as rules[\(earlier)]")
        }
    }

    static let limits = PaymentLimits.standard

    /// Bank statement lines payment would refuse after the 202, refused now with the field.
    static func checkBeforeSending(_ transfers: [BankTransfer], directory: Directory) throws {
        for (index, transfer) in transfers.enumerated() {
            let field = "transfers[\(index)]"
            guard (1...limits.maximumPaymentMinorUnits).contains(transfer.amount.minorUnits) else {
                throw ApiError.invalid("\(field).amount", "amount must be positive and at most \(limits.maximumPaymentMinorUnits) minor units")
            }
            try checkPayer(transfer.payer, field: "\(field).payer", directory: directory)
            let id = transfer.bankTransactionId.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, id.count <= limits.maximumExternalIdLength else {
                throw ApiError.invalid("\(field).bankTransactionId", "bankTransactionId must be 1...\(limits.maximumExternalIdLength) characters")
            }
            guard transfer.reference.count <= limits.maximumTextLength else {
                throw ApiError.invalid("\(field).reference", "reference must be at most \(limits.maximumTextLength) characters")
            }
        }
    }

    /// Money is taken only for companies that buy on the platform: a payment naming another one
    /// would sit on an account nobody pays from (and show on a supplier's statement).
    static func checkPayer(_ payer: CompanyID, field: String, directory: Directory) throws {
        guard let company = directory.company(payer) else {
            throw ApiError.invalid(field, "\(field): no company \(payer) on the platform")
        }
        guard company.types.contains(.buyer) else {
            throw ApiError.invalid(field, "\(field): \(payer) does not buy on the platform, so it pays for no order")
        }
    }

    /// Asks every payment partition (their ledgers hold different payers) and combines the answers.
    static func statement(of company: CompanyID, from: Date, to: Date, platform: Bool = false, correlation: CorrelationID,
                          context: ApiContext) async throws -> SettlementStatement {
        let parts = try await withThrowingTaskGroup(of: SettlementStatement.self) { group in
            for key in partitionKeys {
                group.addTask {
                    let reply: PaymentQueryReply = try await context.request(Topics.paymentCommands, service: "payment",
                                                                             correlation: correlation, key: { $0.partitionKey }) { address in
                        .getStatement(GetSettlementStatement(company: company, from: from, to: to, routingKey: key, replyTo: address,
                                                             platform: platform ? true : nil))
                    }
                    guard case let .statement(part) = reply.outcome else {
                        throw ApiError(.badGateway, "bad-reply", "payment answered with an account")
                    }
                    return part
                }
            }
            var parts: [SettlementStatement] = []
            for try await part in group { parts.append(part) }
            return parts
        }
        guard let combined = SettlementStatement.combined(parts) else {
            throw ApiError(.badGateway, "bad-reply", "payment partitions answered for different periods")
        }
        return combined
    }

    /// One key per partition of `payment.commands.v1`, so a statement query reaches every
    /// partition's ledger exactly once.
    static let partitionKeys = PartitionKeys.covering(partitions: Topics.paymentCommands.partitions, prefix: "statement-")
}
