import CRdKafka
import Runtime

extension KafkaAdmin {
    /// How many records the partitions hold up to now (the sum of their high watermarks), asked
    /// of the brokers. Benchmarks take it before and after a run to count what the run wrote.
    public func endOffsets(_ topics: [(name: String, partitions: Int)], timeout: Duration = .seconds(10)) async throws -> Int64 {
        try await highWatermarks(topics, timeout: timeout).values.reduce(0, +)
    }

    /// The cluster's id (Kafka's `cluster.id`), nil when it does not say within `timeout`.
    public func clusterId(timeout: Duration = .seconds(10)) async throws -> String? {
        let settings = self.settings
        let logger = self.logger
        let outcome: Result<String?, KafkaError> = await onDedicatedThread(name: "kafka-cluster-id") {
            Result { () throws(KafkaError) -> String? in
                try KafkaAdmin.withClient(settings: settings, logger: logger) { handle throws(KafkaError) -> String? in
                    ClusterID.of(handle, timeoutMs: Int32(timeout.seconds * 1000))
                }
            }
        }
        return try outcome.get()
    }

    /// Each partition's high watermark (the offset its next record will get), asked of the
    /// brokers: how a restart tells a checkpoint's positions from ones its topics never reached.
    public func highWatermarks(_ topics: [(name: String, partitions: Int)],
                               timeout: Duration = .seconds(10)) async throws -> [TopicPartition: Int64] {
        let settings = self.settings
        let logger = self.logger
        let outcome: Result<[TopicPartition: Int64], KafkaError> = await onDedicatedThread(name: "kafka-offsets") {
            Result { () throws(KafkaError) -> [TopicPartition: Int64] in
                try KafkaAdmin.withClient(settings: settings, logger: logger) { handle throws(KafkaError) -> [TopicPartition: Int64] in
                    var marks: [TopicPartition: Int64] = [:]
                    for topic in topics {
                        for partition in 0..<Int32(topic.partitions) {
                            var low: Int64 = 0
                            var high: Int64 = 0
                            let result = rd_kafka_query_watermark_offsets(handle, topic.name, partition, &low, &high,
                                                                          Int32(timeout.seconds * 1000))
                            guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
                                throw KafkaError(result, context: "watermarks of \(topic.name)/\(partition)")
                            }
                            marks[TopicPartition(topic: topic.name, partition: partition)] = high
                        }
                    }
                    return marks
                }
            }
        }
        return try outcome.get()
    }
}
