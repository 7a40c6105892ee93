import Foundation
import Kafka
import Runtime
import Testing
import TestSupport

@Suite(.serialized) struct ProducerConsumerTests {
    @Test func deliveryReport_carriesPartitionAndOffset_andConsumerReadsBackInOrder() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.orders.v1", partitions: 3))
        let producer = try KafkaProducer(settings: KafkaTestKit.settings(cluster), logger: KafkaTestKit.quietLogger)
        var reports: [DeliveryReport] = []
        for index in 0..<20 {
            reports.append(try await producer.send(topic: "test.orders.v1", key: "buyer-1", value: Array("m\(index)".utf8),
                                                   headers: [KafkaHeader(name: "type", text: "probe")]))
        }
        await producer.close()

        // One key always lands on one partition, at consecutive offsets.
        #expect(Set(reports.map(\.partition)).count == 1)
        #expect(reports.map(\.offset) == Array(0..<20).map(Int64.init))

        let messages = try await KafkaTestKit.readAll("test.orders.v1", count: 20, cluster: cluster)
        #expect(messages.map { String(decoding: $0.value, as: UTF8.self) } == (0..<20).map { "m\($0)" })
        #expect(messages.allSatisfy { $0.keyString == "buyer-1" && $0.header("type") == "probe" })
    }

    @Test func sendAll_keepsTheOrderOfABatch_withinAPartition() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.batch.v1", partitions: 2))
        let producer = try KafkaProducer(settings: KafkaTestKit.settings(cluster), logger: KafkaTestKit.quietLogger)
        let reports = try await producer.sendAll((0..<300).map {
            OutgoingRecord(topic: "test.batch.v1", key: "one-key", value: Array("b\($0)".utf8))
        })
        await producer.close()
        #expect(reports.map(\.offset) == (0..<300).map(Int64.init))
        let messages = try await KafkaTestKit.readAll("test.batch.v1", count: 300, cluster: cluster)
        #expect(messages.map { String(decoding: $0.value, as: UTF8.self) } == (0..<300).map { "b\($0)" })
    }

    @Test func warmUp_learnsTopics_andClosingDuringItIsSafe() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.warm.v1", partitions: 3))
        let producer = try KafkaProducer(settings: KafkaTestKit.settings(cluster), logger: KafkaTestKit.quietLogger)
        await producer.warmUp(topics: ["test.warm.v1"])
        #expect(try await producer.send(topic: "test.warm.v1", key: "k", value: [1]).offset == 0)
        await producer.close()
        await producer.warmUp(topics: ["test.warm.v1"])  // after close: does nothing

        let racing = try KafkaProducer(settings: KafkaTestKit.settings(cluster), logger: KafkaTestKit.quietLogger)
        let warming = Task { await racing.warmUp(topics: (0..<20).map { "test.warm.\($0)" }) }
        await racing.close()  // waits for the warm-up's current call, then frees the client
        await warming.value
    }

    @Test func send_afterClose_failsInsteadOfCrashing() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        let producer = try KafkaProducer(settings: KafkaTestKit.settings(cluster), logger: KafkaTestKit.quietLogger)
        await producer.close()
        await #expect(throws: KafkaError.self) {
            try await producer.send(topic: "test.any.v1", key: nil, value: [1])
        }
    }

    @Test func invalidConfiguration_reportsLibrdkafkasReason() throws {
        var settings = KafkaSettings(bootstrapServers: "127.0.0.1:1", profile: .mock, clientId: "x")
        settings.overrides = ["acks": "sometimes"]
        #expect {
            _ = try KafkaProducer(settings: settings, logger: KafkaTestKit.quietLogger)
        } throws: { error in
            "\(error)".contains("acks")
        }
    }

    @Test func parsesPropertyOverrides_andRejectsMalformedOnes() {
        #expect(KafkaSettings.parseOverrides("security.protocol=SSL, ssl.ca.location=/ca.pem") ==
                ["security.protocol": "SSL", "ssl.ca.location": "/ca.pem"])
        #expect(KafkaSettings.parseOverrides("novalue") == nil)
    }

    @Test func relaxedConsumers_fetchLessOften_andAnOperatorsOverrideStillWins() {
        let mock = KafkaSettings(bootstrapServers: "127.0.0.1:1", profile: .mock, clientId: "x")
        #expect(mock.consumerProperties(groupId: "g")["fetch.wait.max.ms"] == "5")
        #expect(mock.consumerProperties(groupId: "g", pace: .relaxed)["fetch.wait.max.ms"] == "50")
        let cluster = KafkaSettings(bootstrapServers: "kafka:9092", profile: .cluster, clientId: "x")
        #expect(cluster.consumerProperties(groupId: "g")["fetch.wait.max.ms"] == "50")
        #expect(cluster.consumerProperties(groupId: "g", pace: .relaxed)["fetch.wait.max.ms"] == "500")
        var tuned = mock
        tuned.overrides = ["fetch.wait.max.ms": "20"]
        #expect(tuned.consumerProperties(groupId: "g", pace: .relaxed)["fetch.wait.max.ms"] == "20")
    }

    @Test func promptProducers_lingerLess_andAnOperatorsOverrideStillWins() {
        let mock = KafkaSettings(bootstrapServers: "127.0.0.1:1", profile: .mock, clientId: "x")
        #expect(mock.producerProperties()["linger.ms"] == "5")
        #expect(mock.producerProperties(pace: .prompt)["linger.ms"] == "1")
        let cluster = KafkaSettings(bootstrapServers: "kafka:9092", profile: .cluster, clientId: "x")
        #expect(cluster.producerProperties(pace: .prompt)["linger.ms"] == "1")
        #expect(cluster.producerProperties(pace: .prompt)["enable.idempotence"] == "true")
        var tuned = mock
        tuned.overrides = ["linger.ms": "20"]
        #expect(tuned.producerProperties(pace: .prompt)["linger.ms"] == "20")
    }
}

@Suite struct Murmur2PartitionerTests {
    @Test func matchesTheJavaClientsKnownValues() {
        // From Kafka's own UtilsTest (signed Java ints).
        #expect(Int32(bitPattern: Murmur2Partitioner.murmur2(Array("21".utf8))) == -973_932_308)
        #expect(Int32(bitPattern: Murmur2Partitioner.murmur2(Array("foobar".utf8))) == -790_332_482)
        #expect(Int32(bitPattern: Murmur2Partitioner.murmur2(Array("a-little-bit-long-string".utf8))) == -985_981_536)
    }

    @Test func agreesWithLibrdkafkasPartitioner_onEveryKey() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.keys.v1", partitions: 24))
        let producer = try KafkaProducer(settings: KafkaTestKit.settings(cluster), logger: KafkaTestKit.quietLogger)
        for index in 0..<200 {
            let key = "SKU-\(index)-电"
            let report = try await producer.send(topic: "test.keys.v1", key: key, value: [1])
            #expect(report.partition == Murmur2Partitioner.partition(for: key, partitions: 24), "key \(key)")
        }
        await producer.close()
    }
}
