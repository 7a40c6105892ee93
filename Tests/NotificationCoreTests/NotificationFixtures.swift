import Contracts
import Foundation
import NotificationCore

/// Companies, users and messages the notification core tests share.
enum Fixture {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static let t0 = Date(timeIntervalSince1970: 1_798_272_000)  // 2026-12-26T08:00:00Z
    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    static let buyer: CompanyID = id("BUYER-ACME")
    static let otherBuyer: CompanyID = id("BUYER-OTHER")
    static let supplier: CompanyID = id("SUP-TEA")
    static let platform: CompanyID = id("PLATFORM")
    static let purchaser: UserID = id("u-purchaser")
    static let approver: UserID = id("u-approver")
    static let finance: UserID = id("u-finance")
    static let admin: UserID = id("u-admin")
    static let warehouse: UserID = id("u-warehouse")
    static let operatorUser: UserID = id("u-operator")
    static let order: OrderID = id("ORD-1")
    static let sku: SKU = id("SKU-TEA-1")

    static func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }

    static func user(_ id: UserID, _ roles: Set<Role>, active: Bool = true) -> CompanyUser {
        CompanyUser(id: id, username: id.rawValue.lowercased(), displayName: id.rawValue, roles: roles, department: nil,
                    passwordHash: PasswordHash(algorithm: PasswordHash.pbkdf2SHA256, iterations: 1, salt: "", hash: ""),
                    active: active)
    }

    static func company(_ id: CompanyID, _ types: Set<CompanyType>, _ users: [CompanyUser]) -> IdentityEvent {
        .companyChanged(Company(id: id, name: "\(id.rawValue) Ltd", types: types, status: .approved, statusReason: nil,
                                qualificationDocuments: [], tier: nil, region: nil, departments: [], users: users,
                                apiKeys: [], revision: 1, updatedAt: t0))
    }

    static var directory: UserDirectory {
        var directory = UserDirectory()
        directory.apply(company(buyer, [.buyer], [
            user(purchaser, [.purchaser]), user(approver, [.approver]), user(finance, [.finance]),
            user(admin, [.companyAdmin]), user(id("u-gone"), [.purchaser], active: false),
        ]))
        directory.apply(company(otherBuyer, [.buyer], [user(id("u-other"), [.purchaser, .companyAdmin])]))
        directory.apply(company(supplier, [.supplier], [user(warehouse, [.warehouse]), user(id("u-sup-admin"), [.companyAdmin])]))
        directory.apply(company(platform, [.operator], [user(operatorUser, [.operator])]))
        return directory
    }

    static let replyTo = ReplyAddress(instance: "gw-1", partition: 3, requestId: "req-1")

    static func envelope<M: MessageFamily>(_ id: String, _ payload: M, key: String, at: Date = t0) -> Envelope<M> {
        Envelope(id: Fixture.id(id), occurredAt: at, causationId: nil, correlationId: Fixture.id("corr-\(id)"),
                 tenant: "tradeflow", key: key, payload: payload)
    }

    static func command(_ id: String, _ payload: NotificationCommand, at: Date = t0) -> Envelope<NotificationCommand> {
        envelope(id, payload, key: payload.key, at: at)
    }

    static func deliver(_ id: String = "n-1", to company: CompanyID = buyer, type: String = NotificationEventTypes.orderConfirmed,
                        audience: NotificationAudience = NotificationAudience(users: [purchaser]),
                        parameters: [String: String] = ["order": "ORD-1", "amount": "1234.56 CNY"]) -> NotificationCommand {
        .deliver(DeliverNotification(notification: Fixture.id(id), company: company, audience: audience, eventType: type,
                                     parameters: parameters, link: "/v1/orders/ORD-1", source: Fixture.id("evt-\(id)"),
                                     occurredAt: t0))
    }

    static let secret = "whsec_test_0123456789abcdef"

    static func register(_ webhook: String = "wh-1", company: CompanyID = buyer, url: String = "https://erp.acme.example/hooks/tradeflow",
                         types: [String] = ["order.confirmed"], by: UserID = admin) -> NotificationCommand {
        .registerWebhook(RegisterWebhook(company: company, webhook: Fixture.id(webhook), url: url, eventTypes: types,
                                         secret: secret, by: by, replyTo: replyTo))
    }

    static let placed: OrderPlaced = {
        let line = OrderLine(line: "ORD-1-L1", sku: sku, product: id("P-TEA"), supplier: supplier, distributor: nil,
                             category: ["Tea"], quantity: 10, unitPrice: cny(123_456), lineTotal: cny(1_234_560),
                             rule: AppliedRule(kind: .base, priceListId: nil, description: "base"),
                             subOrder: "ORD-1-S-SUP-TEA")
        return OrderPlaced(commandId: id("cmd-place"), order: order, buyer: buyer, at: t0, placedBy: purchaser,
                           status: .reservingStock, idempotencyKey: nil, poNumber: nil, note: nil,
                           deliveryAddress: Address(name: "Li", phone: "1", region: "SH", city: "SH", street: "1 Rd"),
                           paymentMethod: .credit, lines: [line],
                           subOrders: [SubOrder(subOrder: "ORD-1-S-SUP-TEA", supplier: supplier, lines: ["ORD-1-L1"],
                                                total: cny(1_234_560))],
                           total: cny(1_234_560), paymentDueBy: nil)
    }()
}

/// A decider run that also folds the events, like the service does.
struct Harness {
    var state = NotificationState()
    var directory = Fixture.directory
    var decider = NotificationDecider()
    var log: [NotificationEvent] = []

    @discardableResult
    mutating func handle(_ command: Envelope<NotificationCommand>, now: Date = Fixture.t0) -> NotificationDecision {
        let decision = decider.decide(command, state: state, directory: directory, now: now)
        for event in decision.events { state.apply(event) }
        log += decision.events
        return decision
    }
}
