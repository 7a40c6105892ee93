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
