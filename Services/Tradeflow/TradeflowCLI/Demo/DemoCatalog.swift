import Contracts
import Foundation

/// The demo catalog: products with SKUs in a category tree, priced in CNY, for two suppliers.
/// Generated deterministically so every `tradeflow dev` start shows the same world.
enum DemoCatalog {
    struct Line {
        let category: [String]
        let names: [String]
        let specs: [(spec: String, unit: String, pack: Int64, moq: Int64, fen: Int64)]
    }

    /// East China Tea's lines (supplier index 0) and Sunrise Foods' lines (supplier index 1).
    static let lines: [(supplier: Int, line: Line)] = [
        (0, Line(category: ["Beverages", "Tea", "Green tea"], names: ["西湖龙井 West Lake Longjing", "碧螺春 Biluochun", "黄山毛峰 Huangshan Maofeng", "六安瓜片 Lu'an Guapian", "安吉白茶 Anji White"],
                 specs: [("250g tin", "盒", 2, 10, 12_800), ("1kg bag", "袋", 1, 2, 46_000)])),
        (0, Line(category: ["Beverages", "Tea", "Oolong"], names: ["铁观音 Tieguanyin", "大红袍 Da Hong Pao", "凤凰单丛 Phoenix Dancong", "冻顶乌龙 Dongding"],
                 specs: [("250g tin", "盒", 2, 10, 9_800), ("500g box", "盒", 1, 4, 18_600)])),
        (0, Line(category: ["Beverages", "Tea", "Black tea"], names: ["祁门红茶 Keemun", "滇红 Dianhong", "正山小种 Lapsang Souchong"],
                 specs: [("250g tin", "盒", 2, 10, 7_800), ("100 bags", "盒", 5, 20, 4_200)])),
        (0, Line(category: ["Beverages", "Tea", "Pu'er"], names: ["普洱生茶饼 Raw Pu'er Cake", "普洱熟茶饼 Ripe Pu'er Cake"],
                 specs: [("357g cake", "饼", 1, 7, 16_800), ("7-cake tong", "提", 1, 1, 112_000)])),
        (0, Line(category: ["Beverages", "Coffee"], names: ["云南小粒咖啡 Yunnan Arabica", "挂耳咖啡 Drip Bags", "冷萃咖啡液 Cold Brew Concentrate"],
                 specs: [("500g beans", "袋", 1, 6, 8_800), ("1kg beans", "袋", 1, 3, 16_500), ("12 x 250ml", "箱", 1, 5, 9_600)])),
        (0, Line(category: ["Beverages", "Soft drinks"], names: ["柠檬茶 Lemon Tea", "乌梅汁 Sour Plum Drink", "椰子水 Coconut Water", "苏打水 Soda Water"],
                 specs: [("24 x 330ml", "箱", 1, 10, 4_800), ("12 x 1L", "箱", 1, 10, 6_000)])),
        (1, Line(category: ["Snacks", "Nuts"], names: ["每日坚果 Daily Nuts Mix", "碧根果 Pecans", "夏威夷果 Macadamia", "巴旦木 Almonds"],
                 specs: [("30 x 25g box", "盒", 1, 10, 8_900), ("1kg bag", "袋", 1, 5, 9_800)])),
        (1, Line(category: ["Snacks", "Biscuits"], names: ["苏打饼干 Soda Crackers", "蛋卷 Egg Rolls", "威化饼 Wafers", "曲奇 Butter Cookies"],
                 specs: [("carton of 20", "箱", 1, 10, 5_600), ("gift tin", "盒", 6, 12, 3_900)])),
        (1, Line(category: ["Grain & Oil", "Rice"], names: ["五常大米 Wuchang Rice", "泰国香米 Thai Jasmine Rice", "糙米 Brown Rice"],
                 specs: [("5kg bag", "袋", 1, 20, 5_900), ("10kg bag", "袋", 1, 10, 11_200), ("25kg sack", "袋", 1, 4, 26_500)])),
        (1, Line(category: ["Grain & Oil", "Cooking oil"], names: ["花生油 Peanut Oil", "菜籽油 Rapeseed Oil", "稻米油 Rice Bran Oil"],
                 specs: [("5L bottle", "桶", 4, 8, 9_900), ("1.8L bottle", "瓶", 6, 12, 3_900)])),
        (1, Line(category: ["Grain & Oil", "Noodles"], names: ["挂面 Dried Noodles", "方便面 Instant Noodles", "米粉 Rice Vermicelli"],
                 specs: [("carton of 24", "箱", 1, 10, 4_300), ("family pack", "袋", 10, 20, 1_600)])),
        (1, Line(category: ["Household", "Cleaning"], names: ["洗洁精 Dish Soap", "洗衣液 Laundry Liquid", "消毒液 Disinfectant", "玻璃清洁剂 Glass Cleaner"],
                 specs: [("12 x 1kg", "箱", 1, 5, 7_200), ("4 x 5kg", "箱", 1, 3, 12_600)])),
        (1, Line(category: ["Household", "Paper"], names: ["抽纸 Facial Tissue", "卷纸 Toilet Rolls", "厨房纸 Kitchen Towels"],
                 specs: [("case of 48 packs", "箱", 1, 5, 6_900), ("case of 27 rolls", "箱", 1, 5, 5_200)])),
        (1, Line(category: ["Dairy", "Milk"], names: ["纯牛奶 Whole Milk", "低脂奶 Low-fat Milk", "酸奶 Yogurt Drink"],
                 specs: [("24 x 250ml", "箱", 1, 10, 6_800), ("12 x 1L", "箱", 1, 5, 8_400)])),
    ]

    struct DemoProduct {
        let supplier: Int
        let id: String
        let name: String
        let category: [String]
        let skus: [ProductSKU]
    }

    static func products() -> [DemoProduct] {
        var result: [DemoProduct] = []
        var counter = 0
        for (supplier, line) in lines {
            for (nameIndex, baseName) in line.names.enumerated() {
              // Each product also comes as a pricier select edition (精选).
              for (edition, name) in [(0, baseName), (1, baseName + " 精选 Select")] {
                counter += 1
                let id = "P\(String(format: "%04d", counter))"
                let skus = line.specs.enumerated().map { index, spec in
                    // A little spread so products of one line do not all cost the same.
                    let price = (spec.fen + Int64(nameIndex * 300)) * (edition == 0 ? 100 : 120) / 100
                    return ProductSKU(sku: try! SKU("\(id)-\(index + 1)"), attributes: ["spec": spec.spec, "origin": origin(counter)],
                                      unit: spec.unit, packSize: spec.pack, minimumOrderQuantity: spec.moq,
                                      basePrice: Money(minorUnits: price, currency: .cny),
                                      minimumResalePrice: Money(minorUnits: price, currency: .cny))
                }
                result.append(DemoProduct(supplier: supplier, id: id, name: name, category: line.category, skus: skus))
              }
            }
        }
        return result
    }

    private static func origin(_ index: Int) -> String {
        ["浙江 Zhejiang", "福建 Fujian", "云南 Yunnan", "黑龙江 Heilongjiang", "广东 Guangdong", "四川 Sichuan"][index % 6]
    }

    /// One price list per supplier with every rule kind: volume tiers on every SKU, gold and silver
    /// tier prices, a regional price, a promotion running now, and contract prices for Beijing.
    static func priceRules(for products: [DemoProduct], beijing: CompanyID, now: Date) -> [PriceRule] {
        var rules: [PriceRule] = []
        for (index, product) in products.enumerated() {
            for sku in product.skus {
                let base = sku.basePrice.minorUnits
                func money(_ percent: Int64) -> Money { Money(minorUnits: base * percent / 100, currency: .cny) }
                rules.append(PriceRule(sku: sku.sku, terms: .volumeTiers([
                    VolumeTier(minimumQuantity: max(sku.minimumOrderQuantity, 1) * 5, unitPrice: money(97)),
                    VolumeTier(minimumQuantity: max(sku.minimumOrderQuantity, 1) * 20, unitPrice: money(93)),
                ])))
                rules.append(PriceRule(sku: sku.sku, terms: .customerTier(.gold, unitPrice: money(92))))
                rules.append(PriceRule(sku: sku.sku, terms: .customerTier(.silver, unitPrice: money(96))))
                if index % 3 == 0 { rules.append(PriceRule(sku: sku.sku, terms: .regional(region: "south-west", unitPrice: money(95)))) }
                if index % 5 == 0 { rules.append(PriceRule(sku: sku.sku, terms: .contract(buyer: beijing, unitPrice: money(90)))) }
                if index % 7 == 0 {
                    rules.append(PriceRule(sku: sku.sku, terms: .promotion(name: "双12 Double Twelve", unitPrice: money(85)),
                                           validFrom: now.addingTimeInterval(-3_600), validUntil: now.addingTimeInterval(30 * 86_400)))
                }
            }
        }
        return rules
    }
}
