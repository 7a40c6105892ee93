/// What a topic's Kafka message key is. The key decides the partition, and the partition decides
/// which service instance is the single writer of that key's state (DESIGN principle 2).
/// Envelopes carry the key as a string in `Envelope.key`; this enum documents what that string is.
public enum PartitionKey: String, Sendable, Hashable, CaseIterable {
    /// A `SKU`: all stock movements of one SKU are one ordered sequence on one partition.
    case sku
    /// The `CompanyID` of the ordering company: its orders, approvals and saga state.
    case buyerCompany
    /// The `CompanyID` that pays: its credit line, payments and ledger.
    case payerCompany
    /// The `CompanyID` of the supplier that owns the goods (supplier-side views and settlement).
    case supplierCompany
    /// A `ProductID`: one product with its SKUs, listings and prices.
    case productId
    /// A `CompanyID` for company-wide state (identity, notifications, analytics snapshots).
    case companyId
    /// The id of one gateway instance, so request/reply answers reach the instance that asked.
    case gatewayInstance
    /// No key (empty): messages are spread over partitions with no ordering promise.
    case none

    public var summary: String {
        switch self {
        case .sku: "SKU; one writer of a SKU's stock"
        case .buyerCompany: "buyer company id; one writer of a buyer's orders"
        case .payerCompany: "payer company id; one writer of a payer's credit and ledger"
        case .supplierCompany: "supplier company id"
        case .productId: "product id; one product's catalog state"
        case .companyId: "company id; company-wide state"
        case .gatewayInstance: "gateway instance id; replies to the instance that asked"
        case .none: "no key; no ordering"
        }
    }
}
