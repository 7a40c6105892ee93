import Contracts
import Foundation

/// A page of the order desk as CSV (`GET /v1/sub-orders?format=csv`): one row per sub-order with
/// what a shipping slip or a WMS import needs (recipient and address, PO, quantity, amount) and
/// how far it got. Amounts in decimal major units; times as the API writes them.
public enum SubOrderDeskCSV {
    public static let header = [
        "order", "subOrder", "buyer", "supplier", "orderStatus", "status", "placedAt", "confirmedAt", "poNumber",
        "recipient", "phone", "region", "city", "street", "postcode", "lines", "quantity", "amount", "currency",
        "carrier", "trackingNumber", "shippedAt", "deliveredAt",
    ]

    public static func export(_ page: SubOrderPage) -> String {
        CSVWriter.document(header: header, rows: page.subOrders.map(row))
    }

    static func row(_ item: SubOrderListItem) -> [String] {
        let address = item.deliveryAddress
        return [
            item.order.rawValue, item.subOrder, item.buyer.rawValue, item.supplier.rawValue, item.orderStatus.rawValue,
            item.status.rawValue, time(item.placedAt), time(item.confirmedAt), item.poNumber ?? "",
            address.name, address.phone, address.region, address.city, address.street, address.postcode ?? "",
            String(item.totals.lineCount), String(item.totals.quantity), item.totals.amount.decimalString,
            item.totals.amount.currency.code, item.shipment?.carrier ?? "", item.shipment?.trackingNumber ?? "",
            time(item.shipment?.shippedAt), time(item.deliveredAt),
        ]
    }

    static func time(_ date: Date?) -> String {
        date.map(WireFormat.timestampText) ?? ""
    }
}
