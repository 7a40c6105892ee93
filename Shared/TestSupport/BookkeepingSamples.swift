import Contracts
import Foundation

/// One event of every type the event readers pass over by their type header (see
/// `SkippedMessageTypes`), for the tests that hold each reader's skip list and its fold together:
/// whatever a list names must have a sample here, and the reader must fold the sample as a no-op.
public enum BookkeepingSamples {
    public struct Subjects: Sendable {
        public let order: OrderID
        public let buyer: CompanyID
        public let sku: SKU
        public let warehouse: WarehouseID
        public let at: Date

        public init(order: OrderID, buyer: CompanyID, sku: SKU, warehouse: WarehouseID, at: Date) {
            self.order = order
            self.buyer = buyer
            self.sku = sku
            self.warehouse = warehouse
            self.at = at
        }
    }

    public static func orderEvents(_ s: Subjects) -> [OrderEvent] {
        let allocations = [Allocation(warehouse: s.warehouse, quantity: 2)]
        return [
            .lineReserved(OrderLineReserved(commandId: id("bk-line"), order: s.order, buyer: s.buyer, at: s.at,
                                            line: s.order.lineId(1), reservation: s.order.lineId(1), sku: s.sku,
                                            quantity: 2, allocations: allocations)),
            .stockReserved(OrderStockReserved(commandId: id("bk-stock"), order: s.order, buyer: s.buyer, at: s.at,
                                              amount: cny(2_000), paymentMethod: .credit)),
        ]
    }

    public static func inventoryEvents(_ s: Subjects) -> [InventoryEvent] {
        let allocations = [Allocation(warehouse: s.warehouse, quantity: 2)]
        let reservation = s.order.lineId(1)
        return [
            .stockReserved(StockReserved(commandId: id("bk-reserve"), reservation: reservation, order: s.order,
                                         sku: s.sku, allocations: allocations, available: 8)),
            .reservationReleased(ReservationReleased(commandId: id("bk-release"), reservation: reservation,
                                                     order: s.order, sku: s.sku, allocations: allocations,
                                                     reason: "order cancelled", available: 10)),
            .reservationCommitted(ReservationCommitted(commandId: id("bk-commit"), reservation: reservation,
                                                       order: s.order, sku: s.sku, allocations: allocations,
                                                       onHand: 8, available: 8)),
        ]
    }

    public static func paymentEvents(_ s: Subjects) -> [PaymentEvent] {
        let posting = LedgerPosting(id: "bk-posting", postedAt: s.at, kind: .capture, order: s.order, memo: "capture",
                                    entries: [LedgerEntry(account: .buyerReceivable(s.buyer), amount: cny(2_000)),
                                              LedgerEntry(account: .buyerReceivable(s.buyer), amount: cny(-2_000))])
        return [
            .creditReserved(CreditReserved(commandId: id("bk-credit"), payer: s.buyer, order: s.order, amount: cny(2_000),
                                           settlement: [], rates: [], available: cny(8_000), replyKey: s.buyer.rawValue)),
            .creditReleased(CreditReleased(commandId: id("bk-credit-back"), payer: s.buyer, order: s.order,
                                           amount: cny(2_000), reason: "order cancelled", available: cny(10_000),
                                           replyKey: s.buyer.rawValue)),
            .ledgerPosted(LedgerPosted(commandId: id("bk-ledger"), payer: s.buyer, posting: posting)),
        ]
    }

    /// The wire names of every sample.
    public static func messageTypes(_ s: Subjects) -> Set<String> {
        Set(orderEvents(s).map(\.messageType) + inventoryEvents(s).map(\.messageType) + paymentEvents(s).map(\.messageType))
    }

    private static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid sample id \(raw)") }
        return id
    }

    private static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }
}
