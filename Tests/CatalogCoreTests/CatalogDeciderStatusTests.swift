import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct CatalogDeciderStatusTests {
    typealias T = TestData

    func setStatus(_ product: Product, _ status: ProductStatus, at scheduledAt: Date? = nil,
                   now: Date = T.now, id: String = "cmd-1") -> CatalogDecision {
        let command = SetProductStatus(actor: T.actor(product.supplier), product: product.id, supplier: product.supplier,
                                       status: status, scheduledAt: scheduledAt)
        return T.decide(.setProductStatus(command), CatalogRecords(products: [product]), id: id, at: now)
    }

    @Test(arguments: [
        (ProductStatus.draft, ProductStatus.listed), (.listed, .delisted), (.delisted, .listed), (.delisted, .draft),
    ])
    func allowsTransition(_ from: ProductStatus, _ to: ProductStatus) {
        #expect(setStatus(T.product("P1", status: from), to).product?.status == to)
    }

    @Test(arguments: [(ProductStatus.listed, ProductStatus.draft), (.draft, .delisted)])
    func refusesTransition(_ from: ProductStatus, _ to: ProductStatus) {
        let rejection = setStatus(T.product("P1", status: from), to).rejection
        #expect(rejection?.code == .invalidStatusTransition)
        #expect(rejection?.field == "status")
    }

    @Test func refusesListing_aProductWithoutSKUs() {
        let rejection = setStatus(T.product("P1", skus: [], status: .draft), .listed).rejection
        #expect(rejection?.field == "skus")
    }

    @Test func refusesStatusChange_ofUnknownProduct() {
        let command = SetProductStatus(actor: T.actor(T.supplierA), product: T.id("NOPE"), supplier: T.supplierA, status: .listed)
        #expect(T.decide(.setProductStatus(command)).rejection?.code == .unknownProduct)
    }

    @Test func sameStatus_changesNothing() {
        let decision = setStatus(T.product("P1", status: .listed, revision: 2), .listed)
        #expect(decision.events.isEmpty)
        #expect(decision.outcome == .accepted(key: "P1", revision: 2))
    }

    @Test func futureListing_isRecordedAsSchedule_notAsStatus() throws {
        let product = try #require(setStatus(T.product("P1", status: .draft), .listed, at: T.day(12)).product)
        #expect(product.status == .draft)
        #expect(product.scheduledListAt == T.day(12))
        #expect(product.status(at: T.day(12, seconds: -1)) == .draft)
        #expect(product.status(at: T.day(12)) == .listed)
    }

    @Test func futureDelisting_ofAListedProduct_isRecorded() throws {
        let product = try #require(setStatus(T.product("P1", status: .listed), .delisted, at: T.day(15)).product)
        #expect(product.status == .listed)
        #expect(product.scheduledDelistAt == T.day(15))
    }

    @Test func scheduledWindow_listThenDelist() throws {
        let listing = try #require(setStatus(T.product("P1", status: .draft), .listed, at: T.day(12)).product)
        let window = try #require(setStatus(listing, .delisted, at: T.day(14), id: "cmd-2").product)
        #expect(window.status(at: T.day(11)) == .draft)
        #expect(window.status(at: T.day(13)) == .listed)
        #expect(window.status(at: T.day(14)) == .delisted)
        // Delisting before the listing would never take effect.
        #expect(setStatus(listing, .delisted, at: T.day(11), id: "cmd-2").rejection?.code == .invalidStatusTransition)
    }

    @Test func schedulingADraft_orListingAListedProduct_isRefused() {
        #expect(setStatus(T.product("P1", status: .delisted), .draft, at: T.day(12)).rejection?.field == "scheduledAt")
        #expect(setStatus(T.product("P1", status: .listed), .listed, at: T.day(12)).rejection?.code == .invalidStatusTransition)
    }

    @Test func scheduledAtInThePast_actsNow() {
        #expect(setStatus(T.product("P1", status: .draft), .listed, at: T.day(1)).product?.status == .listed)
    }

    @Test func listingNow_keepsAScheduledDelisting_butDelistingNowCancelsSchedules() throws {
        let seasonal = T.product("P1", status: .draft, listAt: T.day(20), delistAt: T.day(30))
        let listedNow = try #require(setStatus(seasonal, .listed).product)
        #expect(listedNow.scheduledListAt == nil)
        #expect(listedNow.scheduledDelistAt == T.day(30))
        let delistedNow = try #require(setStatus(listedNow, .delisted, id: "cmd-2").product)
        #expect(delistedNow.scheduledDelistAt == nil)
        let draftAgain = try #require(setStatus(T.product("P2", status: .draft, listAt: T.day(20)), .draft).product)
        #expect(draftAgain.scheduledListAt == nil)
    }

    @Test func dueSchedules_produceStatusChanges_onceAndInTimeOrder() throws {
        let products = [
            T.product("P-LIST", status: .draft, listAt: T.day(9)),
            T.product("P-DELIST", status: .listed, revision: 3, delistAt: T.day(10)),
            T.product("P-LATER", status: .draft, listAt: T.day(11)),
            T.product("P-BOTH", status: .draft, listAt: T.day(8), delistAt: T.day(9)),
            T.product("P-NOSKU", skus: [], status: .draft, listAt: T.day(9)),
        ]
        let events = CatalogDecider.dueScheduleChanges(products, now: T.now)
        let changed = events.compactMap { event -> Product? in
            if case let .productChanged(product) = event { product } else { nil }
        }
        #expect(changed.map(\.id.rawValue) == ["P-BOTH", "P-DELIST", "P-LIST", "P-NOSKU"])
        #expect(changed.map(\.status) == [.delisted, .delisted, .listed, .draft])
        #expect(changed.allSatisfy { $0.scheduledListAt == nil && $0.scheduledDelistAt == nil })
        #expect(changed[1].revision == 4)
        #expect(changed[1].updatedAt == T.now)
        #expect(CatalogDecider.dueScheduleChanges(changed, now: T.now).isEmpty)
        let envelopes = CatalogDecider.scheduleEnvelopes(events, tenant: "tradeflow", occurredAt: T.now)
        #expect(envelopes.map(\.key) == ["P-BOTH", "P-DELIST", "P-LIST", "P-NOSKU"])
        #expect(envelopes.map(\.id) == CatalogDecider.scheduleEnvelopes(events, tenant: "tradeflow", occurredAt: T.day(11)).map(\.id))
    }

    @Test func commandOnAProductWithADueSchedule_appliesTheScheduleFirst() throws {
        let due = T.product("P1", status: .listed, revision: 2, delistAt: T.day(9))
        let product = try #require(T.decide(T.upsert(due, name: "Renamed"), CatalogRecords(products: [due])).product)
        #expect(product.status == .delisted)
        #expect(product.scheduledDelistAt == nil)
        #expect(product.name == "Renamed")
        #expect(product.revision == 3)
    }
}
