/// The ids derived from an order id (SAGA-SPEC "Ids"). Strings, not `Identifier`s: a sub-order id
/// embeds a supplier id and can be longer than 128 characters. Derived ids are written in one place
/// so order, inventory and payment agree on them.
extension Identifier where Tag == IdentifierKinds.Order {
    /// `"<order>-L<n>"`, n from 1: the id of line n, and of its stock reservation.
    public func lineId(_ number: Int) -> String { "\(rawValue)-L\(number)" }

    /// `"<order>-S-<supplier>"`: the id of the supplier's sub-order.
    public func subOrderId(supplier: CompanyID) -> String { "\(rawValue)-S-\(supplier.rawValue)" }

    /// `"<order>-R-<purpose>"`: the id of a refund the order asks for (e.g. "cancel", "late-payment").
    public func refundId(_ purpose: String) -> String { "\(rawValue)-R-\(purpose)" }

    /// `"<order>-R-return-<returnId>"`: the refund of a return (RMA); payment issues it once.
    public func returnRefundId(_ returnId: String) -> String { refundId("return-\(returnId)") }

    /// `"RMA <order>/<returnId>"`: the reference of the `inventory.receive-stock` commands that put a
    /// return's units back into stock.
    public func returnReference(_ returnId: String) -> String { "RMA \(rawValue)/\(returnId)" }

    /// `"<order>-R-cancelled-sub-orders"`: the refund, when the order completes, of the sub-orders
    /// cancelled after others had shipped (the capture takes the whole order; this gives their part back).
    public var cancelledSubOrdersRefundId: String { refundId("cancelled-sub-orders") }

    /// `"CANCEL <order>"`: the reference of the `inventory.receive-stock` commands that put units
    /// committed at confirmation back on hand when their (sub-)order is cancelled before shipping.
    public var cancellationReference: String { "CANCEL \(rawValue)" }
}
