// The only C that Tradeflow adds on top of librdkafka: the variadic producev API and its
// RD_KAFKA_V_* macros do not import into Swift, so they are wrapped in static inline functions.
#ifndef TRADEFLOW_CRDKAFKA_SHIM_H
#define TRADEFLOW_CRDKAFKA_SHIM_H

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/// Enqueues one message. The payload and key are copied (RD_KAFKA_MSG_F_COPY): the Swift buffers
/// they point into only live for the duration of the call. `headers` (may be NULL) is owned by
/// librdkafka when this returns RD_KAFKA_RESP_ERR_NO_ERROR, and still owned by the caller otherwise.
static inline rd_kafka_resp_err_t tf_produce(rd_kafka_t *rk, const char *topic, int32_t partition,
                                             const void *key, size_t key_len,
                                             const void *value, size_t value_len,
                                             rd_kafka_headers_t *headers, void *opaque) {
    if (headers != NULL) {
        return rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(partition),
                                 RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                 RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_VALUE((void *)value, value_len),
                                 RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    }
    return rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(partition),
                             RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                             RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_VALUE((void *)value, value_len),
                             RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
}

static inline int32_t tf_partition_unassigned(void) { return RD_KAFKA_PARTITION_UA; }
static inline int64_t tf_offset_invalid(void) { return RD_KAFKA_OFFSET_INVALID; }

#endif
