import Contracts
import Foundation
import GatewayCore
import HTTP
import Kafka

/// A supplier's or distributor's order desk (订单处理): every sub-order it ships, or whose lines
/// its shop sold, across all its buyers, from the moment the order is confirmed. Orders live on
/// their buyers' partitions, so the gateway asks every order partition and merges the answers
/// (`SubOrderDeskPages`).
enum SubOrderDeskRoutes {
    static func install(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("GET", "/v1/sub-orders", operationId: "listSubOrders",
                                summary: "The caller's order desk: sub-orders of confirmed orders it ships or sold through its shop, newest (or oldest) confirmed first (suppliers, distributors; operators with ?company=)",
                                tag: "orders",
                                parameters: [.init("company", in: .query, .string, "whose desk (platform operators; others read their own)"),
                                             .init("orderStatus", in: .query, .string, "only orders in this status: confirmed, completed or cancelled"),
                                             .init("status", in: .query, .string, "only sub-orders in this status: open (to ship), shipped or delivered"),
                                             .init("sort", in: .query, .enumeration(["newest", "oldest"]), "newest confirmed first (default), or oldest first to ship in order"),
                                             .init("before", in: .query, .string, "the previous page's nextBefore (or, oldest first, the last page's resumeBefore)"),
                                             .init("limit", in: .query, .integer, "1...100, default 20"),
                                             .init("lines", in: .query, .boolean, "true: each sub-order with its lines (SKU, quantity, price, warehouses); as CSV, one row per line"),
                                             .init("format", in: .query, .enumeration(["json", "csv"]), "json (default) or csv: the page as CSV (shipping slips, WMS import), its cursors in the \(nextBeforeHeader) and \(resumeBeforeHeader) headers")],
                                responses: [.init(200, "a page of sub-orders (JSON), or the page as CSV (RFC 4180)", .ref("SubOrderPage")),
                                            .init(200, "", .string, contentType: "text/csv")])) { request in
            let principal = try context.principal(request)
            let query = try DeskQuery(request, principal: principal)
            // The desk is where sellers work their orders; a buyer's own orders are at GET /v1/orders.
            guard principal.isPlatformOperator || !principal.companyTypes.isDisjoint(with: [.supplier, .distributor]) else {
                throw ApiError.forbidden("the order desk is for suppliers and distributors; a buyer's orders are at GET /v1/orders")
            }
            try context.authorize(principal, .viewOrders, owner: ResourceOwner(kind: "order desk", owner: query.company))
            let parts = try await parts(of: query, correlation: request.correlationId, context: context)
            let page = SubOrderDeskPages.page(of: parts, limit: query.limit, oldestFirst: query.sort == .oldest)
            return query.format == .csv ? csv(page, of: query.company, withLines: query.withLines) : json(page)
        }
    }

    enum Sort: String, CaseIterable { case newest, oldest }
    enum Format: String, CaseIterable { case json, csv }

    /// A desk request's parameters, each refused by name when malformed.
    struct DeskQuery {
        let company: CompanyID
        let orderStatus: OrderStatus?
        let status: SubOrderStatus?
        let sort: Sort
        /// Where each partition goes on from (`before`); nil: from its start.
        let positions: [Int?]
        let limit: Int
        let format: Format
        let withLines: Bool

        init(_ request: HTTPRequest, principal: Principal) throws {
            company = try request.companyQuery("company") ?? principal.company
            orderStatus = try request.choiceQuery("orderStatus", OrderStatus.self)
            status = try request.choiceQuery("status", SubOrderStatus.self)
            sort = try request.choiceQuery("sort", Sort.self) ?? .newest
            do throws(SubOrderDeskPages.InvalidCursor) {
                positions = try SubOrderDeskPages.positions(from: request.query["before"], partitions: partitionKeys.count,
                                                            oldestFirst: sort == .oldest)
            } catch {
                throw ApiError.invalid("before", error.reason)
            }
            limit = Int(try request.intQuery("limit", default: 20, range: 1...100))
            format = try request.choiceQuery("format", Format.self) ?? .json
            withLines = try request.boolQuery("lines")
        }
    }

    /// Every order partition's part of the page, in partition order.
    static func parts(of query: DeskQuery, correlation: CorrelationID, context: ApiContext) async throws -> [SubOrderDeskPart] {
        let oldestFirst = query.sort == .oldest
        return try await withThrowingTaskGroup(of: (Int, SubOrderDeskPart).self) { group in
            for (index, key) in partitionKeys.enumerated() {
                // Newest first, a partition read down to position 0 has nothing more to say.
                if !oldestFirst, query.positions[index] == 0 { continue }
                group.addTask {
                    let reply: OrderReply = try await context.request(Topics.orderCommands, service: "order",
                                                                      correlation: correlation, key: { _ in key }) { address in
                        .listSubOrders(ListSubOrders(
                            company: query.company, orderStatus: query.orderStatus, status: query.status,
                            before: oldestFirst ? nil : query.positions[index], oldestFirst: oldestFirst ? true : nil,
                            from: oldestFirst ? query.positions[index] : nil, limit: query.limit,
                            withLines: query.withLines ? true : nil, routingKey: key,
                            replyTo: address))
                    }
                    guard case let .subOrders(part) = reply.outcome else {
                        try OrderRoutes.throwIfRejected(reply.outcome)
                        throw ApiError(.badGateway, "bad-reply", "order answered a desk query with something else")
                    }
                    return (index, part)
                }
            }
            var parts = Array(repeating: SubOrderDeskPart(entries: [], scannedTo: 0), count: partitionKeys.count)
            for try await (index, part) in group { parts[index] = part }
            return parts
        }
    }

    static func csv(_ page: SubOrderPage, of company: CompanyID, withLines: Bool) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, body: Array(SubOrderDeskCSV.export(page, withLines: withLines).utf8))
        response.headers.replaceOrAdd("Content-Type", "text/csv; charset=utf-8")
        let name = "sub-orders-\(company.rawValue).csv".filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        response.headers.replaceOrAdd("Content-Disposition", "attachment; filename=\"\(name)\"")
        if let next = page.nextBefore { response.headers.replaceOrAdd(nextBeforeHeader, next) }
        if let resume = page.resumeBefore { response.headers.replaceOrAdd(resumeBeforeHeader, resume) }
        return response
    }

    /// Where a CSV page carries the cursor of the next one (a JSON page has it in `nextBefore`)
    /// and, oldest first, the last page the cursor of what is confirmed after it (`resumeBefore`).
    static let nextBeforeHeader = "X-Next-Before"
    static let resumeBeforeHeader = "X-Resume-Before"

    /// One key per partition of `order.commands.v1`, so a desk query reaches every partition's
    /// orders exactly once.
    static let partitionKeys = PartitionKeys.covering(partitions: Topics.orderCommands.partitions, prefix: "desk-")
}
