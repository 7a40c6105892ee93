import Foundation

/// Everything a caller can try to do through the gateway, at the granularity the `AccessPolicy`
/// decides. Each HTTP endpoint maps to exactly one action.
public enum AccessAction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Search and read published products and listings.
    case browseCatalog = "browse-catalog"
    /// See the caller's own prices (tier, region, contract, tiered quantity prices).
    case quotePrice = "quote-price"
    /// Create and edit products and SKUs (the supplier's goods).
    case manageProducts = "manage-products"
    /// Tiered, regional, customer and promotional price lists.
    case managePriceLists = "manage-price-lists"
    /// A distributor's shop: which supplier goods it lists, at what markup.
    case manageShop = "manage-shop"
    case placeOrder = "place-order"
    /// Cancel the company's orders before shipment.
    case cancelOrders = "cancel-orders"
    /// Confirm that a sub-order arrived.
    case confirmDeliveries = "confirm-deliveries"
    /// Ask a supplier to take delivered goods back (RMA).
    case requestReturns = "request-returns"
    /// Approve or refuse orders that need approval (over a limit, special goods).
    case approveOrder = "approve-order"
    /// Read orders: the buyer's own, or those containing the caller's lines (supplier, distributor).
    case viewOrders = "view-orders"
    /// Confirm, ship and track order lines the caller supplies.
    case fulfillOrders = "fulfill-orders"
    /// Pay orders and repay credit.
    case payOrders = "pay-orders"
    /// Read a credit line (limit, used, due dates).
    case viewCredit = "view-credit"
    /// Grant and change credit limits and payment terms.
    case manageCredit = "manage-credit"
    /// Read split settlements and statements the caller takes part in.
    case viewSettlement = "view-settlement"
    /// Read stock levels per SKU and warehouse.
    case viewStock = "view-stock"
    /// Receive, adjust and count stock (warehouse management).
    case manageStock = "manage-stock"
    /// Users, roles, departments and API keys of the caller's company.
    case manageUsers = "manage-users"
    /// The buying company's approval rules (which orders wait for whose approval).
    case manageApprovalRules = "manage-approval-rules"
    /// Onboarding decisions and commercial settings of companies: approve, reject, suspend,
    /// reinstate, buyer tier, region.
    case approveCompanies = "approve-companies"
    /// Dashboards and reports.
    case viewAnalytics = "view-analytics"
    /// Webhook subscriptions (URL, signing secret) for outside systems.
    case manageWebhooks = "manage-webhooks"
    /// The caller's own notification inbox and channel preferences (every user has one).
    case readNotifications = "read-notifications"
    /// Promotion announcements to buyers' inboxes (a supplier to named buyers; the platform to all).
    case announcePromotions = "announce-promotions"

    /// Words for denial messages: "manage products".
    public var description: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
