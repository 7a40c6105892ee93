import Contracts
import Packing

/// The orders of one partition. Orders in flight (pending approval, reserving stock, awaiting
/// payment) are kept as values; quiet ones (confirmed and waiting for shipment, completed and
/// inside the return window, ended) are kept packed, at about a tenth of the memory.
///
/// Why: quiet orders are nearly all of them (an order is in flight for well under a second and
/// quiet for the 30 days of its return window), and every one was a few KB of strings and arrays.
/// An event for a quiet order (a shipment, a delivery, a return) unpacks it, applies and packs it
/// again; that happens a few times in an order's life, against the hundreds of events in flight.
/// The status is its summary, so listing by status unpacks only the page it returns.
typealias OrderTable = PackedTable<OrderID, OrderRecord>

extension OrderRecord: TableValue {
    /// Quiet: nothing is in flight, so no event is expected soon.
    var isQuiet: Bool {
        switch status {
        case .confirmed, .completed, .rejected, .cancelled, .expired: true
        case .pendingApproval, .reservingStock, .awaitingPayment: false
        }
    }

    var tableSummary: OrderStatus { status }
}
