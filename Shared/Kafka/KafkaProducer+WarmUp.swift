import CRdKafka
import Runtime

extension KafkaProducer {
    /// Fetches the metadata (partitions, leaders) of `topics` now, on a dedicated thread, so the
    /// first record to each does not wait for it: without this the first orders after a start
    /// took seconds while every service learnt the topics of the saga one by one.
    public func warmUp(topics: [String], timeout: Duration = .seconds(2)) async {
        let handle = self.handle
        let milliseconds = Int32(timeout.seconds * 1000)
        // Not once closing began: the handle is about to be freed.
        let started = closed.withLock { isClosed in
            if !isClosed { warmingUp.withLock { $0 = true } }
            return !isClosed
        }
        guard started else { return }
        await onDedicatedThread(name: "producer-warm-up") { [closed, warmingUp] in
            defer { warmingUp.withLock { $0 = false } }
            for name in topics where !closed.withLock({ $0 }) {
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
