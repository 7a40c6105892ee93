import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct CatalogDeciderProductTests {
    typealias T = TestData

    @Test func createsProduct_asDraftAtRevisionOne() throws {
        let draft = T.product("P1", status: .draft)
        let decision = T.decide(T.upsert(draft))
        let product = try #require(decision.product)
        #expect(product.status == .draft)
        #expect(product.revision == 1)
        #expect(product.updatedAt == T.now)
        #expect(product.recentCommandIds == [T.id("cmd-1")])
        #expect(decision.outcome == .accepted(key: "P1", revision: 1))
    }

    @Test func editingKeepsStatusAndSchedules_andIncrementsRevision() throws {
        let listed = T.product("P1", status: .listed, revision: 4, delistAt: T.day(20))
        let product = try #require(T.decide(T.upsert(listed, name: "New name"), CatalogRecords(products: [listed])).product)
        #expect(product.status == .listed)
        #expect(product.scheduledDelistAt == T.day(20))
        #expect(product.revision == 5)
    }

    @Test func unchangedContent_publishesNothing_andAnswersTheCurrentRevision() {
        let product = T.product("P1", revision: 3)
        let decision = T.decide(T.upsert(product), CatalogRecords(products: [product]))
        #expect(decision.events.isEmpty)
        #expect(decision.outcome == .accepted(key: "P1", revision: 3))
    }

    @Test func replayedCommand_isRecognised_andChangesNothing() throws {
        let first = T.decide(T.upsert(T.product("P1"), name: "v2"), CatalogRecords(products: [T.product("P1")]), id: "cmd-7")
        let afterFirst = try #require(first.product)
        // Another edit happened after it; then cmd-7 is delivered again (crash replay).
        let second = try #require(T.decide(T.upsert(afterFirst, name: "v3"), CatalogRecords(products: [afterFirst]), id: "cmd-8").product)
        let replay = T.decide(T.upsert(T.product("P1"), name: "v2"), CatalogRecords(products: [second]), id: "cmd-7")
        #expect(replay.events.isEmpty)
        #expect(replay.outcome == .accepted(key: "P1", revision: second.revision))
    }

    @Test func remembersOnlyTheLatestCommandIds() throws {
        var product = T.product("P1")
        for index in 0..<20 {
            product = try #require(T.decide(T.upsert(product, name: "v\(index)"), CatalogRecords(products: [product]),
                                            id: "cmd-\(index)").product)
        }
        #expect(product.recentCommandIds.count == CatalogLimits.standard.rememberedCommandIds)
        #expect(product.recentCommandIds.last == T.id("cmd-19"))
    }

    @Test func refusesStaleExpectedRevision() {
        let product = T.product("P1", revision: 3)
        let rejection = T.decide(T.upsert(product, name: "x", expectedRevision: 2), CatalogRecords(products: [product])).rejection
        #expect(rejection?.code == .revisionConflict)
        #expect(rejection?.field == "expectedRevision")
        #expect(T.decide(T.upsert(product, name: "x", expectedRevision: 3), CatalogRecords(products: [product])).product != nil)
        #expect(T.decide(T.upsert(T.product("NEW"), expectedRevision: 0)).product != nil)
    }

    @Test(arguments: [
        (T.upsert(T.product("P1"), skus: [T.sku("S1", pack: 0)]), "skus[0].packSize", "skus[0].packSize must be > 0, got 0"),
        (T.upsert(T.product("P1"), skus: [T.sku("S1"), T.sku("S2", pack: 6, moq: 10)]), "skus[1].minimumOrderQuantity",
         "skus[1].minimumOrderQuantity must be a multiple of packSize 6, got 10"),
        (T.upsert(T.product("P1"), skus: [T.sku("S1"), T.sku("S2"), T.sku("S3", price: 0)]), "skus[2].basePrice",
         "skus[2].basePrice must be > 0, got 0.00 CNY"),
        (T.upsert(T.product("P1"), name: ""), "name", "name must be 1...200 characters, got 0"),
        (T.upsert(T.product("P1"), name: String(repeating: "茶", count: 201)), "name", "name must be 1...200 characters, got 201"),
        (T.upsert(T.product("P1"), name: "   "), "name", "name must not be blank"),
        (T.upsert(T.product("P1"), category: []), "categoryPath", "categoryPath must have 1...6 levels, got 0"),
        (T.upsert(T.product("P1"), category: ["a", "b", "c", "d", "e", "f", "g"]), "categoryPath",
         "categoryPath must have 1...6 levels, got 7"),
        (T.upsert(T.product("P1"), category: ["Tea", ""]), "categoryPath[1]", "categoryPath[1] must be 1...50 characters, got 0"),
        (T.upsert(T.product("P1"), skus: [T.sku("S1"), T.sku("S1")]), "skus[1].sku", "skus[1].sku S1 repeats skus[0]"),
        (T.upsert(T.product("P1"), skus: [ProductSKU(sku: T.id("S1"), unit: "box", basePrice: T.cny(1),
                                                     minimumResalePrice: T.usd(1))]),
         "skus[0].minimumResalePrice", "skus[0].minimumResalePrice must be in CNY like basePrice, got USD"),
        (T.upsert(T.product("A:B")), "product", "product must not contain \":\" (reserved for record-key prefixes), got \"A:B\""),
    ])
    func refusesInvalidContent_namingTheField(_ command: CatalogCommand, _ field: String, _ message: String) {
        let rejection = T.decide(command).rejection
        #expect(rejection?.field == field)
        #expect(rejection?.message == message)
    }

    @Test func enforcesCountLimits() {
        let tooManySKUs = (0...200).map { T.sku("S\($0)") }
        #expect(T.decide(T.upsert(T.product("P1"), skus: tooManySKUs)).rejection?.code == .limitExceeded)
        let attributes = Dictionary(uniqueKeysWithValues: (0...50).map { ("k\($0)", "v") })
        let manyAttributes = T.product("P1", attributes: attributes)
        #expect(T.decide(T.upsert(manyAttributes)).rejection?.field == "attributes")
        let media = (0...20).map { MediaReference(kind: .image, url: "https://cdn.example/\($0).jpg") }
        let command = UpsertProduct(actor: T.actor(T.supplierA), product: T.id("P1"), supplier: T.supplierA, name: "n",
                                    categoryPath: ["c"], media: media, skus: [])
        #expect(T.decide(.upsertProduct(command)).rejection?.field == "media")
    }

    @Test func refusesProductRecord_thatWouldNotFitInOneMessage() {
        var limits = CatalogLimits()
        limits.maximumRecordBytes = 2_000
        let skus = (0..<40).map { T.sku("SKU-\($0)", attributes: ["spec": String(repeating: "x", count: 40)]) }
        let decision = CatalogDecider(limits: limits).decide(T.command(T.upsert(T.product("P1"), skus: skus)),
                                                             current: CatalogRecords(), now: T.now)
        #expect(decision.rejection?.code == .limitExceeded)
        #expect(decision.rejection?.message.contains("over the limit of 2000") == true)
    }

    @Test func refusesSKU_thatAnotherProductHas() {
        let other = T.product("P-OTHER", skus: [T.sku("SHARED")])
        let rejection = T.decide(T.upsert(T.product("P1"), skus: [T.sku("MINE"), T.sku("SHARED")]),
                                 CatalogRecords(products: [other])).rejection
        #expect(rejection?.code == .duplicateSKU)
        #expect(rejection?.field == "skus[1].sku")
    }

    @Test func refusesRemovingEverySKU_ofAListedProduct() {
        let listed = T.product("P1", status: .listed)
        #expect(T.decide(T.upsert(listed, skus: []), CatalogRecords(products: [listed])).rejection?.field == "skus")
        let draft = T.product("P2", status: .draft)
        #expect(T.decide(T.upsert(draft, skus: []), CatalogRecords(products: [draft])).product?.skus == [])
    }

    @Test func decisionEnvelopes_areKeyedAndDerivedFromTheCommand() throws {
        let command = T.command(T.upsert(T.product("P1")), id: "cmd-42")
        let decision = T.decider.decide(command, current: CatalogRecords(), now: T.now)
        let envelopes = decision.envelopes(causedBy: command, occurredAt: T.now)
        #expect(envelopes.map(\.key) == ["P1"])
        #expect(envelopes.first?.causationId == command.id)
        #expect(envelopes.first?.id == decision.envelopes(causedBy: command, occurredAt: T.day(11)).first?.id)
        #expect(decision.reply(causedBy: command, occurredAt: T.now) == nil)
    }

    @Test func reply_goesToTheAskingGatewayPartition() throws {
        let address = ReplyAddress(instance: "gw-2", partition: 7, requestId: "req-9")
        let payload = UpsertProduct(actor: T.actor(T.supplierA), product: T.id("P1"), supplier: T.supplierA, name: "n",
                                    categoryPath: ["c"], skus: [], replyTo: address)
        let command = T.command(.upsertProduct(payload))
        let reply = try #require(T.decider.decide(command, current: CatalogRecords(), now: T.now)
            .reply(causedBy: command, occurredAt: T.now))
        #expect(reply.partition == 7)
        #expect(reply.envelope.key == "gw-2")
        #expect(reply.envelope.payload == CatalogReply(requestId: "req-9", commandId: command.id,
                                                       outcome: .accepted(key: "P1", revision: 1)))
    }
}
