import Contracts
import NotificationCore
import Testing

@Suite struct TemplatesTests {
    @Test func everyEventType_hasAnEnglishAndAChineseTemplate() {
        for type in NotificationEventTypes.all {
            #expect(Templates.render(type, parameters: [:]).title != type, "\(type) has no English template")
            #expect(Templates.render(type, parameters: [:], locale: "zh") != Templates.render(type, parameters: [:]) ||
                    type == NotificationEventTypes.promotionAnnounced, "\(type) has no Chinese template")
        }
    }

    @Test func fillsNamedPlaceholders() {
        let rendered = Templates.render(NotificationEventTypes.orderConfirmed, parameters: ["order": "ORD-1", "amount": "12.34 CNY"])
        #expect(rendered.title == "Order ORD-1 confirmed")
        #expect(rendered.body == "Order ORD-1 (12.34 CNY) is confirmed and will be shipped.")
        #expect(Templates.render(NotificationEventTypes.invoiceDue, parameters: ["order": "O", "days": "3"], locale: "zh").title
                == "订单 O 账期将于 3 天后到期")
    }

    @Test func aCompanyIsShownByItsName_whenTheNoticeCarriesIt() {
        let parameters = ["order": "O", "subOrder": "O-S-1", "supplier": "SUP-TEA", "supplierName": "杭州茶业 Hangzhou Tea",
                          "amount": "10.00 CNY", "reason": "kiln broke down"]
        #expect(Templates.render(NotificationEventTypes.orderPartCancelled, parameters: parameters).body
                == "杭州茶业 Hangzhou Tea will not deliver O-S-1 (10.00 CNY): kiln broke down. That part is not charged.")
        var unnamed = parameters
        unnamed["supplierName"] = nil
        #expect(Templates.render(NotificationEventTypes.orderPartCancelled, parameters: unnamed).body.hasPrefix("SUP-TEA will not"))
    }

    @Test func missingParameter_staysVisible_andValuesAreNotExpandedAgain() {
        let rendered = Templates.render(NotificationEventTypes.orderConfirmed, parameters: ["order": "{amount}"])
        #expect(rendered.title == "Order {amount} confirmed")
        #expect(rendered.body == "Order {amount} ({amount}) is confirmed and will be shipped.")
    }

    @Test func unknownTypeOrLocale_neverCrash() {
        #expect(Templates.render("x.unknown", parameters: [:]).body.contains("x.unknown"))
        #expect(Templates.render(NotificationEventTypes.orderRejected, parameters: ["order": "O", "reason": "r"], locale: "fr").title
                == "Order O rejected")
        #expect(Templates.render(NotificationEventTypes.lowStock, parameters: ["sku": "{", "available": "}"]).title == "Low stock: {")
    }
}
