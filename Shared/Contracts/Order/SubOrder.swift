/// One supplier's part of an order (拆单): the supplier ships it and is paid for it separately.
/// Its id is `"<order>-S-<supplier>"`.
public struct SubOrder: Codable, Sendable, Hashable {
    public let subOrder: String
    public let supplier: CompanyID
    /// Ids of its lines, in order.
    public let lines: [String]
    public let total: Money

    public init(subOrder: String, supplier: CompanyID, lines: [String], total: Money) {
        self.subOrder = subOrder
        self.supplier = supplier
        self.lines = lines
        self.total = total
    }

    private enum CodingKeys: String, CodingKey {
        case subOrder = "subOrder", supplier = "supplier", lines = "lines", total = "total"
    }
}
