/// Every topic of the platform, declared once (DESIGN principle 7). Constants only: nothing here can
/// be changed at run time.
///
/// Families not designed yet are `RawFamily`; replacing one with a typed family changes no wire
/// byte. Retention follows one rule: `events` and compacted topics are the system of record and kept
/// forever; commands and inbound topics are work queues (7 days, enough to ride out an outage);
/// replies are only useful while someone waits (1 day).
public enum Topics {
    // MARK: identity

    public static let identityEvents = Topic<IdentityEvent>(
        name: "identity.events.v1", keyedBy: .companyId, partitions: 6, cleanup: .compact, retention: .forever,
        summary: "Companies with their users and API keys; latest state per company.")

    // MARK: catalog

    public static let catalogCommands = Topic<CatalogCommand>(
        name: "catalog.commands.v1", keyedBy: .companyId, partitions: 12, retention: .days(7),
        summary: "Supplier and operator edits of products, SKUs, listings and price lists; read by catalog.")
    public static let catalogEvents = Topic<CatalogEvent>(
        name: "catalog.events.v1", keyedBy: .productId, partitions: 12, cleanup: .compact, retention: .forever,
        summary: "Products with their SKUs, listings and prices; latest state per product. Replicated by the gateway.")

    // MARK: order

    public static let orderCommands = Topic<OrderCommand>(
        name: "order.commands.v1", keyedBy: .buyerCompany, partitions: 8, retention: .days(7),
        summary: "Place, approve, cancel orders and order queries; read by order.")
    public static let orderEvents = Topic<OrderEvent>(
        name: "order.events.v1", keyedBy: .buyerCompany, partitions: 8, retention: .forever,
        summary: "Everything that happens to an order. Public: ERP, WMS and CRM subscribe to it (AsyncAPI).")

    // MARK: inventory

    public static let inventoryCommands = Topic<InventoryCommand>(
        name: "inventory.commands.v1", keyedBy: .sku, partitions: 8, retention: .days(7),
        summary: "Stock commands; read by inventory, the single writer of each SKU's stock.")
    public static let inventoryEvents = Topic<InventoryEvent>(
        name: "inventory.events.v1", keyedBy: .sku, partitions: 8, retention: .forever,
        summary: "Stock movements and rejected stock commands; inventory's state is folded from it.")
    public static let inventoryInbound = Topic<InventoryCommand>(
        name: "inventory.inbound.v1", keyedBy: .sku, partitions: 12, retention: .days(7),
        summary: "Stock commands pushed by outside systems (ERP, WMS); relayed by inventory to inventory.commands.v1.")

    // MARK: payment

    public static let paymentCommands = Topic<PaymentCommand>(
        name: "payment.commands.v1", keyedBy: .payerCompany, partitions: 12, retention: .days(7),
        summary: "Authorize, capture, refund and credit commands; read by payment.")
    public static let paymentEvents = Topic<PaymentEvent>(
        name: "payment.events.v1", keyedBy: .payerCompany, partitions: 12, retention: .forever,
        summary: "Payments, credit-line movements, ledger entries and split settlements.")
    public static let paymentSettlementRules = Topic<PaymentEvent>(
        name: "payment.snapshots.v1", keyedBy: .none, partitions: 1, cleanup: .compact, retention: .forever,
        summary: "Platform-wide payment state, latest per key; today the settlement rules (key settlement-rules), followed by every payment instance and the gateway.")

    // MARK: notification

    public static let notificationCommands = Topic<NotificationCommand>(
        name: "notification.commands.v1", keyedBy: .companyId, partitions: 6, retention: .days(7),
        summary: "Notifications to deliver (relayed from order, payment and inventory events), webhook and preference settings, inbox queries and delivery outcomes; read by notification.")
    public static let notificationEvents = Topic<NotificationEvent>(
        name: "notification.events.v1", keyedBy: .companyId, partitions: 6, retention: .forever,
        summary: "Notifications and webhook deliveries (attempts, outcomes) per recipient company.")

    // MARK: analytics

    public static let analyticsSnapshots = Topic<AnalyticsSnapshot>(
        name: "analytics.snapshots.v1", keyedBy: .companyId, partitions: 6, cleanup: .compact, retention: .forever,
        summary: "Dashboard snapshots (AnalyticsSnapshot); latest per company, key the company id or \"platform\". Replicated by the gateway.")

    // MARK: gateway

    public static let gatewayReplies = Topic<RawFamily>(
        name: "gateway.replies.v1", keyedBy: .gatewayInstance, partitions: 12, retention: .days(1),
        summary: "Answers to the gateway's request/reply queries, one partition per gateway instance.")

    // MARK: shipment

    public static let shipmentInbound = Topic<ShipmentUpdate>(
        name: "shipment.inbound.v1", keyedBy: .buyerCompany, partitions: 12, retention: .days(7),
        summary: "Shipment tracking pushed by carriers and WMS; relayed by order to the buyer's order partition.")

    /// Every topic followed by its dead-letter companion, in declaration order: what to provision.
    public static let all: [AnyTopic] = [
        identityEvents.erased, catalogCommands.erased, catalogEvents.erased,
        orderCommands.erased, orderEvents.erased,
        inventoryCommands.erased, inventoryEvents.erased, inventoryInbound.erased,
        paymentCommands.erased, paymentEvents.erased, paymentSettlementRules.erased,
        notificationCommands.erased, notificationEvents.erased, analyticsSnapshots.erased, gatewayReplies.erased, shipmentInbound.erased,
    ].flatMap { topic in [topic, topic.dlq] }

    /// The topic called `name` (including `.dlq` companions), for tooling that gets names from users.
    public static func named(_ name: String) -> AnyTopic? {
        all.first { $0.name == name }
    }
}
