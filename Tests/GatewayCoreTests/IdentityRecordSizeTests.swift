import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityRecordSizeTests {
    /// Every per-company limit reached with the longest field values (CJK display names take three
    /// bytes a character): the record must still fit one Kafka message.
    @Test func companyAtEveryLimit_fitsOneKafkaMessage() throws {
        let limits = IdentityLimits.standard
        let hash = try PasswordHasher(iterations: 1).hash(IdentityTest.password)
        let departments = (0..<limits.maximumDepartments).map { index in
            Department(id: IdentityTest.id("dep-\(String(format: "%012x", index))"),
                       name: String(repeating: "部", count: 64),
                       parent: index == 0 ? nil : IdentityTest.id("dep-\(String(format: "%012x", index - 1))"))
        }
        let users = (0..<limits.maximumUsers).map { index in
            CompanyUser(id: IdentityTest.id("usr-\(String(format: "%016x", index))"),
                        username: String(format: "%064d", index), displayName: String(repeating: "伟", count: 64),
                        roles: Set(Role.allCases), department: departments.last?.id, passwordHash: hash, active: true)
        }
        let keys = (0..<(limits.maximumActiveAPIKeys + limits.maximumRevokedAPIKeysKept)).map { index in
            APIKey(id: IdentityTest.id("key-\(String(format: "%016x", index))"), label: String(repeating: "键", count: 64),
                   roles: Set(Role.allCases), secretHash: String(repeating: "f", count: 64), createdAt: IdentityTest.start,
                   revoked: index >= limits.maximumActiveAPIKeys)
        }
        let documents = (0..<limits.maximumDocuments).map { _ in
            DocumentReference(kind: String(repeating: "k", count: 32), ref: String(repeating: "文", count: 256))
        }
        let company = Company(
            id: IdentityTest.id(String(repeating: "c", count: 128)), name: String(repeating: "公", count: 128),
            types: Set(CompanyType.allCases), status: .suspended, statusReason: String(repeating: "因", count: 500),
            qualificationDocuments: documents, tier: .gold, region: String(repeating: "r", count: 64),
            departments: departments, users: users, apiKeys: keys, revision: Int.max, updatedAt: IdentityTest.start)
        let size = try WireFormat.encodeValue(company).count
        #expect(size < WireFormat.maximumMessageBytes - 16 * 1024, "worst case is \(size) bytes")
        #expect(size > 500_000, "the test really builds a large record (\(size) bytes)")
    }
}
