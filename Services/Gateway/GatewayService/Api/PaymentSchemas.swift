import Contracts
import GatewayCore

/// OpenAPI schemas of the payment API: every field an answer carries.
enum PaymentSchemas {
    static let rule = Schema.object([
        .init("supplier", .string, required: false), .init("distributor", .string, required: false),
        .init("category", .array(.string), required: false),
        .init("platformCommissionBasisPoints", .integer(description: "0...10000", minimum: 0)),
        .init("distributorMarginBasisPoints", .integer(minimum: 0), required: false),
        .init("rebateBasisPoints", .integer(minimum: 0), required: false),
    ])
    static let match = Schema.values(of: PaymentMatch.self)

    static let all: [String: Schema] = [
        "PaymentAccount": .object([
            .init("payer", .string),
            .init("credit", .object([
                .init("limit", .money), .init("termDays", .integer), .init("grantedBy", .string), .init("reserved", .money),
                .init("outstanding", .money), .init("available", .money), .init("frozen", .boolean),
                .init("overdueInvoices", .array(.string)),
            ]), required: false),
            .init("openInvoices", .array(.object([
                .init("order", .string), .init("amount", .money), .init("paid", .money), .init("credited", .money),
                .init("outstanding", .money), .init("issuedAt", .string(format: "date-time")),
                .init("dueAt", .string(format: "date-time")), .init("overdue", .boolean),
            ]))),
            .init("receivedPayments", .array(.object([
                .init("source", .string), .init("externalId", .string), .init("reference", .string), .init("amount", .money),
                .init("match", match), .init("order", .string, required: false), .init("applied", .money),
                .init("excess", .money), .init("recordedAt", .string(format: "date-time")),
            ]))),
            .init("owedToPayer", .array(.money)),
            .init("rebatesOwed", .array(.money)),
        ]),
        "SettlementStatement": .object([
            .init("company", .string), .init("from", .string(format: "date-time")), .init("to", .string(format: "date-time")),
            .init("sections", .array(.object([
                .init("account", .string(description: "ledger account, e.g. supplier-payable:SUP-1")), .init("currency", .string),
                .init("opening", .money), .init("closing", .money),
                .init("lines", .array(.object([
                    .init("postingId", .string), .init("postedAt", .string(format: "date-time")), .init("kind", .string),
                    .init("order", .string, required: false), .init("memo", .string), .init("amount", .money),
                ]))),
            ]))),
            .init("truncated", .boolean),
        ]),
        "SettlementRules": .object([.init("rules", .array(rule, maxItems: 1_000))]),
        "SettlementRulesView": .object([
            .init("rules", .array(rule, maxItems: 1_000)),
            .init("setBy", .string(description: "the platform company whose finance set them; absent before any were set"), required: false),
        ]),
        "BankTransfers": .object([
            .init("transfers", .array(.object([
                .init("payer", .string), .init("reference", .string(description: "the order id the payer wrote as purpose")),
                .init("amount", .money), .init("bankTransactionId", .string),
            ]), maxItems: PaymentRoutes.maximumTransfersPerImport)),
        ]),
        "ProviderCallback": .object([
            .init("payer", .string), .init("order", .string), .init("providerPaymentId", .string), .init("amount", .money),
            .init("status", .enumeration(["succeeded", "failed"])), .init("failureReason", .string, required: false),
        ]),
        "Recorded": .object([.init("accepted", .integer), .init("status", .string)]),
    ]
}
