import Contracts
import Foundation
import Kafka
import Runtime

/// The gateway side of request/reply over Kafka. Each gateway instance is a member of the
/// `gateway-replies` group and owns some partitions of `gateway.replies.v1`; a request names one
/// of them in its `ReplyAddress`, and the owning service produces the answer to exactly that
/// partition. Waiting requests are matched by request id; an answer that arrives after its
/// request timed out is dropped (the caller already told its client to retry or poll).
public final class ReplyInbox: Sendable {
    private let instance: String
    private let waiting = Locked<[String: ReplySlot]>([:])
    private let owned = Locked<[Int32]>([])
    public let consumer: ConsumerService

    public init(context: ServiceContext) throws {
        instance = context.settings.instanceId
        let readiness = context.readiness
        readiness.require("reply-partition")
        let owned = self.owned
        let waiting = self.waiting
        consumer = try context.consumer(group: "gateway-replies", topics: [Topics.gatewayReplies.name], onAssignment: { assignment in
            let partitions = assignment.partitions.map(\.partition).sorted()
            owned.withLock { $0 = partitions }
            readiness.set("reply-partition", !partitions.isEmpty)
        }) { message in
            guard let requestId = message.header(ReplyAddress.requestIdHeader) else {
                throw PoisonMessage("reply without a \(ReplyAddress.requestIdHeader) header")
            }
            waiting.withLock { $0.removeValue(forKey: requestId) }?.fill(message)
        }
    }

    /// A fresh address for one request, or nil while this instance owns no reply partition.
    public func address() -> ReplyAddress? {
        let partitions = owned.withLock { $0 }
        guard let partition = partitions.randomElement() else { return nil }
        return ReplyAddress(instance: instance, partition: partition, requestId: RandomUUID.lowercasedText())
    }

    /// Sends a request with `send` and waits up to `timeout` for its reply; nil on timeout.
    public func request(timeout: Duration, address: ReplyAddress,
                        send: @Sendable (ReplyAddress) async throws -> Void) async throws -> KafkaMessage? {
        let slot = ReplySlot()
        // Registered before sending, so a fast reply cannot arrive unmatched.
        waiting.withLock { $0[address.requestId] = slot }
        defer { waiting.withLock { _ = $0.removeValue(forKey: address.requestId) } }
        try await send(address)
        return await withTaskGroup(of: KafkaMessage?.self) { group in
            group.addTask { await slot.value() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                slot.fill(nil)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

/// Holds one reply (or nil for a timeout); the first fill wins.
private final class ReplySlot: Sendable {
    private let state = Locked<(filled: Bool, value: KafkaMessage?, waiter: CheckedContinuation<KafkaMessage?, Never>?)>((false, nil, nil))

    func fill(_ message: KafkaMessage?) {
        let waiter: CheckedContinuation<KafkaMessage?, Never>? = state.withLock { state in
            guard !state.filled else { return nil }
            state.filled = true
            state.value = message
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: message)
    }

    func value() async -> KafkaMessage? {
        await withCheckedContinuation { continuation in
            let ready: (Bool, KafkaMessage?) = state.withLock { state in
                if state.filled { return (true, state.value) }
                state.waiter = continuation
                return (false, nil)
            }
            if ready.0 { continuation.resume(returning: ready.1) }
        }
    }
}

extension ServiceContext {
    /// Answers a request on the asking gateway instance's reply partition.
    public func reply<Family>(to address: ReplyAddress, _ envelope: Envelope<Family>) async throws {
        try await replyAll([(address, envelope)])
    }

    /// Answers several requests, waiting once for all of them. An address naming a partition the
    /// replies topic does not have (a command written by hand or by an outside system) is not
    /// answered: producing to it would fail, and with it the batch that carried the command.
    public func replyAll<Family>(_ replies: [(address: ReplyAddress, envelope: Envelope<Family>)]) async throws {
        let partitions = 0..<Int32(Topics.gatewayReplies.partitions)
        let answerable = replies.filter { partitions.contains($0.address.partition) }
        if answerable.count < replies.count {
            logger.warning("replies to partitions gateway.replies.v1 does not have were dropped",
                           ["count": "\(replies.count - answerable.count)"])
        }
        guard !answerable.isEmpty else { return }
        try await producer.sendAll(answerable.map { address, envelope in
            OutgoingRecord(topic: Topics.gatewayReplies.name, key: address.instance, value: try WireFormat.encode(envelope),
                           headers: [KafkaHeader(name: ReplyAddress.requestIdHeader, text: address.requestId),
                                     KafkaHeader(name: RecordHeaders.type, text: envelope.type)],
                           partition: address.partition)
        })
    }
}
