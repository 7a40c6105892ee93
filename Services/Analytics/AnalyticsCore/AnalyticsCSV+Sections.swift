import Contracts

extension AnalyticsCSV {
    static func totals(_ snapshot: AnalyticsSnapshot) -> Table {
        let views = snapshot.views
        let currencies = currencies(views.flatMap {
            [$0.totals.gmv, $0.totals.averageOrderValue, $0.totals.captured, $0.totals.refunded]
        })
        let money = ["gmv", "average order value", "captured", "refunded"]
        return Table(
            header: ["role", "orders", "units"] + money.flatMap { name in currencies.map { "\(name) \($0.code)" } },
            rows: views.map { view in
                let totals = view.totals
                return [view.role.rawValue, String(totals.orders), String(totals.units)]
                    + [totals.gmv, totals.averageOrderValue, totals.captured, totals.refunded]
                        .flatMap { Self.money($0, in: currencies) }
            })
    }

    static func buckets(_ snapshot: AnalyticsSnapshot) -> Table {
        let series = snapshot.views.flatMap { view in
            [("minute", view.buckets.minute), ("hour", view.buckets.hour), ("day", view.buckets.day)]
                .flatMap { granularity, buckets in buckets.map { (view.role, granularity, $0) } }
        }
        let currencies = currencies(series.map(\.2.gmv))
        return Table(
            header: ["role", "granularity", "start", "orders", "units"] + currencies.map { "gmv \($0.code)" },
            rows: series.map { role, granularity, bucket in
                [role.rawValue, granularity, time(bucket.start), String(bucket.orders), String(bucket.units)]
                    + money(bucket.gmv, in: currencies)
            })
    }

    static func topSkus(_ snapshot: AnalyticsSnapshot) -> Table {
        let ranked = snapshot.views.flatMap { view in
            [("revenue", view.topSkus.byRevenue), ("units", view.topSkus.byUnits)].flatMap { ranking, list in
                list.enumerated().map { (view.role, ranking, $0.offset + 1, $0.element) }
            }
        }
        return figuresTable(["role", "ranking", "rank", "sku"], ranked.map {
            ([$0.0.rawValue, $0.1, String($0.2), $0.3.key], $0.3)
        })
    }

    static func breakdowns(_ snapshot: AnalyticsSnapshot) -> Table {
        let entries = snapshot.views.flatMap { view in
            let dimensions = [("region", view.breakdowns.region), ("category", view.breakdowns.category),
                              ("supplier", view.breakdowns.supplier), ("distributor", view.breakdowns.distributor),
                              ("buyer", view.breakdowns.buyer)]
            return dimensions.flatMap { name, breakdown in
                (breakdown.entries + (breakdown.other.map { [$0] } ?? [])).map { (view.role, name, $0) }
            }
        }
        return figuresTable(["role", "dimension", "key"], entries.map { ([$0.0.rawValue, $0.1, $0.2.key], $0.2) })
    }

    static func dealers(_ snapshot: AnalyticsSnapshot) -> Table {
        let rows = snapshot.views.flatMap { view in
            let lists = [("own", view.dealers.own.map { [$0] } ?? []), ("active", view.dealers.active),
                         ("churn-warning", view.dealers.churnWarnings)]
            return lists.flatMap { list, dealers in
                dealers.map { [view.role.rawValue, list, $0.buyer.rawValue, time($0.lastOrderAt), String($0.ordersInWindow)] }
            }
        }
        return Table(header: ["role", "list", "buyer", "last order at", "orders in window"], rows: rows)
    }

    static func stock(_ snapshot: AnalyticsSnapshot) -> Table {
        let rows = snapshot.views.flatMap { view -> [[String]] in
            guard let stock = view.stock else { return [] }
            return [("top", stock.skus), ("slow-mover", stock.slowMovers)].flatMap { list, skus in
                skus.map { sku in
                    [view.role.rawValue, list, sku.sku.rawValue, String(sku.unitsSold), String(sku.unitsReceived),
                     String(sku.unitsAdjusted), String(sku.unitsOut), sku.onHand.map(String.init) ?? "",
                     sku.turnoverHundredths.map(hundredths) ?? "", time(sku.stockSince), time(sku.lastMovementAt)]
                }
            }
        }
        return Table(header: ["role", "list", "sku", "units sold", "units received", "units adjusted", "units out",
                              "on hand", "turnover", "stock since", "last movement at"], rows: rows)
    }

    static func shipping(_ snapshot: AnalyticsSnapshot) -> Table {
        let rows = snapshot.views.flatMap { view in
            [[view.role.rawValue, "", String(view.shipping.shipped), String(view.shipping.onTime),
              view.shipping.onTimeBasisPoints.map(percent) ?? ""]]
                + view.shipping.suppliers.map {
                    [view.role.rawValue, $0.supplier.rawValue, String($0.shipped), String($0.onTime),
                     $0.onTimeBasisPoints.map(percent) ?? ""]
                }
        }
        return Table(header: ["role", "supplier", "shipped", "on time", "on time %"], rows: rows)
    }

    static func funnel(_ snapshot: AnalyticsSnapshot) -> Table {
        let rows = snapshot.views.flatMap { view in
            let funnel = view.funnel
            return [("placed", funnel.placed), ("approved", funnel.approved), ("confirmed", funnel.confirmed),
                    ("paid", funnel.paid), ("completed", funnel.completed), ("rejected", funnel.rejected),
                    ("cancelled", funnel.cancelled), ("expired", funnel.expired)]
                .map { [view.role.rawValue, $0.0, String($0.1)] }
        }
        return Table(header: ["role", "stage", "orders"], rows: rows)
    }

    private static func figuresTable(_ leading: [String], _ rows: [([String], AnalyticsFigures)]) -> Table {
        let currencies = currencies(rows.map(\.1.gmv))
        return Table(header: leading + ["orders", "units"] + currencies.map { "gmv \($0.code)" },
                     rows: rows.map { cells, figures in
                         cells + [String(figures.orders), String(figures.units)] + money(figures.gmv, in: currencies)
                     })
    }

    /// 250 → "2.50".
    private static func hundredths(_ value: Int64) -> String {
        let magnitude = value.magnitude  // UInt64: safe for Int64.min
        let fraction = magnitude % 100
        return "\(value < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Basis points as a percentage with two decimals: 9750 → "97.50".
    private static func percent(_ basisPoints: Int64) -> String {
        hundredths(basisPoints)
    }
}
