import Contracts
import Foundation
@testable import Kafka
import NotificationCore
@testable import NotificationService
import Runtime
import ServiceKit
import Testing
import TestSupport

/// The notification relay's memory against the mock cluster: one instance routes and commits as
/// the relay does and checkpoints; a later one (a restart) restores from the snapshot plus only
/// the records the group handled after it; one on another machine (no snapshot) reads them all.
@Suite(.serialized) struct RelayMemoryTests {
    static let topic = Topics.orderEvents.name
    static let partition = TopicPartition(topic: topic, partition: 0)
    static let buyer = id("BUYER-RELAY") as CompanyID
    static let supplier = id("SUP-RELAY") as CompanyID

    @Test func restart_restoresFromTheSnapshot_readingOnlyWhatTheGroupHandledAfterIt() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: Self.topic, partitions: 1))
        let directory = try TemporaryDirectory(prefix: "relay")
        defer { directory.remove() }

        // The first instance routes and commits two placed orders, then checkpoints.
        try await Self.produce([Self.placed("ORD-R1"), Self.placed("ORD-R2")], cluster: cluster)
        let first = try Self.memory(cluster, directory)
        first.assignmentChanged(ConsumerAssignment(partitions: [Self.partition], hasJoinedGroup: true))
        await first.waitUntilRestored(Self.partition)
        try await Self.relay(2, through: first, cluster: cluster)
        #expect(await first.checkpoint() == [Self.partition])
        #expect(await first.checkpoint() == [], "nothing changed: nothing rewritten")
        let written = try #require(PartitionSnapshot<NotificationRouter>.load(
            directory: directory.path + "/relay", topic: Self.topic, partition: 0)).get()
        #expect(written.nextOffset == 2)
        #expect(written.cluster?.isEmpty == false, "the snapshot names the cluster its offsets are on")
        #expect(written.state.rememberedOrders == 2)
        #expect(throws: Never.self, "streamed, never built whole in memory") { try StreamingJSONEncoder().encode(written) }

        // A third is routed and committed, and the instance dies before its next checkpoint.
        try await Self.produce([Self.placed("ORD-R3")], cluster: cluster)
        try await Self.relay(1, through: first, cluster: cluster)

        let restarted = try Self.memory(cluster, directory)
        restarted.assignmentChanged(ConsumerAssignment(partitions: [Self.partition], hasJoinedGroup: true))
        await restarted.waitUntilRestored(Self.partition)
        #expect(Self.restores(restarted, "snapshot") == 1)
        #expect(Self.recordsRead(restarted) == 1, "only the record after the snapshot is read again")
        for order in ["ORD-R1", "ORD-R3"] {
            #expect(try Self.suppliersTold(ofConfirming: order, by: restarted) == [Self.supplier],
                    "the supplier of \(order) hears of its confirmation")
        }

        // Another machine: no snapshot, every handled record read; the same memory.
        let elsewhere = try TemporaryDirectory(prefix: "relay-elsewhere")
        defer { elsewhere.remove() }
        let newOwner = try Self.memory(cluster, elsewhere)
        newOwner.assignmentChanged(ConsumerAssignment(partitions: [Self.partition], hasJoinedGroup: true))
        await newOwner.waitUntilRestored(Self.partition)
        #expect(Self.restores(newOwner, "topic") == 1)
        #expect(Self.recordsRead(newOwner) == 3)
        #expect(try Self.suppliersTold(ofConfirming: "ORD-R2", by: newOwner) == [Self.supplier])
        #expect(try Self.suppliersTold(ofConfirming: "ORD-UNKNOWN", by: newOwner) == [],
                "an order it never saw placed has no known suppliers")
    }

    /// A stopping consumer revokes its partitions before the last checkpoint: that checkpoint
    /// still writes them, and only then are they let go.
    @Test func revokedPartition_isWrittenByTheNextCheckpoint_thenForgotten() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: Self.topic, partitions: 1))
        let directory = try TemporaryDirectory(prefix: "relay")
        defer { directory.remove() }
        try await Self.produce([Self.placed("ORD-V1")], cluster: cluster)
        let memory = try Self.memory(cluster, directory)
        memory.assignmentChanged(ConsumerAssignment(partitions: [Self.partition], hasJoinedGroup: true))
        await memory.waitUntilRestored(Self.partition)
        try await Self.relay(1, through: memory, cluster: cluster)

        memory.assignmentChanged(ConsumerAssignment(partitions: [], hasJoinedGroup: true))
        #expect(memory.held.withLock { $0[Self.partition] } != nil, "kept until written")
        #expect(await memory.checkpoint() == [Self.partition])
        #expect(memory.held.withLock { $0[Self.partition] } == nil, "written, then let go")
    }

    /// Revoked before its restore finished: another instance routes it now, so the restored
    /// memory is not installed (it would have been checkpointed and reminded from here forever).
    @Test func partitionRevokedWhileRestoring_isNotKept() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: Self.topic, partitions: 1))
        let directory = try TemporaryDirectory(prefix: "relay")
        defer { directory.remove() }
        let memory = try Self.memory(cluster, directory)
        memory.assignmentChanged(ConsumerAssignment(partitions: [Self.partition], hasJoinedGroup: true))
        memory.assignmentChanged(ConsumerAssignment(partitions: [], hasJoinedGroup: true))
        #expect(await eventually(timeout: .seconds(30)) { Self.restores(memory, "topic") == 1 }, "the restore ran to its end")
        #expect(memory.held.withLock { $0[Self.partition] } == nil)
    }

    /// Snapshots of `payment.events.v1` written before payment announced invoices due are read
    /// by nothing: a starting relay deletes them and keeps its own (and any other file).
    @Test func start_removesSnapshotsOfTopicsNoLongerRemembered() throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "relay")
        defer { directory.remove() }
        let relay = directory.path + "/relay"
        try FileManager.default.createDirectory(atPath: relay, withIntermediateDirectories: true)
        let names = ["payment.events.v1-0.snapshot", "payment.events.v1-11.snapshot", "\(Self.topic)-0.snapshot",
                     "\(Self.topic)-0.snapshot.tmp", "README.txt"]
        for name in names { try Data("{}".utf8).write(to: URL(fileURLWithPath: relay + "/" + name)) }

        _ = try Self.memory(cluster, directory)
        let left = try FileManager.default.contentsOfDirectory(atPath: relay).sorted()
        #expect(left == ["README.txt", "\(Self.topic)-0.snapshot", "\(Self.topic)-0.snapshot.tmp"])
    }

    // MARK: Helpers

    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static func memory(_ cluster: MockCluster, _ directory: TemporaryDirectory) throws -> RelayMemory {
        let env = EnvironmentReader([
            ServiceSettings.Key.kafkaBootstrap: cluster.bootstrapServers,
            ServiceSettings.Key.kafkaProfile: KafkaProfile.mock.rawValue,
            ServiceSettings.Key.stateDirectory: directory.path,
            ServiceSettings.Key.checkpointInterval: "30",
        ])
        let settings = ServiceSettings.read(service: "notification", from: env)
        try env.validate()
        let context = ServiceContext(settings: settings, logger: KafkaTestKit.quietLogger, metrics: MetricsRegistry(),
                                     readiness: Readiness(),
                                     producer: try KafkaProducer(settings: settings.kafka, logger: KafkaTestKit.quietLogger))
        return RelayMemory(context: context, timeout: .seconds(30))
    }

    /// What the relay does with `count` new records: routes them as one batch, then stores their
    /// offsets in its group, committed when the member leaves.
    static func relay(_ count: Int, through memory: RelayMemory, cluster: MockCluster) async throws {
        let consumer = try KafkaConsumer(settings: KafkaTestKit.settings(cluster), groupId: NotificationSubscriptions.relayGroup,
                                         topics: [topic], logger: KafkaTestKit.quietLogger)
        var messages: [KafkaMessage] = []
        for _ in 0..<count { messages.append(try #require(await consumer.next())) }
        memory.beginBatch(partition)
        for message in messages { _ = try memory.route(message) }
        memory.endBatch(partition, through: messages.last)
        for message in messages { consumer.storeOffset(after: message) }
        consumer.stopDelivery()
        await consumer.close()
    }

    static func restores(_ memory: RelayMemory, _ source: String) -> Int64 {
        memory.context.metrics.counter("tradeflow_relay_memory_restores_total", help: "",
                                       labels: ["topic": topic, "source": source]).value
    }

    static func recordsRead(_ memory: RelayMemory) -> Int64 {
        memory.context.metrics.counter("tradeflow_relay_memory_restore_records_total", help: "", labels: ["topic": topic]).value
    }

    /// The suppliers the relay tells when `order` is confirmed.
    static func suppliersTold(ofConfirming order: String, by memory: RelayMemory) throws -> [CompanyID] {
        let confirmed = envelope(OrderEvent.confirmed(OrderConfirmed(
            commandId: id("cmd-confirm-\(order)"), order: id(order), buyer: buyer, at: Date(), payment: .authorized,
            amount: Money(minorUnits: 1_000, currency: .cny), committed: [])), id: "evt-confirmed-\(order)")
        let message = KafkaMessage(topic: topic, partition: 0, offset: 1_000, key: Array(buyer.rawValue.utf8),
                                   value: try WireFormat.encode(confirmed))
        return try memory.route(message).0.map(\.recipient).filter { $0 != buyer }
    }

    static func envelope(_ event: OrderEvent, id raw: String) -> Envelope<OrderEvent> {
        Envelope(id: id(raw), occurredAt: Date(), causationId: nil, correlationId: id("corr-\(raw)"), tenant: "tradeflow",
                 key: buyer.rawValue, payload: event)
    }

    static func placed(_ order: String) -> Envelope<OrderEvent> {
        let money = Money(minorUnits: 1_000, currency: .cny)
        let line = OrderLine(line: "\(order)-L1", sku: id("SKU-RELAY-1"), product: id("P-RELAY"), supplier: supplier,
                             distributor: nil, category: ["Tea"], quantity: 1, unitPrice: money, lineTotal: money,
                             rule: AppliedRule(kind: .base, priceListId: nil, description: "base"), subOrder: "\(order)-S1")
        return envelope(.placed(OrderPlaced(
            commandId: id("cmd-place-\(order)"), order: id(order), buyer: buyer, at: Date(), placedBy: id("u-relay"),
            status: .reservingStock, idempotencyKey: nil, poNumber: nil, note: nil,
            deliveryAddress: Address(name: "Li", phone: "1", region: "SH", city: "SH", street: "1 Rd"),
            paymentMethod: .credit, lines: [line],
            subOrders: [SubOrder(subOrder: "\(order)-S1", supplier: supplier, lines: ["\(order)-L1"], total: money)],
            total: money, paymentDueBy: nil)), id: "evt-placed-\(order)")
    }

    static func produce(_ envelopes: [Envelope<OrderEvent>], cluster: MockCluster) async throws {
        let values = try envelopes.map { (key: buyer.rawValue, value: String(decoding: try WireFormat.encode($0), as: UTF8.self)) }
        try await KafkaTestKit.produce(values, to: topic, cluster: cluster, ordered: true)
    }
}
