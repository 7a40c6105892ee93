import GatewayCore

/// OpenAPI schemas of the analytics API: the `analytics.snapshot` payload as the gateway serves it
/// (see Shared/Contracts/Analytics for what each number means).
enum AnalyticsSchemas {
    private static var amounts: Schema { .array(.money) }
    private static var time: Schema { .string(format: "date-time") }
    private static var count: Schema { .integer(minimum: 0) }

    /// An `AnalyticsView`'s sections; a section answer carries the one asked for.
    private static let sections: [Schema.Property] = [
        .init("totals", .object([
            .init("gmv", amounts), .init("orders", count), .init("units", count), .init("averageOrderValue", amounts),
            .init("captured", amounts), .init("refunded", amounts),
        ], description: "GMV counts confirmed orders; money per currency, never added across currencies")),
        .init("buckets", .object([
            .init("minute", .array(.ref("AnalyticsBucket"))), .init("hour", .array(.ref("AnalyticsBucket"))),
            .init("day", .array(.ref("AnalyticsBucket"))),
        ], description: "sparse: empty buckets are left out")),
        .init("topSkus", .object([.init("byRevenue", .array(.ref("AnalyticsFigures"))),
                                  .init("byUnits", .array(.ref("AnalyticsFigures")))])),
        .init("breakdowns", .object(["region", "category", "supplier", "distributor", "buyer"].map {
            .init($0, .ref("AnalyticsBreakdown"))
        })),
        .init("dealers", .object([
            .init("activeCount", count), .init("active", .array(.ref("AnalyticsDealer"))),
            .init("churnWarningCount", count), .init("churnWarnings", .array(.ref("AnalyticsDealer"))),
            .init("own", .ref("AnalyticsDealer"), required: false),
        ])),
        .init("stock", .object([
            .init("skuCount", count), .init("skus", .array(.ref("AnalyticsSKUStock"))),
            .init("slowMoverCount", count), .init("slowMovers", .array(.ref("AnalyticsSKUStock"))),
        ], description: "suppliers and the platform only"), required: false),
        .init("shipping", .object([
            .init("shipped", count), .init("onTime", count), .init("onTimeBasisPoints", count, required: false),
            .init("suppliers", .array(.object([
                .init("supplier", .string), .init("shipped", count), .init("onTime", count),
                .init("onTimeBasisPoints", count, required: false),
            ]))),
        ])),
        .init("funnel", .object(["placed", "approved", "confirmed", "paid", "completed", "rejected", "cancelled", "expired"].map {
            .init($0, count)
        })),
    ]

    static let all: [String: Schema] = [
        "AnalyticsSnapshot": .object([
            .init("scope", .ref("AnalyticsScope")), .init("asOf", time), .init("windows", .ref("AnalyticsWindows")),
            .init("views", .array(.ref("AnalyticsView"))),
        ], description: "one company's dashboards (one view per role it has numbers in) or the platform's"),
        "AnalyticsSection": .object([
            .init("scope", .ref("AnalyticsScope")), .init("asOf", time), .init("windows", .ref("AnalyticsWindows")),
            .init("section", .string),
            .init("views", .array(.object(
                [.init("role", .ref("AnalyticsRole"))] + sections.map { .init($0.name, $0.schema, required: false) },
                description: "the role and the one section asked for, as in AnalyticsView"))),
        ]),
        "AnalyticsScope": .object([
            .init("kind", .enumeration(["platform", "company"])), .init("company", .string, required: false),
        ]),
        "AnalyticsRole": .enumeration(["buyer", "supplier", "distributor", "platform"]),
        "AnalyticsWindows": .object([
            .init("onTimeShippingHours", count), .init("activeDays", count), .init("churnDays", count),
            .init("slowMoverDays", count), .init("utcOffsetSeconds", .integer), .init("minuteBuckets", count),
            .init("hourBuckets", count), .init("dayBuckets", count),
        ]),
        "AnalyticsView": .object([.init("role", .ref("AnalyticsRole"))] + sections),
        "AnalyticsBucket": .object([.init("start", time), .init("gmv", amounts), .init("orders", count), .init("units", count)]),
        "AnalyticsFigures": .object([.init("key", .string), .init("gmv", amounts), .init("orders", count), .init("units", count)]),
        "AnalyticsBreakdown": .object([
            .init("entries", .array(.ref("AnalyticsFigures"))), .init("other", .ref("AnalyticsFigures"), required: false),
            .init("keyCount", count),
        ]),
        "AnalyticsDealer": .object([.init("buyer", .string), .init("lastOrderAt", time), .init("ordersInWindow", count)]),
        "AnalyticsSKUStock": .object([
            .init("sku", .string), .init("unitsSold", count), .init("unitsReceived", count), .init("unitsAdjusted", .integer),
            .init("unitsOut", count), .init("onHand", .integer, required: false),
            .init("turnoverHundredths", count, required: false), .init("stockSince", time, required: false),
            .init("lastMovementAt", time, required: false),
        ]),
    ]
}
