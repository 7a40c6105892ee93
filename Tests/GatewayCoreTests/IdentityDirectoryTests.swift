import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityDirectoryTests {
    static func company(_ id: String, users: [String], keys: [String] = [], revision: Int = 1) -> Company {
        let hash = PasswordHash(algorithm: "pbkdf2-sha256", iterations: 1, salt: "AA==", hash: "AA==")
        return Company(
            id: IdentityTest.id(id), name: id, types: [.buyer], status: .approved, statusReason: nil,
            qualificationDocuments: [], tier: nil, region: nil, departments: [],
            users: users.enumerated().map { index, name in
                CompanyUser(id: IdentityTest.id("usr-\(index)"), username: name, displayName: name, roles: [.purchaser],
                            department: nil, passwordHash: hash, active: true)
            },
            apiKeys: keys.map { APIKey(id: IdentityTest.id($0), label: $0, roles: [.purchaser], secretHash: "00",
                                       createdAt: IdentityTest.start, revoked: false) },
            revision: revision, updatedAt: IdentityTest.start)
    }

    @Test func lookups_byUsernameAPIKeyAndCompany() {
        let directory = Directory([Self.company("co-a", users: ["alice", "bob"], keys: ["key-a1"]),
                                   Self.company("co-b", users: ["carol"])])
        #expect(directory.count == 2)
        #expect(directory.user(named: "ALICE")?.company.id == IdentityTest.id("co-a"))
        #expect(directory.user(named: "carol")?.user.username == "carol")
        #expect(directory.user(named: "dave") == nil)
        #expect(directory.apiKey(IdentityTest.id("key-a1"))?.company.id == IdentityTest.id("co-a"))
        #expect(directory.company(IdentityTest.id("co-b"))?.users.count == 1)
    }

    @Test func laterRecord_replacesTheCompany_andItsIndexEntries() {
        var directory = Directory([Self.company("co-a", users: ["alice"], keys: ["key-a1"])])
        directory.apply(Self.company("co-a", users: ["alicia"], keys: [], revision: 2))
        #expect(directory.user(named: "alice") == nil)
        #expect(!directory.isUsernameTaken("alice"))
        #expect(directory.user(named: "alicia") != nil)
        #expect(directory.apiKey(IdentityTest.id("key-a1")) == nil)
        #expect(directory.company(IdentityTest.id("co-a"))?.revision == 2)
    }

    /// An instance's own write is applied at once; older records read back from the topic before
    /// it comes back must not hide it (an API key created and used at once), but once it is back,
    /// records behave as compaction does again.
    @Test func ownWrite_isNotHiddenByOlderRecordsStillComingBack() {
        var directory = Directory()
        directory.apply(Self.company("co-a", users: ["alice"], revision: 1))
        directory.applyOwnWrite(Self.company("co-a", users: ["alice", "bob"], revision: 3))
        #expect(directory.apply(Self.company("co-a", users: ["alice"], revision: 2)) == .olderThanOwnWrite(ownRevision: 3, recordRevision: 2))
        #expect(directory.user(named: "bob") != nil, "the own write stays visible")
        #expect(directory.apply(Self.company("co-a", users: ["alice", "bob"], revision: 3)) == .concurrentWrite(heldRevision: 3, recordRevision: 3))
        #expect(directory.apply(Self.company("co-a", users: ["alice", "dave"], revision: 3)) == .concurrentWrite(heldRevision: 3, recordRevision: 3))
        #expect(directory.user(named: "dave") != nil, "after the echo, the topic's latest record wins again")
    }

    @Test func apply_reportsConcurrentWrites_butStoresTheLatestRecordAsCompactionWould() {
        var directory = Directory()
        #expect(directory.apply(Self.company("co-a", users: ["alice"], revision: 1)) == .added)
        #expect(directory.apply(Self.company("co-a", users: ["alice", "bob"], revision: 2)) == .updated)
        let sibling = Self.company("co-a", users: ["alice", "carol"], revision: 2)
        #expect(directory.apply(sibling) == .concurrentWrite(heldRevision: 2, recordRevision: 2))
        #expect(directory.company(IdentityTest.id("co-a")) == sibling)
        #expect(!directory.isUsernameTaken("bob"))
    }

    @Test func tombstone_removesTheCompany() {
        var directory = Directory([Self.company("co-a", users: ["alice"])])
        directory.remove(IdentityTest.id("co-a"))
        #expect(directory.count == 0)
        #expect(!directory.isUsernameTaken("alice"))
    }

    /// Two instances may accept the same username for two companies at once; neither may then sign
    /// in as it, whatever order the records arrive in.
    @Test func usernameClaimedByTwoCompanies_isAmbiguous_andFailsClosed_inAnyOrder() {
        let first = Self.company("co-a", users: ["alice"]), second = Self.company("co-b", users: ["alice"])
        for order in [[first, second], [second, first]] {
            let directory = Directory(order)
            #expect(directory.user(named: "alice") == nil)
            #expect(directory.isUsernameTaken("alice"))
            #expect(directory.usernameConflicts == ["alice": [IdentityTest.id("co-a"), IdentityTest.id("co-b")]])
        }
        var resolved = Directory([first, second])
        resolved.apply(Self.company("co-b", users: ["alice2"], revision: 2))
        #expect(resolved.user(named: "alice")?.company.id == IdentityTest.id("co-a"))
        #expect(resolved.usernameConflicts.isEmpty)
    }

    @Test func foldsRecordsDecodedFromTheWire() throws {
        var world = IdentityWorld()
        world.bootstrapOperator()
        let buyer = world.approvedCompany("Buyer Co", types: [.buyer], admin: "buyer.admin")
        let bytes = try WireFormat.encodeValue(buyer)
        let decoded = try WireFormat.decodeValue(Company.self, from: bytes)
        #expect(decoded == buyer, "updatedAt is kept to the millisecond, so a round trip is exact")
        var replica = Directory()
        replica.apply(decoded)
        #expect(replica.user(named: "buyer.admin")?.company == buyer)
    }

    @Test func platformOperator_isFound() {
        var world = IdentityWorld()
        #expect(world.directory.platformOperator == nil)
        let platform = world.bootstrapOperator()
        #expect(world.directory.platformOperator?.id == platform.id)
    }
}
