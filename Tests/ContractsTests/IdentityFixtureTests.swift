import Foundation
import Testing
@testable import Contracts

/// The wire format of `identity.events.v1`, frozen like the inventory fixtures (see
/// `GoldenFixtureTests`): a failure means bytes on Kafka would change. Add a field or publish a
/// new `.vN`; do not edit a fixture to make a test pass.
@Suite struct IdentityFixtureTests {
    @Test(arguments: IdentitySamples.events.map(\.0))
    func encodesIdentityEvent_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(IdentitySamples.events.first { $0.0 == fixture }?.1)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), try FixtureFiles.bytes(fixture), fixture)
    }

    @Test(arguments: IdentitySamples.events.map(\.0))
    func decodesIdentityEventFixture_toExpectedValue(_ fixture: String) throws {
        let expected = try #require(IdentitySamples.events.first { $0.0 == fixture }?.1)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: IdentityEvent.self) == expected)
    }

    @Test func everyIdentityMessageType_hasAFixture() throws {
        #expect(Set(IdentitySamples.events.map(\.1.type)) == Set(IdentityEvent.messageTypes))
        for type in IdentityEvent.messageTypes {
            #expect(try FixtureFiles.names().contains("\(type).v1.json"), "no fixture for \(type)")
        }
    }

    @Test func identityEnvelope_isKeyedByItsCompanyId() {
        for (_, envelope) in IdentitySamples.events {
            #expect(envelope.key == envelope.payload.companyId.rawValue)
        }
    }

    /// `Set` iteration order changes between runs; the wire must not.
    @Test func setsEncodeSortedByRawValue_whateverTheInsertionOrder() throws {
        let company = IdentitySamples.suspendedBuyer
        let reordered = Company(
            id: company.id, name: company.name, types: [.distributor, .buyer], status: company.status,
            statusReason: company.statusReason, qualificationDocuments: company.qualificationDocuments,
            tier: company.tier, region: company.region, departments: company.departments,
            users: company.users.map { user in
                CompanyUser(id: user.id, username: user.username, displayName: user.displayName,
                            roles: Set(user.roles.reversed()), department: user.department,
                            passwordHash: user.passwordHash, active: user.active)
            },
            apiKeys: company.apiKeys, revision: company.revision, updatedAt: company.updatedAt)
        #expect(try WireFormat.encodeValue(reordered) == WireFormat.encodeValue(company))
        let text = String(decoding: try WireFormat.encodeValue(company), as: UTF8.self)
        #expect(text.contains(#""types":["buyer","distributor"]"#))
        #expect(text.contains(#""roles":["approver","company-admin","purchaser"]"#))
    }

    @Test func unknownRole_isADeadLetterReasonNamingTheField() throws {
        var text = String(decoding: try FixtureFiles.bytes("identity.company-changed.v1.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""roles":["finance"]"#, with: #""roles":["auditor"]"#)
        let error = #expect(throws: WireFormatError.self) {
            try WireFormat.decode(Array(text.utf8), as: IdentityEvent.self)
        }
        #expect(error?.reason.hasPrefix("invalid value at payload.users[1].roles[0]") == true, "\(String(describing: error))")
    }

    @Test func unknownIdentityMessageType_isRefusedWithTypeAndVersion() throws {
        var text = String(decoding: try FixtureFiles.bytes("identity.company-changed.v1.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""version":1"#, with: #""version":2"#)
        #expect(throws: WireFormatError.unknownMessageType(type: "identity.company-changed", version: 2)) {
            try WireFormat.decode(Array(text.utf8), as: IdentityEvent.self)
        }
    }
}

/// The typed values of the identity fixtures.
enum IdentitySamples {
    static let hash = PasswordHash(algorithm: "pbkdf2-sha256", iterations: 260_000,
                                   salt: "c2FsdHNhbHRzYWx0c2FsdA==",
                                   hash: "sT1ml+mc1tF0XaCX7gPkvlATQedv6RYaeI3j1M0L4hk=")

    static let suspendedBuyer = Company(
        id: Samples.id("co-7f3a9c21d4e5b6a8"), name: "华东五金贸易有限公司 East Hardware Trading",
        types: [.buyer, .distributor], status: .suspended, statusReason: "credit overdue 45 days",
        qualificationDocuments: [
            DocumentReference(kind: "business-license", ref: "s3://tradeflow-docs/co-7f3a/license.pdf"),
            DocumentReference(kind: "tax-registration", ref: "s3://tradeflow-docs/co-7f3a/tax.pdf"),
        ],
        tier: .gold, region: "east-china",
        departments: [
            Department(id: Samples.id("dep-01a2b3c4d5e6"), name: "Purchasing", parent: nil),
            Department(id: Samples.id("dep-0f1e2d3c4b5a"), name: "采购一部 East", parent: Samples.id("dep-01a2b3c4d5e6")),
        ],
        users: [
            CompanyUser(id: Samples.id("usr-1a2b3c4d5e6f7081"), username: "li.wei", displayName: "李伟",
                        roles: [.companyAdmin, .purchaser, .approver], department: nil, passwordHash: hash, active: true),
            CompanyUser(id: Samples.id("usr-9f8e7d6c5b4a3921"), username: "zhang_min-2", displayName: "Zhang Min",
                        roles: [.finance], department: Samples.id("dep-0f1e2d3c4b5a"), passwordHash: hash,
                        active: false),
        ],
        apiKeys: [
            APIKey(id: Samples.id("key-3f9a0c1d2e4b5a69"), label: "SAP ERP order sync", roles: [.purchaser, .finance],
                   secretHash: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                   createdAt: Samples.date("2026-11-01T08:30:00.000Z"), revoked: false),
            APIKey(id: Samples.id("key-0011223344556677"), label: "old WMS", roles: [.warehouse],
                   secretHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                   createdAt: Samples.date("2026-03-15T00:00:00.000Z"), revoked: true),
        ],
        revision: 17, updatedAt: Samples.date("2026-11-22T04:00:00.250Z"))

    static let pendingSupplier = Company(
        id: Samples.id("co-00aa11bb22cc33dd"), name: "Ningbo Fasteners", types: [.supplier], status: .pending,
        statusReason: nil, qualificationDocuments: [], tier: nil, region: nil, departments: [],
        users: [
            CompanyUser(id: Samples.id("usr-0000000000000001"), username: "owner", displayName: "Owner",
                        roles: [.companyAdmin], department: nil, passwordHash: hash, active: true),
        ],
        apiKeys: [], revision: 1, updatedAt: Samples.date("2026-11-20T10:00:00.000Z"))

    static func envelope(_ id: String, _ company: Company, causation: String?, at occurredAt: String)
        -> Envelope<IdentityEvent> {
        Envelope(id: Samples.id(id), occurredAt: Samples.date(occurredAt), causationId: causation.map { Samples.id($0) },
                 correlationId: Samples.id("corr-identity-1"), tenant: "tradeflow", key: company.id.rawValue,
                 payload: .companyChanged(company))
    }

    /// (fixture file, value) for every identity fixture.
    static let events: [(String, Envelope<IdentityEvent>)] = [
        ("identity.company-changed.v1.json",
         envelope("evt-identity-0017", suspendedBuyer, causation: "http:gw-1:req-000042", at: "2026-11-22T04:00:00.250Z")),
        ("identity.company-changed.v1.pending-without-optionals.json",
         envelope("evt-identity-0001", pendingSupplier, causation: nil, at: "2026-11-20T10:00:00.000Z")),
    ]
}
