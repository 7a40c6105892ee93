import Contracts
import Foundation

/// Everything the order service knows about one order: the order as placed (immutable) and where
/// its saga is. Internal; the public view is `OrderSummary` (`summary`). Changed only by
/// `OrderRecord.apply`, from events.
struct OrderRecord: Sendable, Equatable, Codable {
    struct LineState: Sendable, Equatable, Codable {
        var reservation: LineReservationStatus
        var allocations: [Allocation] = []
    }

    struct SubOrderState: Sendable, Equatable, Codable {
        var status: SubOrderStatus = .open
        var shipment: OrderSummary.Shipment?
        var deliveredAt: Date?
        var cancellation: OrderSummary.Cancellation?
    }

    struct ApprovalDecision: Sendable, Equatable, Codable {
        let approved: Bool
        let by: UserID
        let at: Date
        let comment: String?
    }

    // The order as placed.
    /// The `PlaceOrder` command that placed it: a replay is recognised even after the buyer's
    /// window of remembered command ids has moved on.
    let placedByCommand: MessageID
    let order: OrderID
    let buyer: CompanyID
    let placedBy: UserID
    let placedAt: Date
    let idempotencyKey: String?
    let poNumber: String?
    let note: String?
    let deliveryAddress: Address
    let paymentMethod: PaymentMethod
    let lines: [OrderLine]
    let subOrders: [SubOrder]
    let total: Money

    // The saga.
    var status: OrderStatus
    var statusReason: String?
    var updatedAt: Date
    var lineStates: [LineState]
    var subOrderStates: [SubOrderState]
    var approvalSteps: [ApprovalStep] = []
    /// One per decided step, in step order.
    var approvalDecisions: [ApprovalDecision] = []
    var approvalDueBy: Date?
    var paymentDueBy: Date?
    var payment: OrderPaymentStatus = .notRequested
    var paymentReference: String?
    var paidAmount: Money?
    var history: [OrderSummary.HistoryEntry] = []
    /// When every sub-order was delivered: the return window starts here.
    var completedAt: Date?
    /// Returns (RMA), in the order they were requested.
    var returns: [ReturnRecord] = []
    /// What payment refunded of the sub-orders cancelled after others shipped (asked at completion).
    var cancelledSubOrdersRefunded: Money?

    init(placed event: OrderPlaced) {
        placedByCommand = event.commandId
        order = event.order
        buyer = event.buyer
        placedBy = event.placedBy
        placedAt = event.at
        idempotencyKey = event.idempotencyKey
        poNumber = event.poNumber
        note = event.note
        deliveryAddress = event.deliveryAddress
        paymentMethod = event.paymentMethod
        lines = event.lines
        subOrders = event.subOrders
        total = event.total
        status = event.status
        updatedAt = event.at
        let reserving = event.status == .reservingStock
        lineStates = Array(repeating: LineState(reservation: reserving ? .requested : .unrequested),
                           count: event.lines.count)
        subOrderStates = Array(repeating: SubOrderState(), count: event.subOrders.count)
        paymentDueBy = event.paymentDueBy
        history = [OrderSummary.HistoryEntry(
            at: event.at, status: event.status,
            reason: "placed by \(event.placedBy): \(event.lines.count) line(s), \(event.subOrders.count) supplier(s), total \(event.total)")]
    }

    /// The index of the line with id `line` ("<order>-L<n>"), found without a scan.
    func lineIndex(of line: String) -> Int? {
        let prefix = "\(order.rawValue)-L"
        guard line.hasPrefix(prefix), let number = Int(line.dropFirst(prefix.count)),
              (1...lines.count).contains(number), lines[number - 1].line == line else { return nil }
        return number - 1
    }

    func subOrderIndex(of subOrder: String) -> Int? {
        subOrders.firstIndex { $0.subOrder == subOrder }
    }

    /// Line ids whose reservation is in `status`, in line order.
    func lines(in status: LineReservationStatus) -> [String] {
        zip(lines, lineStates).filter { $0.1.reservation == status }.map(\.0.line)
    }

    /// True when every sub-order but the one at `index` is delivered or cancelled: once that one is
    /// settled too (delivered, or cancelled), nothing of the order is left to come.
    func isSettledApart(from index: Int) -> Bool {
        subOrderStates.indices.allSatisfy { $0 == index || subOrderStates[$0].status == .delivered
            || subOrderStates[$0].status == .cancelled }
    }

    /// The value of the sub-orders cancelled on their own, refunded when the order completes.
    var cancelledSubOrdersTotal: Money {
        let minorUnits = subOrders.indices.filter { subOrderStates[$0].status == .cancelled }
            .reduce(Int64(0)) { $0 + subOrders[$1].total.minorUnits }
        return Money(minorUnits: minorUnits, currency: total.currency)
    }

    /// When the order expires if nothing happens, or nil.
    var deadline: Date? {
        switch status {
        case .pendingApproval: approvalDueBy
        case .reservingStock, .awaitingPayment: paymentDueBy
        case .confirmed, .completed, .rejected, .cancelled, .expired: nil
        }
    }

    /// The step waiting for a decision (0-based), when the order is pending approval.
    var currentApprovalStep: Int? {
        guard status == .pendingApproval, approvalDecisions.count < approvalSteps.count else { return nil }
        return approvalDecisions.count
    }
}
