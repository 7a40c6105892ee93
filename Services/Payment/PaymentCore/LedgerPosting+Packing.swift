import Contracts
import Packing

/// Ledger postings are kept packed in blocks (`PackedLog`, see `Ledger`). The dictionary is the JSON
/// of a capture posting with its keys in sorted order and recurring words, values left empty; a
/// block's later postings find their words in the ones before them. Changing it refuses checkpoints
/// packed with the old text (rebuilt from the topic). Written in lines; the breaks are not part of it.
extension LedgerPosting: Packable {
    public static let packingDictionary = Array(#"""
        {"entries":[{"account":"buyer-receivable:co-","amount":{"amount":-,"currency":"CNY"}},
        {"account":"supplier-payable:co-","amount":{"amount":-,"currency":"CNY"}},{"account":"platform-revenue",
        "amount":{"amount":-,"currency":"CNY"}},{"account":"distributor-payable:co-","amount":{"amount":-,"currency":"CNY"}}],
        "id":"#0","kind":"capture","memo":"capture of order O- (credit)","order":"O-","postedAt":"2026-"}
        """#.split(separator: "\n").joined().utf8)
}
