import CRdKafka
import Runtime

extension KafkaAdmin {
    /// How many partitions each topic on the cluster has, in one metadata request. Topics the
    /// cluster reports with an error (e.g. being deleted) are left out.
    public func partitionCounts(timeout: Duration = .seconds(10)) async throws -> [String: Int] {
        let settings = self.settings
        let logger = self.logger
        let outcome: Result<[String: Int], KafkaError> = await onDedicatedThread(name: "kafka-metadata") {
            Result { () throws(KafkaError) -> [String: Int] in
                try KafkaAdmin.withClient(settings: settings, logger: logger) { handle throws(KafkaError) -> [String: Int] in
                    var metadata: UnsafePointer<rd_kafka_metadata>?
                    let result = rd_kafka_metadata(handle, 1, nil, &metadata, Int32(timeout.seconds * 1000))
                    guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                        throw KafkaError(result, context: "metadata of every topic")
                    }
                    defer { rd_kafka_metadata_destroy(metadata) }
                    var counts: [String: Int] = [:]
                    for index in 0..<Int(metadata.pointee.topic_cnt) {
                        let topic = metadata.pointee.topics[index]
                        guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR, let name = topic.topic else { continue }
                        counts[String(cString: name)] = Int(topic.partition_cnt)
                    }
                    return counts
                }
            }
        }
        return try outcome.get()
    }
}
