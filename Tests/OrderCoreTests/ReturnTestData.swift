import Contracts
import Foundation
@testable import OrderCore

/// Builders for the return (RMA) tests.
extension T {
    static let warehouseNorth: WarehouseID = id("WH-BJ-02")
    static let supplierUser: UserID = id("u-tea-qa")

    static func returnLine(_ sku: String, _ quantity: Int64, reason: String = "damaged in transport") -> ReturnLine {
        ReturnLine(sku: id(sku), quantity: quantity, reason: reason)
    }

    static func requestReturn(_ order: String, _ returnId: String, _ lines: [ReturnLine]) -> OrderCommand {
        .requestReturn(RequestReturn(order: id(order), buyer: buyer, returnId: returnId, lines: lines,
                                     requestedBy: purchaser, replyTo: replyTo))
    }

    static func approveReturn(_ order: String, _ returnId: String, by supplier: CompanyID = supplierA,
                              comment: String? = nil) -> OrderCommand {
        .decideReturn(DecideReturn(order: id(order), buyer: buyer, returnId: returnId, decision: .approve, by: supplier,
                                   decidedBy: supplierUser, comment: comment, replyTo: replyTo))
    }

    static func rejectReturn(_ order: String, _ returnId: String, by supplier: CompanyID = supplierA,
                             comment: String?) -> OrderCommand {
        .decideReturn(DecideReturn(order: id(order), buyer: buyer, returnId: returnId, decision: .reject, by: supplier,
                                   decidedBy: supplierUser, comment: comment, replyTo: replyTo))
    }
}

extension Handled {
    var receipts: [ReceiveStockRequest] {
        outbox.compactMap { if case let .inventory(.receiveStock(r)) = $0 { r } else { nil } }
    }
}

extension Saga {
    /// A completed, captured order "O-1": line 1 SKU A from supplier A (10 units at 100.00 CNY, 6
    /// allocated from WH-SH-01 and 4 from WH-BJ-02), line 2 SKU B from supplier B (10 units at
    /// 100.00 CNY, or at `priceB`, all from WH-SH-01).
    static func completedOrder(method: PaymentMethod = .credit, priceB: Int64 = 100_00,
                               policy: OrderPolicy = OrderPolicy()) -> Saga {
        var saga = Saga(policy: policy)
        saga.send(T.place("O-1", lines: [T.line("A", supplier: T.supplierA), T.line("B", supplier: T.supplierB, price: priceB)],
                          method: method))
        saga.send(.stockReservationResult(StockReservationResult(
            reservation: "O-1-L1", order: T.id("O-1"), sku: T.id("A"),
            outcome: .reserved(allocations: [Allocation(warehouse: T.warehouse, quantity: 6),
                                             Allocation(warehouse: T.warehouseNorth, quantity: 4)]))))
        saga.send(T.reserved("O-1", line: 2, sku: "B"))
        saga.send(T.payment("O-1", method == .credit ? .authorized(method: .credit) : .paid(amount: T.cny(1_000_00 + 10 * priceB))))
        for supplier in [T.supplierA, T.supplierB] {
            saga.send(T.ship("O-1", supplier: supplier))
            saga.send(T.deliver("O-1", supplier: supplier))
        }
        saga.send(T.payment("O-1", .captured))
        saga.advance(24 * T.hour)
        return saga
    }
}
