import Contracts

/// A notification as people read it.
public struct RenderedNotification: Sendable, Hashable {
    public let title: String
    public let body: String
}

/// Title and body per event type and language, with named placeholders `{name}` filled from the
/// notification's parameters. Rendering never fails: a missing parameter stays visible as
/// `{name}`, an unknown event type gets a generic text, an unknown locale falls back to English.
public enum Templates {
    public static let defaultLocale = "en"
    public static let locales = ["en", "zh"]

    struct Template: Sendable {
        let title: String
        let body: String
    }

    /// Parameters holding a company id, shown by the company's name when a `<key>Name` is given.
    public static let companyParameters = ["supplier", "buyer"]

    public static func render(_ eventType: String, parameters: [String: String],
                              locale: String? = nil) -> RenderedNotification {
        let language = locale.flatMap { locales.contains($0) ? $0 : nil } ?? defaultLocale
        let template = catalogue[language]?[eventType] ?? catalogue[defaultLocale]?[eventType]
            ?? Template(title: eventType, body: "Something happened ({eventType}).")
        var values = parameters
        if values["eventType"] == nil { values["eventType"] = eventType }
        // A company is shown by its name where the directory knew it when the notice was made.
        for key in companyParameters { if let name = parameters["\(key)Name"] { values[key] = name } }
        return RenderedNotification(title: fill(template.title, values), body: fill(template.body, values))
    }

    /// Replaces each `{name}` whose name is in `values`; anything else is copied as it is, so a
    /// missing parameter shows as `{name}` and stray braces are harmless. Single pass: a value
    /// that itself contains `{x}` is never expanded again.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}" else {
                output += "{"
                rest = rest[afterOpen...]
                continue
            }
            let name = String(rest[afterOpen..<close])
            output += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// Every event type has an English template; Chinese where written.
    static let catalogue: [String: [String: Template]] = ["en": english, "zh": chinese]

    private typealias Types = NotificationEventTypes

    private static let english: [String: Template] = [
        Types.orderPlaced: Template(title: "Order {order} placed",
                                    body: "Order {order} ({total}) was placed and is now {status}."),
        Types.orderApprovalRequested: Template(title: "Order {order} waits for your approval",
                                               body: "Order {order} ({total}) needs approval by {role} before {dueBy}."),
        Types.orderApproved: Template(title: "Order {order} approved",
                                      body: "Order {order} was approved by {approver}."),
        Types.orderApprovalRejected: Template(title: "Order {order} not approved",
                                              body: "{approver} did not approve order {order}: {comment}"),
        Types.orderAwaitingPayment: Template(title: "Order {order} waits for payment",
                                             body: "Please pay {amount} for order {order} by {dueBy}, quoting {reference}."),
        Types.orderConfirmed: Template(title: "Order {order} confirmed",
                                       body: "Order {order} ({amount}) is confirmed and will be shipped."),
        Types.orderRejected: Template(title: "Order {order} rejected", body: "Order {order} was rejected: {reason}"),
        Types.orderCancelled: Template(title: "Order {order} cancelled", body: "Order {order} was cancelled: {reason}"),
        Types.orderExpired: Template(title: "Order {order} expired", body: "Order {order} expired: {reason}"),
        Types.orderShipped: Template(title: "Order {order} shipped",
                                     body: "{supplier} shipped {subOrder} with {carrier}, tracking number {trackingNumber}."),
        Types.orderDelivered: Template(title: "Order {order} delivered", body: "{subOrder} from {supplier} was delivered."),
        Types.orderCompleted: Template(title: "Order {order} completed",
                                       body: "Order {order} is complete: {amount} for what was delivered."),
        Types.orderPartCancelled: Template(title: "Part of order {order} cancelled",
                                           body: "{supplier} will not deliver {subOrder} ({amount}): {reason}. That part is not charged."),
        Types.returnRequested: Template(title: "Return {returnId} of order {order} to decide",
                                        body: "{buyer} asks to return {units} units ({amount}) of order {order}: {reason}"),
        Types.returnDecided: Template(title: "Return {returnId} of order {order} {decision}",
                                      body: "{supplier} {decision} return {returnId} of order {order}. {comment}"),
        Types.returnRefunded: Template(title: "Return {returnId} of order {order} refunded",
                                       body: "{amount} of order {order} was refunded ({settlement})."),
        Types.subOrderPlaced: Template(title: "New order {order}",
                                       body: "{buyer} ordered {subOrder} ({total}); it waits for approval or payment. Ship once it is confirmed."),
        Types.subOrderConfirmed: Template(title: "Ship order {order}",
                                          body: "Order {order} is confirmed: please ship {subOrder} ({total})."),
        Types.subOrderCancelled: Template(title: "Order {order} will not be shipped",
                                          body: "Do not ship {subOrder} of order {order} ({status}). {reason}"),
        Types.invoiceDue: Template(title: "Invoice for order {order} due in {days} days",
                                   body: "{amount} for order {order} is due on {dueAt}."),
        Types.invoiceOverdue: Template(title: "Invoice for order {order} is overdue",
                                       body: "{outstanding} for order {order} was due on {dueAt}. New credit orders are on hold until it is paid."),
        Types.paymentFailed: Template(title: "Payment for order {order} failed",
                                      body: "The payment provider could not take {amount} for order {order}: {reason}. The order still waits for payment; please pay again."),
        Types.lowStock: Template(title: "Low stock: {sku}",
                                 body: "{sku} has {available} available{warehouseText}, below the safety stock of {safetyStock}."),
        Types.promotionAnnounced: Template(title: "{title}", body: "{body}\n— {announcer}"),
    ]

    private static let chinese: [String: Template] = [
        Types.orderPlaced: Template(title: "订单 {order} 已下单", body: "订单 {order}（{total}）已提交，当前状态：{status}。"),
        Types.orderApprovalRequested: Template(title: "订单 {order} 待您审批",
                                               body: "订单 {order}（{total}）需要 {role} 在 {dueBy} 前审批。"),
        Types.orderApproved: Template(title: "订单 {order} 已审批", body: "订单 {order} 已由 {approver} 审批通过。"),
        Types.orderApprovalRejected: Template(title: "订单 {order} 审批未通过", body: "{approver} 驳回了订单 {order}：{comment}"),
        Types.orderAwaitingPayment: Template(title: "订单 {order} 待付款",
                                             body: "请在 {dueBy} 前为订单 {order} 支付 {amount}，付款备注 {reference}。"),
        Types.orderConfirmed: Template(title: "订单 {order} 已确认", body: "订单 {order}（{amount}）已确认，即将发货。"),
        Types.orderRejected: Template(title: "订单 {order} 被拒绝", body: "订单 {order} 被拒绝：{reason}"),
        Types.orderCancelled: Template(title: "订单 {order} 已取消", body: "订单 {order} 已取消：{reason}"),
        Types.orderExpired: Template(title: "订单 {order} 已过期", body: "订单 {order} 已过期：{reason}"),
        Types.orderShipped: Template(title: "订单 {order} 已发货",
                                     body: "{supplier} 已通过 {carrier} 发出 {subOrder}，运单号 {trackingNumber}。"),
        Types.orderDelivered: Template(title: "订单 {order} 已送达", body: "{supplier} 的 {subOrder} 已送达。"),
        Types.orderCompleted: Template(title: "订单 {order} 已完成", body: "订单 {order} 已完成，已送达部分共 {amount}。"),
        Types.orderPartCancelled: Template(title: "订单 {order} 部分取消",
                                           body: "{supplier} 无法交付 {subOrder}（{amount}）：{reason}。该部分不收费。"),
        Types.returnRequested: Template(title: "订单 {order} 退货申请 {returnId} 待处理",
                                        body: "{buyer} 申请退货 {units} 件（{amount}），订单 {order}：{reason}"),
        Types.returnDecided: Template(title: "订单 {order} 退货 {returnId}：{decision}",
                                      body: "{supplier} 对订单 {order} 的退货 {returnId} 的处理：{decision}。{comment}"),
        Types.returnRefunded: Template(title: "订单 {order} 退货 {returnId} 已退款",
                                       body: "订单 {order} 已退款 {amount}（{settlement}）。"),
        Types.subOrderPlaced: Template(title: "新订单 {order}", body: "{buyer} 下单 {subOrder}（{total}），待审批或付款，确认后再发货。"),
        Types.subOrderConfirmed: Template(title: "请发货：订单 {order}", body: "订单 {order} 已确认，请发货 {subOrder}（{total}）。"),
        Types.subOrderCancelled: Template(title: "订单 {order} 无需发货", body: "请勿发货订单 {order} 的 {subOrder}（{status}）。{reason}"),
        Types.invoiceDue: Template(title: "订单 {order} 账期将于 {days} 天后到期", body: "订单 {order} 的 {amount} 将于 {dueAt} 到期。"),
        Types.invoiceOverdue: Template(title: "订单 {order} 账期已逾期",
                                       body: "订单 {order} 的 {outstanding} 已于 {dueAt} 到期未付，付清前暂停新的赊账订单。"),
        Types.paymentFailed: Template(title: "订单 {order} 付款失败",
                                      body: "支付渠道未能扣款 {amount}（订单 {order}）：{reason}。订单仍待付款，请重新支付。"),
        Types.lowStock: Template(title: "库存预警：{sku}", body: "{sku} 可用库存 {available}{warehouseText}，低于安全库存 {safetyStock}。"),
        Types.promotionAnnounced: Template(title: "{title}", body: "{body}\n— {announcer}"),
    ]
}
