import CRdKafka
import Runtime

extension KafkaProducer {
    /// Fetches the metadata (partitions, leaders) of `topics` now, on a dedicated thread, so the
    /// first record to each does not wait for it: without this the first orders after a start
    /// took seconds while every service learnt the topics of the saga one by one.
    public func warmUp(topics: [String], timeout: Duration = .seconds(5)) async {
        let handle = self.handle
        let milliseconds = Int32(timeout.seconds * 1000)
        await onDedicatedThread(name: "producer-warm-up") {
            for name in topics {
                guard let topic = rd_kafka_topic_new(handle.pointer, name, nil) else { continue }
                var metadata: UnsafePointer<rd_kafka_metadata>?
                if rd_kafka_metadata(handle.pointer, 0, topic, &metadata, milliseconds) == RD_KAFKA_RESP_ERR_NO_ERROR,
                   let metadata {
                    rd_kafka_metadata_destroy(metadata)
                }
                rd_kafka_topic_destroy(topic)
            }
        }
    }
}
