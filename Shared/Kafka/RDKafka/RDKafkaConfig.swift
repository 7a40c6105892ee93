import CRdKafka

/// Builds an `rd_kafka_conf_t` from key/value properties. The caller passes the result to
/// `rd_kafka_new`, which takes ownership only on success (so we destroy it on failure).
enum RDKafkaConfig {
    static func make(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
        let conf = rd_kafka_conf_new()!
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            var errorText = [CChar](repeating: 0, count: 512)
            let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                throw KafkaError.client("config \(key)=\(value): \(errorString(errorText))")
            }
        }
        return conf
    }

    /// Creates a client handle, destroying `conf` if librdkafka refuses it.
    static func newClient(_ type: rd_kafka_type_t, conf: OpaquePointer) throws(KafkaError) -> OpaquePointer {
        var errorText = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError.client("rd_kafka_new: \(errorString(errorText))")
        }
        return handle
    }
}

/// The text librdkafka wrote into an error buffer (NUL-terminated).
func errorString(_ buffer: [CChar]) -> String {
    buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}
