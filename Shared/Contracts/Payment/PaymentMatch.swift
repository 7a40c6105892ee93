/// How an incoming payment (bank transfer or provider payment) was matched (对账) against what the
/// payer owes under its reference: an unpaid prepayment / bank-transfer order, or an open invoice.
public enum PaymentMatch: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    /// The amount equals what was due; the order or invoice is now paid.
    case exact = "exact"
    /// Less than due; recorded, the rest is still due.
    case partial = "partial"
    /// More than due; the order or invoice is paid and the excess becomes the payer's credit balance.
    case over = "over"
    /// The same bank transaction (or provider payment) was already recorded; nothing changed.
    case duplicate = "duplicate"
    /// Nothing is due under the reference (unknown, already paid, voided, other currency); the whole
    /// amount becomes the payer's credit balance for finance to apply or pay back.
    case unmatched = "unmatched"
}
