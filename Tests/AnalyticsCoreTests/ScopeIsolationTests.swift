import AnalyticsCore
import Contracts
import Foundation
import Testing

/// A company's snapshot holds only its own numbers: the gateway serves it whole to that company.
@Suite struct ScopeIsolationTests {
    let state = Scenario.fold()
    let asOf = T.at(days: 100)

    func json(_ scope: AnalyticsScope) throws -> String {
        let snapshot = state.snapshot(for: scope, asOf: asOf)
        return String(decoding: try WireFormat.encodeValue(snapshot), as: UTF8.self)
    }

    @Test func aSuppliersSnapshot_holdsOnlyItsOwnLines() throws {
        let cup = try json(.company(T.cup))
        for foreign in ["TEA-1", "TEA-2", "MUG-9", "SUP-TEA", "DIST-EAST"] {
            #expect(!cup.contains(foreign), "SUP-CUP's snapshot mentions \(foreign)")
        }
        let snapshot = state.snapshot(for: .company(T.cup), asOf: asOf)
        #expect(snapshot.views.map(\.role) == [.supplier])
        #expect(snapshot.view(.supplier)?.stock?.skus.map(\.sku.rawValue) == ["CUP-1"])
        #expect(snapshot.key == "SUP-CUP")
    }

    /// A supplier's stock view lists every SKU its catalog names, also those never ordered (the
    /// slow movers it most needs to see), and only its own.
    @Test func aSuppliersStock_listsTheSKUsItsCatalogNames_evenNeverOrdered() throws {
        var state = state
        let product = Product(id: T.id("P-CUP-7"), supplier: T.cup, name: "Cup 7", categoryPath: ["Kitchen"],
                              skus: [ProductSKU(sku: T.id("CUP-7"), unit: "box", basePrice: Money(minorUnits: 500, currency: .cny))],
                              discontinuedSKUs: [T.id("CUP-0")], status: .listed, revision: 1, updatedAt: T.at())
        let gained = state.apply(.productChanged(product))
        let again = state.apply(.productChanged(product))
        #expect(gained && !again, "a product seen again adds nothing")
        let skus = state.snapshot(for: .company(T.cup), asOf: asOf).view(.supplier)?.stock?.skus.map(\.sku.rawValue) ?? []
        #expect(Set(skus) == ["CUP-1", "CUP-7", "CUP-0"])
        let tea = String(decoding: try WireFormat.encodeValue(state.snapshot(for: .company(T.tea), asOf: asOf)), as: UTF8.self)
        #expect(!tea.contains("CUP-7"), "another supplier's catalog stays out of its view")
    }

    @Test func aBuyersSnapshot_holdsOnlyItsOwnOrders() throws {
        let beta = try json(.company(T.beta))
        #expect(!beta.contains("BUYER-ACME") && !beta.contains("CN-EAST") && !beta.contains("CUP-1"))
        let acme = try json(.company(T.acme))
        #expect(!acme.contains("BUYER-BETA") && !acme.contains("TEA-2") && !acme.contains("CN-NORTH"))
    }

    @Test func aDistributorsSnapshot_holdsOnlyLinesSoldFromItsShops() throws {
        let east = try json(.company(T.east))
        #expect(!east.contains("CUP-1") && !east.contains("TEA-2"))
        #expect(state.snapshot(for: .company(T.east), asOf: asOf).view(.distributor)?.stock == nil)
    }

    @Test func aCompanyWithSeveralRoles_getsOneSnapshotWithAViewPerRole() throws {
        var state = Scenario.fold()
        // SUP-TEA also buys cups.
        state.apply(T.placed("O7", buyer: T.tea, at: T.at(days: 5), [
            T.Line(sku: "CUP-1", supplier: T.cup, category: ["Tableware"], quantity: 1, unitPrice: 20_00),
        ]), envelopeId: T.id("e-o7"))
        let snapshot = state.snapshot(for: .company(T.tea), asOf: asOf)
        #expect(snapshot.views.map(\.role) == [.buyer, .supplier])
        #expect(snapshot.view(.buyer)?.funnel.placed == 1)
        #expect(snapshot.view(.supplier)?.funnel.placed == 3)
    }

    @Test func theOperatorSeesEverything_underThePlatformKey() {
        let snapshot = state.snapshot(for: .platform, asOf: asOf)
        #expect(snapshot.key == "platform")
        #expect(snapshot.views.map(\.role) == [.platform])
        #expect(state.snapshot(for: .company(T.id("NOBODY")), asOf: asOf).views.isEmpty)
    }
}
