import CRdKafka
import Runtime

/// Consumer-side callback state: the current assignment and what to do on a rebalance.
final class ConsumerContext: ClientContext, @unchecked Sendable {
    // @unchecked: the mutable state is inside `Locked`.
    private let state = Locked<(assigned: Set<TopicPartition>, joined: Bool)>(([], false))
    let buffer: MessageBuffer
    let onAssignmentChange: @Sendable (ConsumerAssignment) -> Void
    let startOffsets: [TopicPartition: Int64]

    init(logger: Logger, buffer: MessageBuffer, startOffsets: [TopicPartition: Int64],
         onAssignmentChange: @escaping @Sendable (ConsumerAssignment) -> Void) {
        self.buffer = buffer
        self.startOffsets = startOffsets
        self.onAssignmentChange = onAssignmentChange
        super.init(logger: logger)
    }

    var assignment: ConsumerAssignment {
        state.withLock { ConsumerAssignment(partitions: $0.assigned.sorted(), hasJoinedGroup: $0.joined) }
    }

    override func install(on conf: OpaquePointer) {
        super.install(on: conf)
        rd_kafka_conf_set_rebalance_cb(conf) { handle, error, partitions, _ in
            guard let handle, let context = ClientContext.from(handle) as? ConsumerContext else { return }
            context.rebalance(handle, error, partitions)
        }
    }

    /// Applies a rebalance. With `cooperative-sticky` only the partitions that move are touched,
    /// so the others keep consuming (no stop-the-world, no rejected commits mid-rebalance).
    private func rebalance(_ handle: OpaquePointer, _ error: rd_kafka_resp_err_t,
                           _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) {
        let cooperative = String(cString: rd_kafka_rebalance_protocol(handle)) == "COOPERATIVE"
        let partitions = TopicPartitionList.read(list)
        switch error {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            if !startOffsets.isEmpty { TopicPartitionList.setOffsets(list) { startOffsets[$0] } }
            if cooperative {
                report(rd_kafka_incremental_assign(handle, list), "incremental assign")
            } else {
                _ = rd_kafka_assign(handle, list)
            }
            state.withLock { $0.assigned.formUnion(partitions); $0.joined = true }
            logger.info("partitions assigned", ["partitions": partitions.map(\.description).joined(separator: ",")])
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            // Commit what the handler stored before the partitions move, so the new owner
            // replays as little as possible (it is idempotent either way).
            _ = rd_kafka_commit(handle, nil, 0)
            buffer.discard(partitions: Set(partitions))
            if cooperative {
                report(rd_kafka_incremental_unassign(handle, list), "incremental unassign")
            } else {
                _ = rd_kafka_assign(handle, nil)
            }
            state.withLock { $0.assigned.subtract(partitions); $0.joined = true }
            logger.info("partitions revoked", ["partitions": partitions.map(\.description).joined(separator: ",")])
        default:
            logger.error("rebalance failed", ["reason": KafkaError(error).message])
            _ = rd_kafka_assign(handle, nil)
            state.withLock { $0.assigned.removeAll() }
        }
        onAssignmentChange(assignment)
    }

    private func report(_ error: OpaquePointer?, _ action: String) {
        guard let error else { return }
        logger.error("\(action) failed", ["reason": String(cString: rd_kafka_error_string(error))])
        rd_kafka_error_destroy(error)
    }
}

/// The partitions a group member owns right now.
public struct ConsumerAssignment: Sendable, Equatable {
    public let partitions: [TopicPartition]
    /// True once the first rebalance completed, even if this member got no partitions (more
    /// members than partitions): the member is then a ready standby.
    public let hasJoinedGroup: Bool
}
