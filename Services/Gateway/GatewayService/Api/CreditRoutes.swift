import Contracts
import Foundation
import GatewayCore
import HTTP

/// Credit terms (账期): the platform's finance team (or a supplier's, for its own buyers) grants a
/// buyer a credit line and payment terms; the payment service holds it.
enum CreditRoutes {
    struct CreditLineRequest: Decodable { let limit: Money; let termDays: Int }
    struct Accepted: Encodable { let payer: CompanyID; let status: String }

    static func install(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("PUT", "/v1/companies/{id}/credit-line", operationId: "setCreditLine",
                                summary: "Grant or change a buyer's credit limit and payment terms (platform finance)",
                                tag: "payments", parameters: [.init("id", in: .path, .string, "the buyer company id")],
                                requestBody: .ref("CreditLineRequest"),
                                responses: [.init(202, "recorded; applies to the next authorization",
                                                  .object([.init("payer", .string), .init("status", .string)]))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .manageCredit)
            guard principal.roles.contains(.finance) else { throw ApiError.forbidden("credit lines are granted by a finance user") }
            let body = try request.body(CreditLineRequest.self)
            guard let payer = try? CompanyID(request.requiredPath("id")) else { throw ApiError.invalid("id", "not a company id") }
            // Payment cannot tell a company id from a typo; the directory can.
            guard let company = context.state.directory.withLock({ $0.company(payer) }) else { throw ApiError.notFound("company \(payer)") }
            guard company.types.contains(.buyer) else {
                throw ApiError.invalid("id", "company \(payer) does not buy (its types: \(company.types.map(\.rawValue).sorted().joined(separator: ", "))); credit lines are for buyers")
            }
            guard !body.limit.isNegative else { throw ApiError.invalid("limit", "limit must not be negative, got \(body.limit)") }
            guard (0...365).contains(body.termDays) else { throw ApiError.invalid("termDays", "termDays must be 0...365") }
            try await refuseWhatPaymentWould(body.limit, payer: payer, principal: principal, request: request, context: context)
            let command = PaymentCommand.setCreditLine(SetCreditLine(payer: payer, limit: body.limit, termDays: body.termDays,
                                                                     by: context.paymentActor(principal)))
            let envelope = Envelope(id: MessageID.random(), occurredAt: Date(), causationId: nil, correlationId: request.correlationId,
                                    tenant: context.service.settings.tenant, key: payer.rawValue, payload: command)
            try await context.service.publish(envelope, to: Topics.paymentCommands, queueWait: context.settings.requestTimeout)
            return json(Accepted(payer: payer, status: "recorded"), status: .accepted)
        }
    }

    /// Payment refuses a change of another grantor's line (unless by the platform) and a currency
    /// change while credit is reserved or owed in the old one; its answer would come after the
    /// 202. Asked first, so the finance user hears it now. Payment still decides: if it does not
    /// answer in time the command goes as before, and a refusal is on `payment.events.v1`.
    static func refuseWhatPaymentWould(_ limit: Money, payer: CompanyID, principal: Principal, request: HTTPRequest,
                                       context: ApiContext) async throws {
        let reply: PaymentQueryReply? = try? await context.request(Topics.paymentCommands, service: "payment",
                                                                   correlation: request.correlationId,
                                                                   key: { $0.partitionKey }) { address in
            .getAccount(GetPaymentAccount(payer: payer, replyTo: address))
        }
        guard case let .account(view)? = reply?.outcome, let credit = view.credit else { return }
        if credit.grantedBy != principal.company, !principal.isPlatformOperator {
            throw ApiError.forbidden("the credit line of \(payer) was granted by \(credit.grantedBy); only it or the platform may change it")
        }
        let inUse = [credit.reserved, credit.outstanding].first { $0.isPositive }
        if let inUse, limit.currency != credit.limit.currency {
            throw ApiError(.conflict, RejectionCode.paymentCurrencyMismatch.rawValue,
                           "\(payer) has credit reserved or owed in \(inUse.currency); the limit must stay in \(inUse.currency) until it is settled",
                           field: "limit")
        }
    }
}
