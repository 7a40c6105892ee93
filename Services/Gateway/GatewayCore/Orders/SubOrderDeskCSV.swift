import Contracts
import Foundation

/// A page of the order desk as CSV (`GET /v1/sub-orders?format=csv`): one row per sub-order with
/// what a shipping slip or a WMS import needs (recipient and address, PO, quantity, amount) and
/// how far it got. Amounts in decimal major units; times as the API writes them. With lines
/// (`lines=true`, a picking list or a WMS import), one row per line instead: the sub-order's
/// columns, then the line's SKU, quantity, price and the warehouses its units are reserved in.
public enum SubOrderDeskCSV {
    public static let header = [
        "order", "subOrder", "buyer", "supplier", "orderStatus", "status", "placedAt", "confirmedAt", "poNumber",
        "recipient", "phone", "region", "city", "street", "postcode", "lines", "quantity", "amount", "currency",
        "carrier", "trackingNumber", "shippedAt", "deliveredAt",
    ]

    public static let lineHeader = [
        "line", "sku", "product", "distributor", "lineQuantity", "unitPrice", "lineAmount", "warehouses",
    ]

    public static func export(_ page: SubOrderPage, withLines: Bool = false) -> String {
        guard withLines else { return CSVWriter.document(header: header, rows: page.subOrders.map(row)) }
        let rows = page.subOrders.flatMap { item in
            let subOrder = row(item)
            return (item.lines ?? []).map { subOrder + lineRow($0) }
        }
        return CSVWriter.document(header: header + lineHeader, rows: rows)
    }

    /// Warehouses as `WH-1:5 WH-2:3` (warehouse and units), the way a picker reads them.
    static func lineRow(_ line: SubOrderListItem.Line) -> [String] {
        [
            line.line, line.sku.rawValue, line.product.rawValue, line.distributor?.rawValue ?? "", String(line.quantity),
            line.unitPrice.decimalString, line.lineTotal.decimalString,
            line.allocations.map { "\($0.warehouse.rawValue):\($0.quantity)" }.joined(separator: " "),
        ]
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
