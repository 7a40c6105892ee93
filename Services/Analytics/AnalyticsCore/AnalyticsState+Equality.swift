/// Equal when everything a checkpoint keeps is equal (see `CodingKeys`): how a test holds a
/// restored state to the one that was written.
extension AnalyticsState: Equatable {
    public static func == (lhs: AnalyticsState, rhs: AnalyticsState) -> Bool {
        lhs.policy == rhs.policy && lhs.aggregates == rhs.aggregates && lhs.openOrders == rhs.openOrders
            && lhs.finishedOrders == rhs.finishedOrders && lhs.seenOrderEvents == rhs.seenOrderEvents
            && lhs.seenInventoryEvents == rhs.seenInventoryEvents && lhs.seenPaymentEvents == rhs.seenPaymentEvents
            && lhs.stock == rhs.stock && lhs.skuSuppliers == rhs.skuSuppliers && lhs.watermark == rhs.watermark
            && lhs.unmatchedEvents == rhs.unmatchedEvents
    }
}
