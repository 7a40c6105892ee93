/// Command: create or update many products of one supplier from a CSV file (批量导入). Rows with
/// errors are reported per line and do not stop the others. Keyed by the supplier company.
public struct ImportProducts: MessagePayload {
    public static let messageType = "catalog.import-products"
    public static let messageVersion = 1

    /// The largest CSV accepted, in UTF-8 bytes. The whole envelope must also stay within
    /// `WireFormat.maximumMessageBytes`, which JSON escaping makes the tighter bound in practice.
    public static let maximumCSVBytes = 1_048_576

    public let actor: CatalogActor
    public let supplier: CompanyID
    /// The file's text (UTF-8). Columns: see `CatalogCSV` in CatalogCore.
    public let csv: String
    public let replyTo: ReplyAddress?

    public init(actor: CatalogActor, supplier: CompanyID, csv: String, replyTo: ReplyAddress? = nil) {
        self.actor = actor
        self.supplier = supplier
        self.csv = csv
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case actor = "actor", supplier = "supplier", csv = "csv", replyTo = "replyTo"
    }
}
