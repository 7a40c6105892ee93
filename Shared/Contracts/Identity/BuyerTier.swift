/// A buyer company's customer tier as identity records it; the same type pricing reads
/// (`CustomerTier`, 普通 / 银牌 / 金牌), so no conversion sits between the two.
public typealias BuyerTier = CustomerTier
