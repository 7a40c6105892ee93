import Contracts
import Foundation
import GatewayCore
import Testing

@Suite struct IdentityPasswordHasherTests {
    let hasher = IdentityTest.fastHasher

    @Test func verify_acceptsTheRightPassword_andRefusesAWrongOne() throws {
        let stored = try hasher.hash("correct horse battery")
        #expect(hasher.verify("correct horse battery", against: stored))
        #expect(!hasher.verify("correct horse batterY", against: stored))
        #expect(!hasher.verify("", against: stored))
    }

    @Test func hash_usesAFreshSaltEachTime_soEqualPasswordsHashDifferently() throws {
        let first = try hasher.hash("correct horse battery")
        let second = try hasher.hash("correct horse battery")
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
        #expect(Data(base64Encoded: first.salt)?.count == PasswordHasher.saltByteCount)
        #expect(Data(base64Encoded: first.hash)?.count == PasswordHasher.keyByteCount)
    }

    @Test func hash_recordsAlgorithmAndIterations() throws {
        let stored = try PasswordHasher(iterations: 2_000).hash("correct horse battery")
        #expect(stored.algorithm == "pbkdf2-sha256")
        #expect(stored.iterations == 2_000)
        #expect(PasswordHasher.defaultIterations >= 120_000)
    }

    /// Cross-checked with Python: base64(hashlib.pbkdf2_hmac('sha256', b'password', b'saltsaltsaltsalt', 1, 32)).
    @Test func hash_withGivenSalt_matchesPBKDF2Vector() throws {
        let stored = try PasswordHasher(iterations: 1).hash("password", salt: Array("saltsaltsaltsalt".utf8))
        #expect(stored.hash == "sT1ml+mc1tF0XaCX7gPkvlATQedv6RYaeI3j1M0L4hk=")
        #expect(stored.salt == "c2FsdHNhbHRzYWx0c2FsdA==")
    }

    @Test func verify_usesTheStoredIterationCount_notTheHashersOwn() throws {
        let old = try PasswordHasher(iterations: 500).hash("correct horse battery")
        #expect(hasher.verify("correct horse battery", against: old))
        #expect(hasher.needsRehash(old))
        #expect(!hasher.needsRehash(try hasher.hash("correct horse battery")))
    }

    @Test func verify_treatsCanonicallyEquivalentUnicodeAsTheSamePassword() throws {
        let composed = "caf\u{E9} au lait!"      // é as one code point
        let decomposed = "cafe\u{301} au lait!"  // e + combining acute accent
        let stored = try hasher.hash(composed)
        #expect(hasher.verify(decomposed, against: stored))
    }

    @Test func verify_refusesUnreadableOrForeignHashes_withoutThrowing() throws {
        let stored = try hasher.hash("correct horse battery")
        let foreign = PasswordHash(algorithm: "md5", iterations: stored.iterations, salt: stored.salt, hash: stored.hash)
        let garbled = PasswordHash(algorithm: stored.algorithm, iterations: stored.iterations, salt: "***", hash: stored.hash)
        let hostile = PasswordHash(algorithm: stored.algorithm, iterations: 2_000_000_000, salt: stored.salt,
                                   hash: stored.hash)
        #expect(!hasher.verify("correct horse battery", against: foreign))
        #expect(!hasher.verify("correct horse battery", against: garbled))
        #expect(!hasher.verify("correct horse battery", against: hostile))
    }

    @Test func policy_requires10To128Characters_andNotTheUsername() {
        let policy = PasswordPolicy()
        #expect(policy.problem(with: "123456789", username: "alice") != nil)
        #expect(policy.problem(with: "1234567890", username: "alice") == nil)
        #expect(policy.problem(with: String(repeating: "x", count: 128), username: "alice") == nil)
        #expect(policy.problem(with: String(repeating: "x", count: 129), username: "alice") != nil)
        #expect(policy.problem(with: "Alice.Wang.2026", username: "alice.wang.2026") == "password must not be the username")
        #expect(policy.problem(with: "密码很长很长很长很长很长", username: "alice") == nil, "CJK characters count once each")
    }
}
