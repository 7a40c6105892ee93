/// What is wrong with one row of a CSV import: the line (1 = header), the column, and why.
public struct RowError: Codable, Sendable, Hashable {
    public let line: Int
    /// The CSV column (e.g. "base_price"), or "row" / "header" when no single column is at fault.
    public let field: String
    public let message: String

    public init(line: Int, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case line = "line", field = "field", message = "message"
    }
}

/// Event payload: the outcome of one CSV import. NOT a complete-state record: it is keyed
/// `import:<command id>`, one record per import, and the products it changed are published as
/// their own `catalog.product-changed` records.
public struct ImportReport: MessagePayload, Hashable {
    public static let messageType = "catalog.products-imported"
    public static let messageVersion = 1

    public static let keyPrefix = "import:"
    /// Errors beyond this many are counted in `errorsOmitted` rather than listed, so the report
    /// stays far below the 1 MiB message limit.
    public static let maximumListedErrors = 1_000

    /// The `ImportProducts` command this reports on.
    public let commandId: MessageID
    public let actor: CatalogActor
    public let supplier: CompanyID
    /// Data rows in the file (the header not counted).
    public let rowsTotal: Int
    /// Rows whose SKU is now in the catalog as written.
    public let rowsAccepted: Int
    /// Products created or changed by the import.
    public let productsChanged: Int
    /// Sorted by line, at most `maximumListedErrors`.
    public let errors: [RowError]
    public let errorsOmitted: Int

    public init(commandId: MessageID, actor: CatalogActor, supplier: CompanyID, rowsTotal: Int, rowsAccepted: Int,
                productsChanged: Int, errors: [RowError], errorsOmitted: Int = 0) {
        self.commandId = commandId
        self.actor = actor
        self.supplier = supplier
        self.rowsTotal = rowsTotal
        self.rowsAccepted = rowsAccepted
        self.productsChanged = productsChanged
        self.errors = errors
        self.errorsOmitted = errorsOmitted
    }

    public static func recordKey(for commandId: MessageID) -> String { keyPrefix + commandId.rawValue }
    public var recordKey: String { Self.recordKey(for: commandId) }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", actor = "actor", supplier = "supplier", rowsTotal = "rowsTotal"
        case rowsAccepted = "rowsAccepted", productsChanged = "productsChanged", errors = "errors"
        case errorsOmitted = "errorsOmitted"
    }
}
